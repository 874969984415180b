// A transcription job for one meeting: runs the engine (runner.ts) on the meeting's audio from
// the end of the last saved segment, saves every segment into meeting.json as it arrives,
// publishes {type:'segment'} and {type:'job'} events, and ends done, cancelled or failed. After
// a crash, a kill, a cancel or a restart of the app, starting again resumes where the saved
// segments stop: nothing is transcribed twice and nothing is skipped.
//
// A job belongs to one recording: it saves segments only while meeting.json still names the
// audio file (and sha256) it started on, and its record counts as "done" only for that recording.
// Commands that change what a job works on (importing new audio, approving, deleting) run through
// `exclusive`, which either cancels the running job first or refuses, and keeps new jobs out
// until the command ends. Progress (doneSec, percent) counts only segments written to meeting.json.
// After a run that ended done, the engine's confidence in each word (runner.ts onConfidence) is
// stored on the run's segments (`wordConfidence`) in one more save, before the job says done.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TranscriptionJob, transcriptionLanguages } from '../../shared/api.ts';
import { LIMITS, newId, type Meeting, type Segment } from '../../shared/domain.ts';
import { MahdarError, toErrorPayload, type ErrorCode } from '../../shared/errors.ts';
import { untranscribedSpans } from '../../shared/transcript/gaps.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { readSettings } from '../context/settings.ts';
import { buildInitialPrompt, DEFAULT_DECODE, USE_INITIAL_PROMPT, type DecodeOptions } from './decode-options.ts';
import { resolveThreads, whisperCliPath } from './engine.ts';
import { resolveModel } from './models.ts';
import { findVadModel } from './vad-model.ts';
import { runWhisper, type EngineSegment, type RunHandle, type RunResult } from './runner.ts';

// Defined beside the other decoding choices (models.ts needs it too, and job.ts imports models.ts).

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

/** What is kept beside meeting.json about the last run (so a finished job is not run again). */
interface JobRecord {
  status: TranscriptionJob['status'];
  modelId: string;
  language: string;
  doneSec: number;
  updatedAt: string;
  /** The recording the run worked on; a record of another recording does not count. */
  audio?: { file: string; sha256: string | null };
}
const RECORD_FILE = 'transcription.json';

interface Running {
  job: TranscriptionJob;
  handle: RunHandle | null;
  /** Settles when the job has ended and its record is written; null when it never got past its checks. */
  finished: Promise<TranscriptionJob | null>;
  cancelRequested: boolean;
}

type AudioRef = { file: string; sha256: string | null };
const audioRef = (m: Pick<Meeting, 'audio'>): AudioRef | null => (m.audio ? { file: m.audio.file, sha256: m.audio.sha256 ?? null } : null);
const sameAudio = (a: AudioRef | null | undefined, b: AudioRef | null | undefined) => !!a && !!b && a.file === b.file && a.sha256 === b.sha256;

