// Drafting runs: for one meeting, a language model drafts the summary of each intervention that
// has none (pending.ts), one after the other, and each draft is saved at once as a journaled
// draftSummary edit, so an open editor shows it and undo takes it back. Progress comes as
// {type:'drafting'} events after each intervention. One run per meeting: starting again while it
// runs answers the running one. Cancel aborts the draft being written at once; what was saved
// stays. Between drafts a run gives way to a recording or a transcription (givesWayTo); the
// model's own process runs at the lowest priority (main/llm/worker.ts). A record in the meeting
// folder (run-record.ts) says a run is in progress: when the app was killed meanwhile, the next
// start resumes it (resumeAll), and the drafts saved before are not written again since their
// interventions are no longer missing.
import type { DraftingJob, DraftingSource } from '../../shared/drafting.ts';
import { LIMITS, type Meeting } from '../../shared/domain.ts';
import type { Edit } from '../../shared/edits.ts';
import { MahdarError, toErrorPayload } from '../../shared/errors.ts';
import type { Intervention } from '../../shared/summaries/interventions.ts';
import { interventionPrompt, PROMPT_PASSAGE_CHARS } from '../../shared/summaries/prompt.ts';
import type { ServiceContext } from '../context/context.ts';
import type { Drafter } from '../llm/drafter.ts';
import { applyOnCurrent } from './apply-current.ts';
import { pendingInterventions } from './pending.ts';
import { clearRunRecord, unfinishedRuns, writeRunRecord } from './run-record.ts';
import { readDraftingSettings } from './settings.ts';

/** Opens the drafter of a source (a model file in a child process, or the endpoint); throws a MahdarError when it cannot. */
export type OpenDrafter = (source: DraftingSource) => Promise<Drafter>;

/** Most tokens one summary may take: a short paragraph. */
export const DRAFT_MAX_TOKENS = 400;

/** How often a run that gives way looks again whether the recording or transcription has ended. */
const GIVE_WAY_POLL_MS = 1000;

export interface DraftingJobsOptions {
  /** Tokens a draft may take, and characters of an intervention its prompt carries (the bench fits a tiny model's context). */
  maxTokens?: number;
  promptChars?: number;
  /**
   * True while drafts must wait: a recording with its live text, or a transcription, is going on
   * (TranscriptionJobs.busy). The draft under way finishes; the next one starts once it is false.
   */
  givesWayTo?: () => boolean;
}

export interface DraftingOptions {
  source?: DraftingSource;
  redraft?: boolean;
}

interface Running {
  job: DraftingJob;
  abort: AbortController;
  finished: Promise<DraftingJob>;
}

type Ctx = Pick<ServiceContext, 'archive' | 'journals' | 'events' | 'dataRoot'>;

export class DraftingJobs {
  private readonly runs = new Map<string, Running>();
  private readonly last = new Map<string, DraftingJob>();

  constructor(
    private readonly ctx: Ctx,
    private readonly open: OpenDrafter,
    private readonly opts: DraftingJobsOptions = {},
  ) {}

  get(meetingId: string): DraftingJob | null {
    const job = this.runs.get(meetingId)?.job ?? this.last.get(meetingId);
    return job ? { ...job } : null;
  }

  /** Resolves with the run's end state (at once with the last state when none runs). */
  wait(meetingId: string): Promise<DraftingJob | null> {
    return this.runs.get(meetingId)?.finished ?? Promise.resolve(this.get(meetingId));
  }

  /** Stops the run: the draft being written is abandoned at once, the saved ones stay. */
  async cancel(meetingId: string): Promise<DraftingJob | null> {
    const r = this.runs.get(meetingId);
    if (!r) return this.get(meetingId);
    r.abort.abort();
    return r.finished;
  }

  async start(meetingId: string, opts: DraftingOptions = {}): Promise<DraftingJob> {
    const running = this.runs.get(meetingId);
    if (running) return { ...running.job };
    const meeting = await this.ctx.archive.read(meetingId);
    if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
    const source = opts.source ?? (await readDraftingSettings(this.ctx)).source;
    if (!source) throw new MahdarError('drafting.noSource');
    // A start that came while this one awaited has made the run: answer it.
    const raced = this.runs.get(meetingId);
    if (raced) return { ...raced.job };
    const redraft = opts.redraft ?? false;
    const job: DraftingJob = { meetingId, status: 'running', source, modelName: '', total: pendingInterventions(meeting, redraft).length, done: 0, skipped: 0, current: null, error: null };
    let finish!: (job: DraftingJob) => void;
    const run: Running = { job, abort: new AbortController(), finished: new Promise((r) => (finish = r)) };
    this.runs.set(meetingId, run);
    let drafter: Drafter;
    try {
      drafter = await this.open(source);
      job.modelName = drafter.modelName;
      await writeRunRecord(this.ctx, meetingId, source);
    } catch (err) {
      this.runs.delete(meetingId);
      finish({ ...job, status: 'failed', error: toErrorPayload(err) });
      throw err;
    }
    this.publish(job);
    void this.execute(run, drafter, redraft).then(finish);
    return { ...job };
  }

