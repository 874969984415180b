// After a recording: the full-quality pass (the resumable job) over the whole file, which replaces
// the live text, then the live marks applied to its segments (applyMarks) once it ends done.
// Nothing happens without an installed model; the secretary starts it later.
import type { StartOptions, TranscriptionJobs } from '../../asr/job.ts';
import { resolveModel } from '../../asr/models.ts';
import type { ServiceContext } from '../../context/context.ts';
import { readSettings } from '../../context/settings.ts';

export interface AfterStop {
  jobs: TranscriptionJobs;
  /** Meetings whose full pass was started here (a new recording cancels it). */
  autoJobs: Set<string>;
  /** True when the meeting records again (its pass is then not started). */
  recording: (meetingId: string) => boolean;
  decode?: StartOptions['decode'];
}

/** True once a model is installed and chosen: without one no pass starts. */
async function modelReady(ctx: ServiceContext): Promise<boolean> {
  // Checked first: a job that fails its own checks would hold the meeting meanwhile.
  const settings = await readSettings(ctx).catch(() => null);
  return !!settings && (await resolveModel(ctx, settings.modelId).then(() => true, () => false));
}

export async function transcribeAfter(ctx: ServiceContext, meetingId: string, after: AfterStop): Promise<void> {
  const { jobs, autoJobs } = after;
  // The recording's hold on the meeting ends when stopRecording's command has returned.
  for (let i = 0; i < 1000 && jobs.isHeld(meetingId); i++) await new Promise((res) => setImmediate(res));
  if (!(await modelReady(ctx)) || after.recording(meetingId)) return;
  autoJobs.add(meetingId);
  try {
    await jobs.start({ meetingId, decode: after.decode });
  } catch {
    autoJobs.delete(meetingId);
    return; // a job or another command came first
  }
  const job = await jobs.wait(meetingId);
  autoJobs.delete(meetingId);
  if (job?.status === 'done') await applyLiveMarks(ctx, meetingId);
}

async function applyLiveMarks(ctx: ServiceContext, meetingId: string): Promise<void> {
  try {
    const { version } = await ctx.journals.state(meetingId);
    const out = await ctx.journals.apply(meetingId, version, { type: 'applyMarks', overwrite: false });
    if (out.version !== version) ctx.events.publish({ type: 'meeting', meetingId });
  } catch (err) {
    // Approved or deleted meanwhile: the marks stay, and applyMarks can be run by hand.
    console.error(`mahdar: applying the marks of meeting ${meetingId} failed:`, err);
  }
}
