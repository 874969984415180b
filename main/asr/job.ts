// A transcription job for one meeting: runs the engine (runner.ts) on the meeting's audio from
// the end of the last saved segment, saves every segment into meeting.json as it arrives,
// publishes {type:'segment'} and {type:'job'} events, and ends done, cancelled or failed. After
// a crash, a kill, a cancel or a restart of the app, starting again resumes where the saved
// segments stop: nothing is transcribed twice and nothing is skipped.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TranscriptionJob, transcriptionLanguages } from '../../shared/api.ts';
import { LIMITS, newId, type Meeting, type Segment } from '../../shared/domain.ts';
import { MahdarError, toErrorPayload } from '../../shared/errors.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { readSettings } from '../context/settings.ts';
import { buildInitialPrompt, DEFAULT_DECODE, USE_INITIAL_PROMPT, type DecodeOptions } from './decode-options.ts';
import { resolveThreads, whisperCliPath } from './engine.ts';
import { resolveModel } from './models.ts';
import { runWhisper, type EngineSegment, type RunHandle, type RunResult } from './runner.ts';

/** Voice activity detection (Silero) when its model is found: skips silence, where Whisper invents text. */
export const USE_VAD = process.env.MAHDAR_VAD !== '0';

type TranscriptionLanguage = (typeof transcriptionLanguages)[number];

export interface StartOptions {
  meetingId: string;
  modelId?: string;
  language?: TranscriptionLanguage;
  threads?: number;
  /** Overrides of the decoding defaults (tests and the bench use greedy decoding to save time). */
  decode?: Partial<Omit<DecodeOptions, 'language' | 'threads'>>;
}

/** What is kept beside meeting.json about the last run (so a finished job is not run again). */
interface JobRecord {
  status: TranscriptionJob['status'];
  modelId: string;
  language: string;
  doneSec: number;
  updatedAt: string;
}
const RECORD_FILE = 'transcription.json';

interface Running {
  job: TranscriptionJob;
  handle: RunHandle | null;
  finished: Promise<TranscriptionJob>;
  cancelRequested: boolean;
}

/** Last end among saved segments: where a resumed run starts. */
export function resumePoint(segments: readonly Pick<Segment, 'end'>[]): number {
  let end = 0;
  for (const s of segments) if (s.end > end) end = s.end;
  return end;
}

export async function findVadModel(ctx: ServiceContext): Promise<string | null> {
  for (const dir of [modelsDir(ctx), ...ctx.modelDirs]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const hit = names.filter((n) => /^ggml-silero.*\.bin$/.test(n)).sort().pop();
    if (hit) return join(dir, hit);
  }
  return null;
}

