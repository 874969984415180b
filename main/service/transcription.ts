// Service commands for audio import, models and transcription jobs (issue 3).
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MahdarService } from '../../shared/api.ts';
import { idSchema } from '../../shared/domain.ts';
import { adoptArabicDefault } from '../asr/default-model.ts';
import { clearJobRecord, type TranscriptionJobs } from '../asr/job.ts';
import { downloadModel, importModel, listModels } from '../asr/models.ts';
import { sweepRunTemp } from '../asr/run-temp.ts';
import { importAudioFile } from '../audio/import.ts';
import type { ServiceContext } from '../context/context.ts';
import { discardUpload, takeUpload } from '../context/uploads.ts';
import { revisionsNeedAudio } from '../export/approve.ts';

type Commands = Pick<MahdarService, 'importAudio' | 'listModels' | 'importModel' | 'downloadModel' | 'startTranscription' | 'cancelTranscription' | 'getTranscription'>;

/**
 * A temporary file in a meeting folder untouched for this long is a leftover of a killed process:
 * atomic writes keep theirs for milliseconds and the audio decoder writes to its own continuously,
 * so another Mahdar working on the same data root right now is never robbed of a file.
 */
export const STALE_TMP_MS = 10 * 60 * 1000;

/**
 * Removes what a killed app left behind: the engine's temporary folders (tail WAVs of resumed
 * runs) of processes that are gone, and stale *.tmp files in meeting folders (interrupted atomic
 * writes and audio decodes). Returns the removed names, for the tests.
 */
export async function sweepTemporaryFiles(ctx: ServiceContext, now = Date.now()): Promise<string[]> {
  const removed = await sweepRunTemp();
  const root = ctx.archive.meetingsRoot;
  for (const id of await readdir(root).catch(() => [] as string[])) {
    if (!idSchema.safeParse(id).success) continue;
    const dir = join(root, id);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith('.tmp')) continue;
      const info = await stat(join(dir, name)).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < STALE_TMP_MS) continue;
      await rm(join(dir, name), { force: true }).then(() => removed.push(`${id}/${name}`), () => undefined);
    }
  }
  return removed;
}

export function transcriptionCommands(ctx: ServiceContext, jobs: TranscriptionJobs): Commands {
  // Swept once when the service starts; the commands that write into meeting folders wait for it.
  const swept = sweepTemporaryFiles(ctx).catch(() => [] as string[]);
  return {
    async importAudio({ meetingId, uploadId }) {
      await swept;
      try {
        // The new recording replaces the old one and its transcript, so a job still working on
        // the old recording is cancelled first; no job starts until the meeting names the new one.
        return await jobs.exclusive(meetingId, null, async () => {
          const { file, name } = await takeUpload(ctx, uploadId);
          const dir = ctx.archive.meetingDir(meetingId);
          const meeting = await importAudioFile(ctx, meetingId, file, name, { keepAudio: (old) => revisionsNeedAudio(dir, old) });
          await clearJobRecord(ctx, meetingId).catch(() => undefined);
          jobs.forget(meetingId);
          ctx.events.publish({ type: 'meeting', meetingId });
          return meeting;
        });
      } finally {
        await discardUpload(ctx, uploadId).catch(() => undefined);
      }
    },
    listModels: () => listModels(ctx),
    // A newly installed model recommended for Arabic becomes the settings' model (default-model.ts);
    // the model is installed either way, so a settings file that cannot be written fails nothing.
    async importModel({ uploadId }) {
      const model = await importModel(ctx, uploadId);
      await adoptArabicDefault(ctx).catch(() => undefined);
      return model;
    },
    async downloadModel({ modelId }) {
      const model = await downloadModel(ctx, modelId);
      await adoptArabicDefault(ctx).catch(() => undefined);
      return model;
    },
    async startTranscription({ meetingId, modelId, language, threads, restart }) {
      await swept;
      return jobs.start({ meetingId, modelId, language, threads, restart });
    },
    cancelTranscription: ({ meetingId }) => jobs.cancel(meetingId),
    async getTranscription({ meetingId }) {
      await swept;
      return jobs.get(meetingId);
    },
  };
}
