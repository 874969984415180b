// "Measure on this computer": transcribes the built-in sample (sample.ts) with each installed
// model, smallest first, through the same runner and decoding as a transcription (DEFAULT_DECODE,
// the settings' threads, voice detection when its model is installed), and stores each model's
// speed (store.ts): the wall clock, with the sample's encoder windows counted as a long recording
// pays them (meeting-windows.ts). Progress reaches the UI as {type:'calibration'} events.
//
// One run at a time per data root; a second request joins it. It does not start while the engine
// is busy (a transcription, a recording with its live text, a passage transcribed again), and it
// stops, keeping what it already measured, as soon as one of them starts: the secretary's work
// comes first, and two engines on the same cores would make the measure wrong. For the same
// reason a model is not measured while other programs hold cores (free-cores.ts): its time would
// be theirs as much as the model's.
import { performance } from 'node:perf_hooks';
import type { CalibrationStatus, ModelInfo } from '../../../shared/api.ts';
import { MahdarError, toErrorPayload } from '../../../shared/errors.ts';
import type { ServiceContext } from '../../context/context.ts';
import { DEFAULT_DECODE, type DecodeOptions } from '../decode-options.ts';
import { whisperCliPath } from '../engine.ts';
import { threadsFreeNow } from '../free-cores.ts';
import type { TranscriptionJobs } from '../job.ts';
import { listModels, resolveModel } from '../models.ts';
import { findVadModel } from '../vad-model.ts';
import { runWhisper, type RunHandle } from '../runner.ts';
import { meetingWallSec } from './meeting-windows.ts';
import { calibrationSample, type Sample } from './sample.ts';
import { currentSetup, saveMeasure } from './store.ts';

/** How often a running measure checks that the engine is still free for it. */
const BUSY_POLL_MS = 250;

interface Run {
  status: CalibrationStatus;
  handle: RunHandle | null;
  cancelled: boolean;
  /** Cancelled because the engine was needed (calibration.interrupted). */
  interrupted: boolean;
  finished: Promise<CalibrationStatus>;
}

const copy = (s: CalibrationStatus): CalibrationStatus => ({ ...s, modelIds: [...s.modelIds], measured: [...s.measured], failed: [...s.failed] });

export class Calibrations {
  private run: Run | null = null;
  private last: CalibrationStatus | null = null;
  private lastEvent = 0;

  /** `jobs`: the service's transcriptions and holds, which a run gives way to. */
  constructor(
    private readonly ctx: ServiceContext,
    private readonly jobs: TranscriptionJobs,
  ) {}

  /** The run in progress, else the last one's end (null when none ran since the app started). */
  get(): CalibrationStatus | null {
    return this.run ? copy(this.run.status) : this.last && copy(this.last);
  }

  /** Resolves with the end of the run in progress (at once with the last state if none runs). */
  async wait(): Promise<CalibrationStatus | null> {
    return this.run ? this.run.finished : this.get();
  }

  async cancel(): Promise<CalibrationStatus | null> {
    const run = this.run;
    if (!run) return this.get();
    run.cancelled = true;
    await run.handle?.cancel();
    return run.finished;
  }

  /** Starts measuring the installed models (or those of `modelIds`); joins a run in progress. */
  async start(modelIds?: readonly string[]): Promise<CalibrationStatus> {
    if (this.run) return copy(this.run.status);
    if (this.jobs.busy()) throw new MahdarError('calibration.engineBusy');
    // The slot is taken before the first await, so that two quick requests start one run.
    let finish!: (status: CalibrationStatus) => void;
    const run: Run = {
      status: { status: 'running', modelIds: [], current: null, percent: 0, measured: [], failed: [], error: null },
      handle: null,
      cancelled: false,
      interrupted: false,
      finished: new Promise((resolve) => (finish = resolve)),
    };
    this.run = run;
    let models: ModelInfo[];
    let sample: Sample;
    let bin: string;
    try {
      sample = await calibrationSample();
      bin = whisperCliPath();
      models = (await listModels(this.ctx)).filter((m) => m.installed && (!modelIds || modelIds.includes(m.id)));
      const missing = modelIds?.find((id) => !models.some((m) => m.id === id));
      if (missing || !models.length) throw new MahdarError('model.notFound', { model: missing ?? '—' });
    } catch (err) {
      this.run = null;
      finish({ ...copy(run.status), status: 'failed', error: toErrorPayload(err) });
      throw err;
    }
    // Smallest first: the quick answers come first, and a cancel keeps them.
    models.sort((a, b) => a.sizeBytes - b.sizeBytes);
    run.status.modelIds = models.map((m) => m.id);
    run.status.current = models[0]!.id;
    // Publishes the first 'running' event before its first await.
    void this.execute(run, models, sample, bin).then(finish, (err: unknown) => {
      // Not expected (measure catches its own errors), but a run must never stay "running".
      const status: CalibrationStatus = { ...copy(run.status), status: 'failed', current: null, error: toErrorPayload(err) };
      this.run = null;
      this.last = status;
      this.publish(status, true);
      finish(status);
    });
    return copy(run.status);
  }

