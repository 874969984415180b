// A running transcription job's progress as the page sees it (job.ts): the {type:'job'} events
// while it runs, and its state when it ends. Progress (doneSec, percent) counts only segments
// written to meeting.json, so that it is what a resumed run will not redo.
import type { TranscriptionJob } from '../../shared/api.ts';
import { toErrorPayload } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import type { RunResult } from './runner.ts';
import type { SegmentSaver } from './segment-saver.ts';

/** Percent of the audio (one decimal) that `sec` seconds are. */
const percentOf = (sec: number, durationSec: number) => (durationSec > 0 ? Math.round(Math.min(100, (sec / durationSec) * 100) * 10) / 10 : 0);

/**
 * Publishes a running job's state as {type:'job'} events: at once when it starts or saves, at
 * most every 500 ms when only the engine's time estimate moves.
 */
export class JobEvents {
  private lastAt = 0;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly job: TranscriptionJob,
    private readonly durationSec: number,
  ) {}

  publish(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastAt < 500) return;
    this.lastAt = now;
    this.ctx.events.publish({ type: 'job', job: { ...this.job } });
  }

  /** Segments up to `savedEnd` are on disk: that is the progress. */
  saved(savedEnd: number): void {
    this.job.doneSec = savedEnd;
    this.job.percent = percentOf(savedEnd, this.durationSec);
    this.publish(true);
  }

  /** The engine runs with `now` of its `most` threads (fewer while other programs hold cores). */
  threads(now: number, most: number): void {
    this.job.threads = { now, most };
    this.publish(true);
  }

  /**
   * `done` of the `total` spans without text transcribed again (gap-pass.ts). The full pass's time
   * left no longer applies (it reached 0), and the second look's is not known: none is shown.
   */
  secondLook(done: number, total: number): void {
    this.job.secondLook = { done, total };
    this.job.etaSec = null;
    this.publish(true);
  }

  /** Only the time estimate comes from the engine's own progress; percent and doneSec follow the saved segments. */
  eta(etaSec: number | null): void {
    this.job.etaSec = etaSec === null ? null : Math.round(etaSec);
    this.publish();
  }
}

/**
 * The job's end state from the engine's result and the saves: a failed save fails the job; the
 * progress of a job that is not done is its saved work only, what a resumed run will not redo.
 */
export function settle(job: TranscriptionJob, result: RunResult, saver: SegmentSaver, durationSec: number): void {
  if (saver.state.kind === 'failed') {
    job.status = 'failed';
    job.error = toErrorPayload(saver.state.error);
  } else if (result.status === 'done') {
    job.status = 'done';
    job.percent = 100;
    job.doneSec = durationSec;
    job.etaSec = 0;
  } else if (result.status === 'cancelled') {
    job.status = 'cancelled';
    job.etaSec = null;
  } else {
    job.status = 'failed';
    job.error = toErrorPayload(result.error);
    job.etaSec = null;
  }
  // Only while it runs.
  delete job.threads;
  delete job.secondLook;
  if (job.status !== 'done') {
    job.doneSec = saver.savedEnd;
    job.percent = percentOf(saver.savedEnd, durationSec);
  }
}