export class TranscriptionJobs {
  private readonly jobs = new Map<string, Running>();
  private readonly last = new Map<string, TranscriptionJob>();

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
    return r.finished;
  }

  /** Cancels every running job (app shutdown). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
  }

  async start(opts: StartOptions): Promise<TranscriptionJob> {
    const { meetingId } = opts;
    if (this.jobs.has(meetingId)) throw new MahdarError('job.running');
    // Reserve the slot before the first await so that two quick calls cannot both start.
    const running: Running = {
      job: { meetingId, status: 'running', modelId: opts.modelId ?? '', percent: 0, etaSec: null, doneSec: 0, error: null },
      handle: null,
      finished: null as unknown as Promise<TranscriptionJob>,
      cancelRequested: false,
    };
    this.jobs.set(meetingId, running);
    let setup: Awaited<ReturnType<TranscriptionJobs['prepare']>>;
    try {
      setup = await this.prepare(opts, running);
    } catch (err) {
      this.jobs.delete(meetingId);
      throw err;
    }
    running.finished = this.execute(setup, running);
    return { ...running.job };
  }

  private async prepare(opts: StartOptions, running: Running) {
    const { ctx } = this;
    const meeting = await ctx.archive.read(opts.meetingId);
    if (meeting.status === 'approved') throw new MahdarError('meeting.readOnly');
    if (!meeting.audio) throw new MahdarError('audio.missing');
    const audioPath = join(ctx.archive.meetingDir(meeting.id), meeting.audio.file);
    const settings = await readSettings(ctx);
    const model = await resolveModel(ctx, opts.modelId ?? settings.modelId);
    const bin = whisperCliPath();
    const language = opts.language ?? settings.transcriptionLanguage ?? 'ar';
    const threads = resolveThreads(opts.threads, settings.threads);
    const vadModel = USE_VAD ? await findVadModel(ctx) : null;
    const decode: DecodeOptions = {
      ...DEFAULT_DECODE,
      language,
      threads,
      vadModel,
      prompt: USE_INITIAL_PROMPT ? buildInitialPrompt(meeting) : null,
      ...opts.decode,
    };
    const durationSec = meeting.audio.durationSec;
    const record = await this.readRecord(meeting.id);
    const offsetSec = resumePoint(meeting.segments);
    running.job.modelId = model.id;
    running.job.doneSec = offsetSec;
    running.job.percent = durationSec > 0 ? Math.min(100, (offsetSec / durationSec) * 100) : 0;
    const alreadyDone = record?.status === 'done' && meeting.segments.length > 0;
    return { meeting, audioPath, model, bin, decode, durationSec, offsetSec, alreadyDone };
  }

  private async execute(
    setup: Awaited<ReturnType<TranscriptionJobs['prepare']>>,
    running: Running,
  ): Promise<TranscriptionJob> {
    const { ctx } = this;
    const { meeting, durationSec, offsetSec } = setup;
    const meetingId = meeting.id;
    const job = running.job;
    let lastJobEvent = 0;
    const publishJob = (force = false) => {
      const now = Date.now();
      if (!force && now - lastJobEvent < 500) return;
      lastJobEvent = now;
      ctx.events.publish({ type: 'job', job: { ...job } });
    };

    // Segments are appended in order; a write in flight coalesces the ones that arrive meanwhile.
    let pending: Segment[] = [];
    let writing: Promise<void> | null = null;
    let saveError: unknown = null;
    let lastEnd = offsetSec;
    const flush = (): Promise<void> => {
      if (writing) return writing;
      if (!pending.length) return Promise.resolve();
      const batch = pending;
      pending = [];
      writing = ctx.archive
        .update(meetingId, (m: Meeting) => {
          if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
          const room = LIMITS.segments - m.segments.length;
          return { ...m, segments: [...m.segments, ...batch.slice(0, Math.max(0, room))] };
        })
        .then(() => {
          for (const s of batch) ctx.events.publish({ type: 'segment', meetingId, segment: s });
        })
        .catch((err: unknown) => {
          saveError = err;
          void running.handle?.cancel();
        })
        .finally(() => {
          writing = null;
        })
        .then(() => (pending.length && !saveError ? flush() : undefined));
      return writing;
    };

    const onSegment = (seg: EngineSegment) => {
      // Never overlap what is saved: a resumed run starts exactly at the last saved end.
      const start = Math.max(seg.start, lastEnd);
      const end = Math.max(seg.end, start);
      lastEnd = end;
      pending.push({
        id: newId('s'),
        start: round(start),
        end: round(end),
        text: seg.text.slice(0, LIMITS.longText),
        speakerId: null,
        tags: [],
        edited: false,
      });
      job.doneSec = Math.max(job.doneSec, end);
      void flush();
      publishJob(true);
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
        onProgress: (p) => {
          job.percent = Math.round(p.percent * 10) / 10;
          job.etaSec = p.etaSec === null ? null : Math.round(p.etaSec);
          job.doneSec = Math.max(job.doneSec, p.doneSec);
          publishJob();
        },
      });
      running.handle = handle;
      if (running.cancelRequested) void handle.cancel();
      result = await handle.done;
    }
    // Let every segment reach the disk before the job says it ended.
    while (writing || pending.length) await flush();

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
      job.doneSec = lastEnd;
      job.percent = durationSec > 0 ? Math.round(Math.min(100, (lastEnd / durationSec) * 100) * 10) / 10 : 0;
    }
    await this.writeRecord(meetingId, {
      status: job.status,
      modelId: job.modelId,
      language: setup.decode.language,
      doneSec: job.doneSec,
      updatedAt: new Date().toISOString(),
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

const registry = new WeakMap<ServiceContext, TranscriptionJobs>();
/** One job manager per service context. */
export function jobsFor(ctx: ServiceContext): TranscriptionJobs {
  let j = registry.get(ctx);
  if (!j) registry.set(ctx, (j = new TranscriptionJobs(ctx)));
  return j;
}
