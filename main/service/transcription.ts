// Service commands for audio import, models and transcription jobs (issue 3).
import type { MahdarService } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { clearJobRecord, jobsFor } from '../asr/job.ts';
import { downloadModel, importModel, listModels } from '../asr/models.ts';
import { importAudioFile } from '../audio/import.ts';
import type { ServiceContext } from './context.ts';
import { discardUpload, takeUpload } from './uploads.ts';

type Commands = Pick<MahdarService, 'importAudio' | 'listModels' | 'importModel' | 'downloadModel' | 'startTranscription' | 'cancelTranscription' | 'getTranscription'>;

export function transcriptionCommands(ctx: ServiceContext): Commands {
  const jobs = jobsFor(ctx);
  return {
    async importAudio({ meetingId, uploadId }) {
      if (jobs.get(meetingId)?.status === 'running') throw new MahdarError('job.running');
      try {
        const { file, name } = await takeUpload(ctx, uploadId);
        const meeting = await importAudioFile(ctx, meetingId, file, name);
        await clearJobRecord(ctx, meetingId).catch(() => undefined);
        ctx.events.publish({ type: 'meeting', meetingId });
        return meeting;
      } finally {
        await discardUpload(ctx, uploadId).catch(() => undefined);
      }
    },
    listModels: () => listModels(ctx),
    importModel: ({ uploadId }) => importModel(ctx, uploadId),
    downloadModel: ({ modelId }) => downloadModel(ctx, modelId),
    startTranscription: ({ meetingId, modelId, language, threads }) => jobs.start({ meetingId, modelId, language, threads }),
    cancelTranscription: ({ meetingId }) => jobs.cancel(meetingId),
    getTranscription: async ({ meetingId }) => jobs.get(meetingId),
  };
}
