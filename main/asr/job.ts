// A transcription job for one meeting: runs the engine (runner.ts) on the meeting's audio from
// the end of the last saved segment, saves every segment into meeting.json as it arrives
// (segment-saver.ts), publishes {type:'segment'} and {type:'job'} events (job-progress.ts), and
// ends done, cancelled or failed, leaving a record of the run (job-record.ts). After
// a crash, a kill, a cancel or a restart of the app, starting again resumes where the saved
// segments stop: nothing is transcribed twice and nothing is skipped.
//
// A job belongs to one recording: it saves segments only while meeting.json still names the
// audio file (and sha256) it started on, and its record counts as "done" only for that recording.
// Commands that change what a job works on (importing new audio, approving, deleting) run through
// `exclusive`, which either cancels the running job first or refuses, and keeps new jobs out
// until the command ends. Progress (doneSec, percent) counts only segments written to meeting.json.
// After a run that ended done, the engine's confidence in each word (runner.ts onConfidence) is
// stored on the run's segments (`wordConfidence`) in one more save; then the spans where speech
// was heard but no text saved are transcribed once more on their own (gap-pass.ts, the "second
// look", job-second-look.ts), before the job says done.
import { join } from 'node:path';
import type { TranscriptionJob, transcriptionLanguages } from '../../shared/api.ts';
import { type Meeting, type Segment } from '../../shared/domain.ts';
import { MahdarError, toErrorPayload, type ErrorCode } from '../../shared/errors.ts';
import { untranscribedSpans } from '../../shared/transcript/gaps.ts';
import type { ServiceContext } from '../context/context.ts';
import { readSettings } from '../context/settings.ts';
import { buildInitialPrompt, DEFAULT_DECODE, USE_INITIAL_PROMPT, type DecodeOptions } from './decode-options.ts';
import { resolveThreads, whisperCliPath } from './engine.ts';
import { clearJobRecord, readJobRecord, writeJobRecord } from './job-record.ts';
import { JobEvents, settle } from './job-progress.ts';
import { listModels, resolveModel, type LocalModel } from './models.ts';
import { secondLook } from './job-second-look.ts';
import { findVadModel } from './vad-model.ts';
import { runWhisper, type RunHandle, type RunResult } from './runner.ts';
import { audioRef, sameAudio, saveConfidences, SegmentSaver, segmentStream, type AudioRef } from './segment-saver.ts';

// Where the services find it (they clear the record when the audio is replaced).
export { clearJobRecord };

type TranscriptionLanguage = (typeof transcriptionLanguages)[number];

export interface StartOptions {
  meetingId: string;
  modelId?: string;
  language?: TranscriptionLanguage;
  threads?: number;
  /** Overrides of the decoding defaults (tests and the bench use greedy decoding to save time). */
  decode?: Partial<Omit<DecodeOptions, 'language' | 'threads'>>;
  /**
   * Start over: the saved segments (and the links decisions hold to them) are cleared, but only
   * once everything else was checked and the job's slot is reserved, so a refused restart clears nothing.
   */
  restart?: boolean;
}

/** The engine's run now: the full pass's, or the second look's (job-second-look.ts). */
type EngineRun = Pick<RunHandle, 'pid'> & { cancel(): Promise<unknown> };

interface Running {
  job: TranscriptionJob;
  handle: EngineRun | null;
  /** Settles when the job has ended and its record is written; null when it never got past its checks. */
  finished: Promise<TranscriptionJob | null>;
  cancelRequested: boolean;
}

/** What a job works with, found and checked before it starts (prepare). */
interface JobSetup {
  meeting: Meeting;
  audio: AudioRef;
  audioPath: string;
  model: LocalModel;
  bin: string;
  decode: DecodeOptions;
  durationSec: number;
  /** Where the run starts: the end of the saved segments. */
  offsetSec: number;
  /** The last run on this recording ended done and its segments are there: nothing to run. */
  alreadyDone: boolean;
  /** No thread count was asked for: the run takes fewer than the settings' when cores are taken (free-cores.ts). */
  fitThreads: boolean;
}