  private publish(status: CalibrationStatus, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEvent < 500) return;
    this.lastEvent = now;
    this.ctx.events.publish({ type: 'calibration', calibration: copy(status) });
  }

  private async execute(run: Run, models: ModelInfo[], sample: Sample, bin: string): Promise<CalibrationStatus> {
    const { jobs } = this;
    const watch = setInterval(() => {
      if (run.cancelled || !jobs.busy()) return;
      run.interrupted = true;
      run.cancelled = true;
      void run.handle?.cancel();
    }, BUSY_POLL_MS);
    try {
      for (const model of models) {
        if (run.cancelled) break;
        run.status.current = model.id;
        run.status.percent = 0;
        this.publish(run.status, true);
        await this.measure(run, model, sample, bin);
      }
    } finally {
      clearInterval(watch);
    }
    const status = run.status;
    status.status = run.cancelled ? 'cancelled' : 'done';
    if (run.interrupted) status.error = toErrorPayload(new MahdarError('calibration.interrupted'));
    status.current = null;
    status.percent = run.cancelled ? status.percent : 100;
    this.run = null;
    this.last = copy(status);
    this.publish(status, true);
    return copy(status);
  }

  /** Measures one model; a model that cannot be measured is listed in `failed` and the run goes on. */
  private async measure(run: Run, model: ModelInfo, sample: Sample, bin: string): Promise<void> {
    try {
      const local = await resolveModel(this.ctx, model.id);
      const vadModel = await findVadModel(this.ctx);
      const setup = await currentSetup(this.ctx, vadModel !== null);
      const decode: DecodeOptions = { ...DEFAULT_DECODE, language: 'ar', threads: setup.threads, vadModel, prompt: null };
      // Measured beside another program, a model looks slower than it is here (a core taken costs
      // 1.5-2x: docs/engine.md, "Under load"), and the recommendation would pass over it.
      if ((await threadsFreeNow(setup.threads)) < setup.threads) throw new MahdarError('calibration.computerBusy');
      if (run.cancelled) return;
      // Timed from the engine's start (its pid known) to its exit: the model's load is included,
      // the watchdog's own start is not.
      let startedAt = performance.now();
      const handle = runWhisper({
        bin,
        model: local.path,
        audio: sample.path,
        durationSec: sample.durationSec,
        decode,
        onStart: () => (startedAt = performance.now()),
        // The runner also reports every second for its remaining time, which a calibration does not
        // show: only a change of percent is news, and it is never dropped by the events' pacing.
        onProgress: (p) => {
          const percent = Math.round(p.percent);
          if (percent === run.status.percent) return;
          run.status.percent = percent;
          this.publish(run.status, true);
        },
      });
      run.handle = handle;
      if (run.cancelled) void handle.cancel();
      const result = await handle.done;
      const wallSec = (performance.now() - startedAt) / 1000;
      run.handle = null;
      if (result.status === 'cancelled' || run.cancelled) return;
      if (result.status === 'failed') throw result.error;
      // A model that heard nothing in 29 s of speech did not transcribe: its time says nothing.
      if (result.segments === 0) throw new MahdarError('calibration.noText');
      const encoder = result.timings?.parts.encode ?? null;
      const asMeeting = meetingWallSec(wallSec, sample.durationSec, encoder);
      await saveMeasure(this.ctx, {
        modelId: model.id,
        sizeBytes: model.sizeBytes,
        sha256: model.sha256,
        ...setup,
        audioSec: Math.round(sample.durationSec * 1000) / 1000,
        wallSec: Math.round(wallSec * 1000) / 1000,
        encoderWindows: encoder?.runs ?? null,
        encoderSecPerWindow: encoder?.runs ? Math.round(encoder.ms / encoder.runs) / 1000 : null,
        rtf: Math.round((asMeeting / sample.durationSec) * 10_000) / 10_000,
        measuredAt: new Date().toISOString(),
      });
      run.status.measured.push(model.id);
    } catch (err) {
      run.handle = null;
      if (run.cancelled) return;
      // engine.failed says a transcription can resume; here there is nothing to resume.
      const error = err instanceof MahdarError && err.code === 'engine.failed' ? new MahdarError('calibration.failed', { detail: String(err.params.detail ?? '') }) : err;
      run.status.failed.push({ modelId: model.id, error: toErrorPayload(error) });
    }
  }
}