  /** Resumes the runs the app's end cut short (their record is still there). Called once at start. */
  async resumeAll(): Promise<DraftingJob[]> {
    const started: DraftingJob[] = [];
    for (const { meetingId, record } of await unfinishedRuns(this.ctx)) {
      // Drafts saved before the kill are no longer missing; a redraft resumes as a plain run so it does not write them again.
      const job = await this.start(meetingId, { source: record.source }).catch((err: unknown) => {
        console.error(`mahdar: the drafting of meeting ${meetingId} could not resume:`, err);
        return clearRunRecord(this.ctx, meetingId).then(() => null);
      });
      if (job) started.push(job);
    }
    return started;
  }

  /**
   * Drafts the pending interventions in turn, each taken from the meeting as it is at that moment
   * (speakers tagged or passages edited meanwhile regroup them), each at most once; then ends the
   * run: done, cancelled, or failed with the error.
   */
  private async execute(run: Running, drafter: Drafter, redraft: boolean): Promise<DraftingJob> {
    const { job } = run;
    const attempted = new Set<string>();
    try {
      while (!run.abort.signal.aborted) {
        await this.giveWay(run.abort.signal);
        if (run.abort.signal.aborted) break;
        const meeting = await this.ctx.archive.read(job.meetingId);
        const pending = pendingInterventions(meeting, redraft).filter((e) => !attempted.has(e.intervention.key));
        job.total = job.done + job.skipped + pending.length;
        const next = pending[0];
        if (!next) break;
        attempted.add(next.intervention.key);
        job.current = next.intervention.key;
        this.publish(job);
        if (await this.draftOne(meeting, next.intervention, drafter, run.abort.signal)) job.done++;
        else job.skipped++;
        this.publish(job);
      }
      job.status = run.abort.signal.aborted ? 'cancelled' : 'done';
    } catch (err) {
      if (run.abort.signal.aborted) job.status = 'cancelled';
      else {
        job.status = 'failed';
        job.error = toErrorPayload(err);
      }
    }
    await drafter.close().catch(() => undefined);
    // A run that fails or is cancelled is not resumed at the next start either: only a kill leaves the record.
    await clearRunRecord(this.ctx, job.meetingId).catch(() => undefined);
    job.current = null;
    this.runs.delete(job.meetingId);
    this.last.set(job.meetingId, { ...job });
    this.publish(job);
    return { ...job };
  }

  /**
   * Drafts one intervention and saves the draft. False when there was nothing to save: the model
   * wrote nothing, or the secretary wrote or accepted the summary meanwhile.
   */
  private async draftOne(meeting: Meeting, iv: Intervention, drafter: Drafter, signal: AbortSignal): Promise<boolean> {
    const prompt = interventionPrompt(meeting, iv, this.opts.promptChars ?? PROMPT_PASSAGE_CHARS);
    const { text } = await drafter.draft({ ...prompt, maxTokens: this.opts.maxTokens ?? DRAFT_MAX_TOKENS }, signal);
    if (!text.trim()) return false;
    const segmentIds = iv.segments.map((s) => s.id);
    const edit = { type: 'draftSummary' as const, kind: 'intervention' as const, segmentIds, text: text.trim().slice(0, LIMITS.longText), model: drafter.modelName.slice(0, LIMITS.shortText) };
    return this.save(meeting.id, edit);
  }

  /** Waits while the recording or the transcription goes on (givesWayTo), or until the run is cancelled. */
  private async giveWay(signal: AbortSignal): Promise<void> {
    while (this.opts.givesWayTo?.() && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, GIVE_WAY_POLL_MS);
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** Saves a draft; false when the secretary wrote or accepted that summary meanwhile. */
  private async save(meetingId: string, edit: Edit): Promise<boolean> {
    try {
      await applyOnCurrent(this.ctx, meetingId, edit);
      return true;
    } catch (err) {
      if (err instanceof MahdarError && err.code === 'summary.alreadyChecked') return false;
      throw err;
    }
  }

  private publish(job: DraftingJob): void {
    this.ctx.events.publish({ type: 'drafting', job: { ...job } });
  }
}