/** The job's result when there is no engine to run: nothing left to transcribe, or a cancel came first. */
function withoutRun(setup: JobSetup, running: Running): RunResult | null {
  const { durationSec, offsetSec } = setup;
  if (setup.alreadyDone || (durationSec > 0 && offsetSec >= durationSec - 0.05)) return { status: 'done', segments: 0, timings: null, speech: null };
  if (running.cancelRequested) return { status: 'cancelled', segments: 0 };
  return null;
}

/** The engine, model and decoding of a full pass on the meeting (a job, or the pass that follows a recording). */
export async function jobEngine(
  ctx: ServiceContext,
  meeting: Meeting,
  opts: Pick<StartOptions, 'modelId' | 'language' | 'threads' | 'decode'>,
): Promise<{ model: LocalModel; bin: string; decode: DecodeOptions }> {
  const settings = await readSettings(ctx);
  const model = await resolveModel(ctx, opts.modelId ?? settings.modelId);
  const bin = whisperCliPath();
  const decode: DecodeOptions = {
    ...DEFAULT_DECODE,
    language: opts.language ?? settings.transcriptionLanguage ?? 'ar',
    threads: resolveThreads(opts.threads, settings.threads),
    vadModel: await findVadModel(ctx),
    prompt: USE_INITIAL_PROMPT ? buildInitialPrompt(meeting) : null,
    ...opts.decode,
  };
  return { model, bin, decode };
}

/** Last end among saved segments: where a resumed run starts. */
export function resumePoint(segments: readonly Pick<Segment, 'end'>[]): number {
  let end = 0;
  for (const s of segments) if (s.end > end) end = s.end;
  return end;
}

export class TranscriptionJobs {
  private readonly jobs = new Map<string, Running>();
  private readonly last = new Map<string, TranscriptionJob>();
  /** Meetings that a command is changing (see `exclusive`): no job starts on them meanwhile. */
  private readonly holds = new Map<string, number>();

  constructor(private readonly ctx: ServiceContext) {}

  get(meetingId: string): TranscriptionJob | null {
    const r = this.jobs.get(meetingId);
    return r ? { ...r.job } : (this.last.get(meetingId) ?? null);
  }

  /** Resolves when the meeting's current job ends (immediately with the last state if none runs). */
  async wait(meetingId: string): Promise<TranscriptionJob | null> {
    const r = this.jobs.get(meetingId);
    return r ? r.finished : this.get(meetingId);
  }

  /** The engine's process id (tests kill it to simulate a crash). */
  childPid(meetingId: string): number | undefined {
    return this.jobs.get(meetingId)?.handle?.pid;
  }

  async cancel(meetingId: string): Promise<TranscriptionJob | null> {
    const r = this.jobs.get(meetingId);
    if (!r) return this.get(meetingId);
    r.cancelRequested = true;
    await r.handle?.cancel();
    return (await r.finished) ?? this.get(meetingId);
  }

  /** Forgets the last job's state (its recording was replaced, or the meeting deleted). */
  forget(meetingId: string): void {
    this.last.delete(meetingId);
  }

  /**
   * Runs a command that changes what a job would work on (new audio, approval, deletion). A job
   * running on the meeting is cancelled first (`refuseWith` null) or the command is refused with
   * that error; until the command ends no job starts on the meeting (meeting.busy).
   */
  async exclusive<T>(meetingId: string, refuseWith: ErrorCode | null, task: () => Promise<T>): Promise<T> {
    // Held before the first await: a start that comes after this line is refused.
    this.holds.set(meetingId, (this.holds.get(meetingId) ?? 0) + 1);
    try {
      if (this.jobs.has(meetingId)) {
        if (refuseWith) throw new MahdarError(refuseWith);
        await this.cancel(meetingId);
      }
      return await task();
    } finally {
      const n = (this.holds.get(meetingId) ?? 1) - 1;
      if (n > 0) this.holds.set(meetingId, n);
      else this.holds.delete(meetingId);
    }
  }

  /** Whether a command (a recording, an import, an approval, a deletion) holds the meeting now. */
  isHeld(meetingId: string): boolean {
    return this.holds.has(meetingId);
  }

  /**
   * Whether a job runs or a command holds any meeting (a recording with its live text, a passage
   * transcribed again, an import): "Measure on this computer" neither starts nor goes on then.
   */
  busy(): boolean {
    return this.jobs.size > 0 || this.holds.size > 0;
  }

