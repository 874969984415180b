// Service commands that transcribe a passage of a meeting again (another language or model) and
// put the result in place of the passage's segments as ONE journaled edit (shared/edits.ts,
// replacePassage), so one undo restores the old segments exactly.
//
// Checks, in this order: no transcription job runs on the meeting (job.running), the meeting is
// not approved (meeting.readOnly), the client's version is the current one (edit.conflict) and
// both segments exist (edit.segmentNotFound), all before the engine runs. The version is checked
// again when the edit is applied: a change made while the engine ran (another window, an edit of
// this one) refuses the result instead of overwriting it. While the passage runs no job starts on
// the meeting (TranscriptionJobs.exclusive), and a second passage on the same meeting is refused.
import type { z } from 'zod';
import { apiInputs, type MahdarService } from '../../shared/api.ts';
import { newId, type Meeting, type Segment } from '../../shared/domain.ts';
import type { EditResult, ReplacePassageEdit } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { TranscriptionJobs } from '../asr/job.ts';
import { transcribePassage, type PassageOptions, type PassageRun } from '../asr/passage.ts';
import type { ServiceContext } from '../context/context.ts';
import { segmentsBetween } from '../../shared/transcript/passage.ts';

type Input = z.output<(typeof apiInputs)['retranscribePassage']>;
/** What tests may set besides the API's arguments. */
export type PassageOverrides = Pick<PassageOptions, 'decode' | 'threads' | 'onEngineStart'>;

interface Slot {
  run: PassageRun | null;
  cancelled: boolean;
}

/** The segments from `fromId` to `toId` (inclusive, either order) in time order, as the editor's ranges. */
export function passageSegments(m: Meeting, fromId: string, toId: string): Segment[] {
  const segments = segmentsBetween(m.segments, fromId, toId);
  if (!segments) throw new MahdarError('edit.segmentNotFound');
  return segments;
}

/** The passages being transcribed again, one per meeting at most; made once per service (parts.ts). */
export class Passages {
  private readonly runs = new Map<string, Slot>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly jobs: TranscriptionJobs,
  ) {}

  async retranscribe(input: Input, overrides: PassageOverrides = {}): Promise<EditResult> {
    const { ctx, runs } = this;
    const { meetingId, baseVersion } = input;
    if (runs.has(meetingId)) throw new MahdarError('passage.running');
    const slot: Slot = { run: null, cancelled: false };
    runs.set(meetingId, slot);
    try {
      return await this.jobs.exclusive(meetingId, 'job.running', async () => {
        const meeting = await ctx.archive.read(meetingId);
        if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
        const version = meeting.version ?? 0;
        if (baseVersion !== version) throw new MahdarError('edit.conflict', { base: baseVersion, current: version });
        if (!meeting.audio) throw new MahdarError('audio.missing');
        const passage = passageSegments(meeting, input.fromId, input.toId);
        const start = Math.min(...passage.map((s) => s.start));
        const end = Math.max(start, ...passage.map((s) => s.end));
        if (slot.cancelled) throw new MahdarError('passage.cancelled');
        const run = transcribePassage(ctx, { meeting, start, end, language: input.language, modelId: input.modelId, ...overrides });
        slot.run = run;
        const found = await run.done;
        // Removing the passage for nothing would lose its text: the secretary tries another setting.
        if (!found.length) throw new MahdarError('passage.noSpeech');
        const edit: ReplacePassageEdit = {
          type: 'replacePassage',
          removeIds: passage.map((s) => s.id),
          segments: found.map((s) => ({ id: newId('s'), start: s.start, end: s.end, text: s.text, ...(s.wordConfidence ? { wordConfidence: s.wordConfidence } : {}) })),
        };
        const result = await ctx.journals.apply(meetingId, baseVersion, edit);
        if (result.version !== baseVersion) ctx.events.publish({ type: 'meeting', meetingId });
        return result;
      });
    } finally {
      runs.delete(meetingId);
    }
  }

  async cancel(meetingId: string): Promise<{ cancelled: boolean }> {
    const slot = this.runs.get(meetingId);
    if (!slot) return { cancelled: false };
    slot.cancelled = true;
    await slot.run?.cancel();
    return { cancelled: true };
  }
}

export function passageCommands(passages: Passages): Pick<MahdarService, 'retranscribePassage' | 'cancelRetranscription'> {
  return {
    retranscribePassage: (input) => passages.retranscribe(input),
    cancelRetranscription: ({ meetingId }) => passages.cancel(meetingId),
  };
}
