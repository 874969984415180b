// What every part of main shares: where data lives, the archive, the event bus, what is being
// uploaded or downloaded. Made once per data root by the transport, which closes it at shutdown.
// Lives below asr/, audio/ and service/ so that those folders import it downward.
import { join } from 'node:path';
import type { ModelInfo } from '../../shared/api.ts';
import { MeetingArchive } from '../archive/archive.ts';
import { MeetingJournals } from '../archive/journal.ts';
import { EventBus } from './events.ts';
import { UploadTable } from './upload-table.ts';

/** A model download in progress (asr/models.ts): a second request joins it, the model list shows it. */
export interface ModelDownload {
  received: number;
  total: number;
  promise: Promise<ModelInfo>;
}

export interface ServiceContext {
  /** Root of all user data: meetings/, models/, uploads/, settings.json. */
  dataRoot: string;
  archive: MeetingArchive;
  events: EventBus;
  /** The edit commands' journals (one per meeting), sharing the archive's per-meeting queue. */
  journals: MeetingJournals;
  /** Extra read-only folders searched for Whisper models (e.g. a site's shared model folder). */
  modelDirs: string[];
  /** Uploads in progress (context/uploads.ts). */
  uploads: UploadTable;
  /** Model downloads in progress, by model id. */
  downloads: Map<string, ModelDownload>;
  /**
   * Stops what runs on its own for this data root (the upload sweep timer). The transports call
   * it once, at shutdown; the context is not used after it. Engines need no call: their watchdogs
   * end with the process (asr/engine.ts).
   */
  close(): Promise<void>;
}

export async function createContext(dataRoot: string, modelDirs: string[] = []): Promise<ServiceContext> {
  const archive = new MeetingArchive(dataRoot);
  await archive.init();
  const journals = new MeetingJournals({ queue: archive.queue, meetingDir: (id) => archive.meetingDir(id) });
  const uploads = new UploadTable();
  return {
    dataRoot,
    archive,
    events: new EventBus(),
    journals,
    modelDirs,
    uploads,
    downloads: new Map(),
    async close() {
      uploads.close();
    },
  };
}

export const uploadsDir = (ctx: ServiceContext) => join(ctx.dataRoot, 'uploads');
export const modelsDir = (ctx: ServiceContext) => join(ctx.dataRoot, 'models');