  async start(opts: StartOptions): Promise<TranscriptionJob> {
    const { meetingId } = opts;
    if (this.jobs.has(meetingId)) throw new MahdarError('job.running');
    if (this.holds.has(meetingId)) throw new MahdarError('meeting.busy');
    // Reserve the slot before the first await so that two quick calls cannot both start, and an
    // import, approval or deletion that comes meanwhile finds the job (and cancels or refuses).
    let finish!: (job: TranscriptionJob | null) => void;
    const running: Running = {
      job: { meetingId, status: 'running', modelId: opts.modelId ?? '', percent: 0, etaSec: null, doneSec: 0, error: null },
      handle: null,
      finished: new Promise((r) => (finish = r)),
      cancelRequested: false,
    };
    this.jobs.set(meetingId, running);
    let setup: JobSetup;
    try {
      setup = await this.prepare(opts, running);
    } catch (err) {
      this.jobs.delete(meetingId);
      finish(null);
      throw err;
    }
    // execute runs in the background: a throw inside it (a bug, a bad option) must fail this job,
    // not reject unobserved and take the whole app down with every other meeting's work.
    void this.execute(setup, running)
      .catch((err: unknown) => this.crashed(running, err))
      .then(finish);
    return { ...running.job };
  }

  /** Ends a job whose execute threw: the engine is stopped, the job says failed and why. */
  private async crashed(running: Running, err: unknown): Promise<TranscriptionJob> {
    const { meetingId } = running.job;
    console.error(`mahdar: the transcription of meeting ${meetingId} stopped on an unexpected error:`, err);
    await running.handle?.cancel().catch(() => undefined);
    const job = running.job;
    job.status = 'failed';
    job.error = toErrorPayload(err);
    job.etaSec = null;
    return this.ended(running, true);
  }

  private async prepare(opts: StartOptions, running: Running): Promise<JobSetup> {
    const { ctx } = this;
    let meeting = await ctx.archive.read(opts.meetingId);
    if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
    if (!meeting.audio) throw new MahdarError('audio.missing');
    const audioPath = join(ctx.archive.meetingDir(meeting.id), meeting.audio.file);
    const { model, bin, decode } = await jobEngine(ctx, meeting, opts);
    if (opts.restart && !running.cancelRequested) {
      // Segments go, and with them the links decisions held to them; the decisions stay.
      meeting = await ctx.archive.update(meeting.id, (m) => {
        if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
        return { ...m, segments: [], decisions: m.decisions.map((d) => ({ ...d, segmentIds: [] })) };
      });
      await clearJobRecord(ctx, meeting.id);
      this.last.delete(meeting.id);
      ctx.events.publish({ type: 'meeting', meetingId: meeting.id });
    }
    const audio = audioRef(meeting);
    if (!meeting.audio || !audio) throw new MahdarError('audio.missing');
    const durationSec = meeting.audio.durationSec;
    const record = await readJobRecord(ctx, meeting.id);
    const offsetSec = resumePoint(meeting.segments);
    running.job.modelId = model.id;
    running.job.doneSec = offsetSec;
    running.job.percent = durationSec > 0 ? Math.min(100, (offsetSec / durationSec) * 100) : 0;
    // A record without `audio` was written before records named their recording; importing
    // audio has always removed the record, so such a record belongs to the current recording.
    const recordOfThisAudio = !!record && (record.audio === undefined || sameAudio(record.audio, audio));
    const alreadyDone = record?.status === 'done' && recordOfThisAudio && meeting.segments.length > 0;
    return { meeting, audio, audioPath, model, bin, decode, durationSec, offsetSec, alreadyDone, fitThreads: opts.threads === undefined };
  }

