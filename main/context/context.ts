// What every part of main shares: where data lives, the archive, the event bus. Lives below asr/,
// audio/ and service/ so that those folders import it downward.
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
  /** Adds what to stop when the context closes (the service's parts add theirs in createService). */
  onClose(stop: () => Promise<void> | void): void;
  /**
   * Stops the timers and the work of the service on this data root, last added first. The
   * transports call it once, at shutdown; the context is not used after it.
   */
  close(): Promise<void>;
}

export async function createContext(dataRoot: string, modelDirs: string[] = []): Promise<ServiceContext> {
  const archive = new MeetingArchive(dataRoot);
  await archive.init();
  const journals = new MeetingJournals({ queue: archive.queue, meetingDir: (id) => archive.meetingDir(id) });
  const uploads = new UploadTable();
  const stops: (() => Promise<void> | void)[] = [() => uploads.close()];
  return {
    dataRoot,
    archive,
    events: new EventBus(),
    journals,
    modelDirs,
    uploads,
    downloads: new Map(),
    onClose: (stop) => void stops.push(stop),
    async close() {
      for (const stop of stops.splice(0).reverse()) {
        await Promise.resolve()
          .then(stop)
          .catch((err: unknown) => console.error('mahdar: closing the service failed:', err));
      }
    },
  };
}

export const uploadsDir = (ctx: ServiceContext) => join(ctx.dataRoot, 'uploads');
export const modelsDir = (ctx: ServiceContext) => join(ctx.dataRoot, 'models');
