// The long-lived parts of one service, made once for its context: createService makes them (a
// test that must reach one makes them itself and hands them to createService). Nothing looks
// them up by context; each command module is given the parts it uses.
import { Calibrations } from '../asr/calibration/calibrate.ts';
import { TranscriptionJobs } from '../asr/job.ts';
import type { ServiceContext } from '../context/context.ts';
import { DraftingJobs } from '../drafting/jobs.ts';
import { sourceOpener } from '../drafting/sources.ts';
import { Passages } from './passage.ts';

export interface ServiceParts {
  /** Transcription jobs, and the hold on a meeting that recording, import, approval and deletion take. */
  jobs: TranscriptionJobs;
  /** "Measure on this computer": gives way to the jobs. */
  calibrations: Calibrations;
  /** Passages transcribed again: each holds its meeting against jobs. */
  passages: Passages;
  /** Summaries drafted by a language model, one run per meeting. */
  drafting: DraftingJobs;
}

export function createParts(ctx: ServiceContext): ServiceParts {
  const jobs = new TranscriptionJobs(ctx);
  return {
    jobs,
    calibrations: new Calibrations(ctx, jobs),
    passages: new Passages(ctx, jobs),
    // Drafts wait while a recording (with its live text) or a transcription goes on.
    drafting: new DraftingJobs(ctx, sourceOpener(ctx), { givesWayTo: () => jobs.busy() }),
  };
}
