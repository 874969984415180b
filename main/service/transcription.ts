// Service commands for audio import, models and transcription jobs (issue 3).
import type { MahdarService } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { clearJobRecord, jobsFor } from '../asr/job.ts';
import { downloadModel, importModel, listModels } from '../asr/models.ts';
import { importAudioFile } from '../audio/import.ts';
import type { ServiceContext } from '../context/context.ts';
import { discardUpload, takeUpload } from '../context/uploads.ts';

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
    async startTranscription({ meetingId, modelId, language, threads, restart }) {
      if (restart) {
        if (jobs.get(meetingId)?.status === 'running') throw new MahdarError('job.running');
        // Segments go, and with them the links decisions held to them; the decisions stay.
        await ctx.archive.update(meetingId, (m) => {
          if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
          return { ...m, segments: [], decisions: m.decisions.map((d) => ({ ...d, segmentIds: [] })) };
        });
        await clearJobRecord(ctx, meetingId);
        ctx.events.publish({ type: 'meeting', meetingId });
      }
      return jobs.start({ meetingId, modelId, language, threads });
    },
    cancelTranscription: ({ meetingId }) => jobs.cancel(meetingId),
    getTranscription: async ({ meetingId }) => jobs.get(meetingId),
  };
}
