// What every part of main shares: where data lives, the archive, the event bus. Lives below asr/,
// audio/ and service/ so that those folders import it downward.
import { join } from 'node:path';
import { MeetingArchive } from '../archive/archive.ts';
import { MeetingJournals } from '../archive/journal.ts';
import { EventBus } from './events.ts';

export interface ServiceContext {
  /** Root of all user data: meetings/, models/, uploads/, settings.json. */
  dataRoot: string;
  archive: MeetingArchive;
  events: EventBus;
  /** The edit commands' journals (one per meeting), sharing the archive's per-meeting queue. */
  journals: MeetingJournals;
  /** Extra read-only folders searched for Whisper models (e.g. a site's shared model folder). */
  modelDirs: string[];
}

export async function createContext(dataRoot: string, modelDirs: string[] = []): Promise<ServiceContext> {
  const archive = new MeetingArchive(dataRoot);
  await archive.init();
  const journals = new MeetingJournals({ queue: archive.queue, meetingDir: (id) => archive.meetingDir(id) });
  return { dataRoot, archive, events: new EventBus(), journals, modelDirs };
}

export const uploadsDir = (ctx: ServiceContext) => join(ctx.dataRoot, 'uploads');
export const modelsDir = (ctx: ServiceContext) => join(ctx.dataRoot, 'models');