/** Thrown inside a save when meeting.json no longer names the job's recording. */
class AudioChanged extends Error {}

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

  /** Cancels every running job (app shutdown). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
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
    let setup: Awaited<ReturnType<TranscriptionJobs['prepare']>>;
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
    this.jobs.delete(meetingId);
    this.last.set(meetingId, { ...job });
    this.ctx.events.publish({ type: 'job', job: { ...job } });
    this.ctx.events.publish({ type: 'meeting', meetingId });
    return { ...job };
  }

  private async prepare(opts: StartOptions, running: Running) {
    const { ctx } = this;
    let meeting = await ctx.archive.read(opts.meetingId);
    if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
    if (!meeting.audio) throw new MahdarError('audio.missing');
    const audioPath = join(ctx.archive.meetingDir(meeting.id), meeting.audio.file);
    const settings = await readSettings(ctx);
    const model = await resolveModel(ctx, opts.modelId ?? settings.modelId);
    const bin = whisperCliPath();
    const language = opts.language ?? settings.transcriptionLanguage ?? 'ar';
    const threads = resolveThreads(opts.threads, settings.threads);
    const vadModel = await findVadModel(ctx);
    const decode: DecodeOptions = {
      ...DEFAULT_DECODE,
      language,
      threads,
      vadModel,
      prompt: USE_INITIAL_PROMPT ? buildInitialPrompt(meeting) : null,
      ...opts.decode,
    };
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
    const record = await this.readRecord(meeting.id);
    const offsetSec = resumePoint(meeting.segments);
    running.job.modelId = model.id;
    running.job.doneSec = offsetSec;
    running.job.percent = durationSec > 0 ? Math.min(100, (offsetSec / durationSec) * 100) : 0;
    // A record without `audio` was written before records named their recording; importing
    // audio has always removed the record, so such a record belongs to the current recording.
    const recordOfThisAudio = !!record && (record.audio === undefined || sameAudio(record.audio, audio));
    const alreadyDone = record?.status === 'done' && recordOfThisAudio && meeting.segments.length > 0;
    return { meeting, audio, audioPath, model, bin, decode, durationSec, offsetSec, alreadyDone };
  }

  private async execute(
    setup: Awaited<ReturnType<TranscriptionJobs['prepare']>>,
    running: Running,
  ): Promise<TranscriptionJob> {
    const { ctx } = this;
    const { meeting, durationSec, offsetSec, audio } = setup;
    const meetingId = meeting.id;
    const job = running.job;
    let lastJobEvent = 0;
    const publishJob = (force = false) => {
      const now = Date.now();
      if (!force && now - lastJobEvent < 500) return;
      lastJobEvent = now;
      ctx.events.publish({ type: 'job', job: { ...job } });
    };
    const percentOf = (sec: number) => (durationSec > 0 ? Math.round(Math.min(100, (sec / durationSec) * 100) * 10) / 10 : 0);

    // Segments are appended in order; a write in flight coalesces the ones that arrive meanwhile.
    let pending: Segment[] = [];
    let writing: Promise<void> | null = null;
    let saveError: unknown = null;
    let audioChanged = false;
    let lastEnd = offsetSec;
    /** End of the last segment written to meeting.json: all that progress may claim. */
    let savedEnd = offsetSec;
    const flush = (): Promise<void> => {
      if (writing) return writing;
      if (!pending.length) return Promise.resolve();
      const batch = pending;
      pending = [];
      writing = ctx.archive
        .update(meetingId, (m: Meeting) => {
          if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
          if (!sameAudio(audioRef(m), audio)) throw new AudioChanged();
          const room = LIMITS.segments - m.segments.length;
          return { ...m, segments: [...m.segments, ...batch.slice(0, Math.max(0, room))] };
        })
        .then(() => {
          for (const s of batch) ctx.events.publish({ type: 'segment', meetingId, segment: s });
          savedEnd = Math.max(savedEnd, ...batch.map((s) => s.end));
          job.doneSec = savedEnd;
          job.percent = percentOf(savedEnd);
          publishJob(true);
        })
        .catch((err: unknown) => {
          if (err instanceof AudioChanged) audioChanged = true;
          else saveError = err;
          void running.handle?.cancel();
        })
        .finally(() => {
          writing = null;
        })
        .then(() => (pending.length && !saveError && !audioChanged ? flush() : undefined));
      return writing;
    };

    /** The saved segment's id of each streamed segment, and the confidences the run gave them. */
    const idOf = new Map<EngineSegment, string>();
    const confidences = new Map<string, number[]>();
    const onSegment = (seg: EngineSegment) => {
      if (audioChanged) return;
      // Never overlap what is saved: a resumed run starts exactly at the last saved end.
      const start = Math.max(seg.start, lastEnd);
      const end = Math.max(seg.end, start);
      lastEnd = end;
      const id = newId('s');
      idOf.set(seg, id);
      pending.push({
        id,
        start: round(start),
        end: round(end),
        text: seg.text.slice(0, LIMITS.longText),
        speakerId: null,
        tags: [],
        edited: false,
      });
      // Progress moves when this segment is on disk (in flush), not before.
      void flush();
    };

    let result: RunResult;
    if (setup.alreadyDone || (durationSec > 0 && offsetSec >= durationSec - 0.05)) {
      result = { status: 'done', segments: 0 };
    } else if (running.cancelRequested) {
      result = { status: 'cancelled', segments: 0 };
    } else {
      publishJob(true);
      const handle = runWhisper({
        bin: setup.bin,
        model: setup.model.path,
        audio: setup.audioPath,
        durationSec,
        offsetSec,
        decode: setup.decode,
        onSegment,
        onConfidence: (seg, ps) => {
          const id = idOf.get(seg);
          if (id) confidences.set(id, ps);
        },
        // The engine is running: tell the UI (and tests waiting for it) at once.
        onStart: () => publishJob(true),
        onProgress: (p) => {
          // Only the time estimate comes from the engine's own progress; percent and doneSec
          // follow the saved segments.
          job.etaSec = p.etaSec === null ? null : Math.round(p.etaSec);
          publishJob();
        },
      });
      running.handle = handle;
      if (running.cancelRequested) void handle.cancel();
      result = await handle.done;
    }
    // Let every segment reach the disk before the job says it ended.
    while ((writing || pending.length) && !saveError && !audioChanged) await flush();
    if (writing) await writing;
    if (result.status === 'done' && confidences.size && !saveError && !audioChanged) {
      let gained: Segment[] = [];
      await ctx.archive
        .update(meetingId, (m: Meeting) => {
          gained = [];
          if (m.status === 'approved' || !sameAudio(audioRef(m), audio)) return m;
          const segments = m.segments.map((s) => {
            const next = withConfidence(s, confidences.get(s.id));
            if (next !== s) gained.push(next);
            return next;
          });
          return { ...m, segments };
        })
        // An editor open on the meeting already has these segments: it takes their confidences.
        .then(() => gained.forEach((segment) => ctx.events.publish({ type: 'segment', meetingId, segment })))
        // The confidence only helps the review: the transcript is saved without it.
        .catch(() => undefined);
    }

    if (audioChanged) {
      // The meeting now names another recording: this run's segments and record belonged to the
      // old one and are dropped; the new recording starts from zero.
      job.status = 'cancelled';
      job.etaSec = null;
      job.doneSec = 0;
      job.percent = 0;
      this.jobs.delete(meetingId);
      this.last.delete(meetingId);
      publishJob(true);
      ctx.events.publish({ type: 'meeting', meetingId });
      return { ...job };
    }
    if (saveError) {
      job.status = 'failed';
      job.error = toErrorPayload(saveError);
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
    // Progress reported as saved work only: what a resumed run will not redo.
    if (job.status !== 'done') {
      job.doneSec = savedEnd;
      job.percent = percentOf(savedEnd);
    } else {
      // Where the transcript has no text (the engine stopped early or skipped a passage), say so.
      const saved = await ctx.archive.read(meetingId).catch(() => null);
      if (saved) job.untranscribed = untranscribedSpans(saved.segments, durationSec);
    }
    await this.writeRecord(meetingId, {
      status: job.status,
      modelId: job.modelId,
      language: setup.decode.language,
      doneSec: job.doneSec,
      updatedAt: new Date().toISOString(),
      audio,
    }).catch(() => undefined);
    this.jobs.delete(meetingId);
    this.last.set(meetingId, { ...job });
    publishJob(true);
    ctx.events.publish({ type: 'meeting', meetingId });
    return { ...job };
  }

  private async readRecord(meetingId: string): Promise<JobRecord | null> {
    try {
      return JSON.parse(await readFile(join(this.ctx.archive.meetingDir(meetingId), RECORD_FILE), 'utf8')) as JobRecord;
    } catch {
      return null;
    }
  }

  private async writeRecord(meetingId: string, record: JobRecord): Promise<void> {
    await writeFileAtomic(join(this.ctx.archive.meetingDir(meetingId), RECORD_FILE), JSON.stringify(record, null, 2));
  }
}

/** Forgets the record of the last run (when the audio is replaced, a new transcription starts from zero). */
export async function clearJobRecord(ctx: ServiceContext, meetingId: string): Promise<void> {
  const { rm } = await import('node:fs/promises');
  await rm(join(ctx.archive.meetingDir(meetingId), RECORD_FILE), { force: true });
}

const round = (t: number) => Math.round(t * 1000) / 1000;

/**
 * The segment with the engine's word confidences, two decimals each, when there is one per word
 * of its text as saved (its text was cut to the length limit, or edited meanwhile: none).
 */
export function withConfidence(s: Segment, ps: readonly number[] | undefined): Segment {
  if (!ps || s.edited || s.text.split(/\s+/).filter(Boolean).length !== ps.length) return s;
  return { ...s, wordConfidence: roundConfidence(ps) };
}

/** Word confidences as stored: two decimals, at least 0.01 (token probabilities are above 0; two decimals would round the smallest to 0). */
export function roundConfidence(ps: readonly number[]): number[] {
  return ps.map((p) => Math.min(1, Math.max(0.01, Math.round(p * 100) / 100)));
}