  /**
   * Runs the engine (unless there is nothing left to do), saves its segments as they come, then
   * ends the job: done, cancelled or failed, or cancelled and forgotten when meeting.json came to
   * name another recording meanwhile.
   */
  private async execute(setup: JobSetup, running: Running): Promise<TranscriptionJob> {
    const { meeting, durationSec, audio } = setup;
    const meetingId = meeting.id;
    const events = new JobEvents(this.ctx, running.job, durationSec);
    const saver = new SegmentSaver(this.ctx.archive, meetingId, audio, setup.offsetSec, {
      saved: (batch, savedEnd) => {
        for (const segment of batch) this.ctx.events.publish({ type: 'segment', meetingId, segment });
        events.saved(savedEnd);
      },
      stopped: () => void running.handle?.cancel(),
    });
    const confidences = new Map<string, number[]>();
    // Without a run nothing is awaited before the job's end state is set: start() returns the
    // state execute reached at its first await, so a finished meeting says done at once.
    const result = withoutRun(setup, running) ?? (await this.transcribe(setup, running, saver, events, confidences));
    // Let every segment reach the disk before the job says it ended.
    if (!saver.idle) await saver.drain();
    if (saver.state.kind === 'audioChanged') return this.endOnAnotherRecording(running);
    if (result.status === 'done' && confidences.size && saver.state.kind === 'saving') {
      await saveConfidences(this.ctx, meetingId, audio, confidences);
    }
    let outcome = result;
    if (result.status === 'done' && saver.state.kind === 'saving' && !setup.alreadyDone) {
      const look = await secondLook(this.ctx, { ...setup, modelPath: setup.model.path, meetingId }, events, result.speech, {
        cancelRequested: () => running.cancelRequested,
        started: (pass) => (running.handle = pass),
      });
      if (look === 'audioChanged') return this.endOnAnotherRecording(running);
      if (look === 'cancelled') outcome = { status: 'cancelled', segments: result.segments };
    }
    const job = running.job;
    settle(job, outcome, saver, durationSec);
    if (job.status === 'done') {
      // Where the transcript has no text (the engine stopped early or skipped a passage), say so.
      const saved = await this.ctx.archive.read(meetingId).catch(() => null);
      if (saved) job.untranscribed = untranscribedSpans(saved.segments, durationSec);
    }
    await writeJobRecord(this.ctx, meetingId, {
      status: job.status,
      modelId: job.modelId,
      language: setup.decode.language,
      doneSec: job.doneSec,
      updatedAt: new Date().toISOString(),
      audio,
    }).catch(() => undefined);
    return this.ended(running, true);
  }

  /** The engine's run from the resume point, each segment handed to the saver. */
  private async transcribe(
    setup: JobSetup,
    running: Running,
    saver: SegmentSaver,
    events: JobEvents,
    confidences: Map<string, number[]>,
  ): Promise<RunResult> {
    const { durationSec, offsetSec } = setup;
    events.publish(true);
    // This model's calibrated speed here, when measured: a remaining time from the first second.
    const secPerHour = (await listModels(this.ctx).catch(() => [])).find((m) => m.id === setup.model.id)?.speed?.secPerHour ?? null;
    const handle = runWhisper({
      bin: setup.bin,
      model: setup.model.path,
      audio: setup.audioPath,
      durationSec,
      offsetSec,
      decode: setup.decode,
      fitThreads: setup.fitThreads,
      secPerHour,
      // Progress moves when a segment is on disk (saver.saved), not before.
      ...segmentStream(offsetSec, (segment) => saver.add(segment), confidences),
      // The engine is running: tell the UI (and tests waiting for it) at once.
      onStart: () => events.publish(true),
      onProgress: (p) => events.eta(p.etaSec),
      onThreads: (n) => events.threads(n, setup.decode.threads),
    });
    running.handle = handle;
    if (running.cancelRequested) void handle.cancel();
    return handle.done;
  }

  /**
   * The meeting now names another recording: this run's segments and record belonged to the old
   * one and are dropped; the new recording starts from zero.
   */
  private endOnAnotherRecording(running: Running): TranscriptionJob {
    const job = running.job;
    job.status = 'cancelled';
    job.etaSec = null;
    job.doneSec = 0;
    job.percent = 0;
    return this.ended(running, false);
  }

  /** The job is over: it leaves the running jobs (its state kept as the last one's, or not) and says so. */
  private ended(running: Running, keep: boolean): TranscriptionJob {
    const { meetingId } = running.job;
    this.jobs.delete(meetingId);
    if (keep) this.last.set(meetingId, { ...running.job });
    else this.last.delete(meetingId);
    this.ctx.events.publish({ type: 'job', job: { ...running.job } });
    this.ctx.events.publish({ type: 'meeting', meetingId });
    return { ...running.job };
  }
}

