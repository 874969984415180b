// Runs whisper.cpp's whisper-cli as a child process on a 16 kHz mono WAV and streams its
// segments back as they are decoded. The engine never runs inside the app: a crash, an abort
// or a kill of the child only ends this run, reported as a result (the promise never rejects).
// The engine is started through a watchdog (engine.ts, spawnEngine) that stops it when this
// process goes away, however it dies, so an engine never runs on without the app.
//
// Resuming: a run starts at `offsetSec`. Without voice detection whisper-cli's own -ot offset is
// used (its timestamps are then already absolute). With voice detection (--vad) whisper.cpp
// applies -ot to the speech-only timeline, which would skip audio, so the tail of the file is
// cut into a temporary WAV instead and the offset is added to every timestamp.
//
// A run may also stop at `endSec` (the pass that follows a recording): that part is cut out too.
//
// Word confidence: whisper-cli also writes its full JSON (-ojf) into the run's temporary folder;
// after a clean exit the runner reads it and gives each streamed segment the confidence of its
// words (token-confidence.ts). The JSON is written only at the end of a whole decode, so a
// cancelled or killed run has none; a missing or unreadable file only means no confidence.
import type { ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MahdarError } from '../../shared/errors.ts';
import type { Span } from '../../shared/transcript/gaps.ts';
import { killOnExit } from '../archive/processes.ts';
import { sliceWav } from '../audio/wav.ts';
import { decodeArgs, type DecodeOptions } from './decode-options.ts';
import { LineReader } from './engine-lines.ts';
import { engineEnv, exitReason, spawnEngine, stopEngine } from './engine.ts';
import { threadsFreeNow } from './free-cores.ts';
import { canWatchThreads, THREADS_FILE_ENV, threadsNowIn, ThreadWatch } from './thread-watch.ts';
import { readTimings, type EngineTimings } from './engine-timings.ts';
import { collapseRepeats } from './repeats.ts';
import { nextRemaining, type Remaining } from './remaining-time.ts';
import { RUN_DIR_PREFIX } from './run-temp.ts';
import { parseFullJson, wordConfidencesFor } from './token-confidence.ts';
import { keepToSpeech, SpeechLog } from './vad-speech.ts';

export interface EngineSegment {
  /** Seconds from the start of the whole audio file. */
  start: number;
  end: number;
  text: string;
}

export interface RunProgress {
  /** 0..100 of the whole file. */
  percent: number;
  /** Seconds of audio the engine is known to be past. */
  doneSec: number;
  etaSec: number | null;
}

export interface RunOptions {
  bin: string;
  model: string;
  /** 16 kHz mono 16-bit WAV. */
  audio: string;
  /** Length of the whole file in seconds (progress is reported against it). */
  durationSec: number;
  /** Where to start, in seconds from the start of the file. */
  offsetSec?: number;
  /**
   * Where to stop, in seconds from the start of the file (default: its end). The part is cut into
   * a temporary WAV: the pass that follows a recording works on a file that is still growing.
   */
  endSec?: number;
  /** The engine's scheduling priority (spawnEngine's scale, positive = lower); 0 for the app's own. */
  priority?: number;
  decode: DecodeOptions;
  onSegment?: (segment: EngineSegment) => void;
  onProgress?: (progress: RunProgress) => void;
  /** The calibrated speed of this model here (seconds of work per hour of audio), for the remaining time from the start. */
  secPerHour?: number | null;
  /** The engine process started, with this pid. */
  onStart?: (enginePid: number) => void;
  /**
   * After a run that ended done: the confidence (0..1) of each word of a segment given to
   * onSegment (the same object), one per word of its text. Segments without a match get no call.
   */
  onConfidence?: (segment: EngineSegment, wordConfidence: number[]) => void;
  /**
   * decode.threads is the most the run may take: it starts with fewer when other programs hold
   * cores now (free-cores.ts). Off: exactly decode.threads (a speed measurement, an explicit --threads).
   */
  fitThreads?: boolean;
  /** The thread count the engine runs with: once chosen, then at each change during the run (thread-watch.ts). */
  onThreads?: (threads: number) => void;
}

export type RunResult =
  | {
      status: 'done';
      segments: number;
      /** whisper.cpp's account (engine-timings.ts). */
      timings: EngineTimings | null;
      /** Where the voice detector heard speech, on the file's timeline; null without voice detection. */
      speech: Span[] | null;
    }
  | { status: 'cancelled'; segments: number }
  | { status: 'failed'; segments: number; error: MahdarError };

export interface RunHandle {
  /** Settles when the child is gone; rejects only on decode options that decodeArgs refuses. */
  done: Promise<RunResult>;
  /** Stops the engine (engine.ts, stopEngine); resolves once it has exited. */
  cancel(): Promise<RunResult>;
  /** The engine's process id once it started (tests kill it to simulate a crash). */
  readonly pid: number | undefined;
}

const SEGMENT_LINE = /^\[(\d+):(\d{2}):(\d{2})[.,](\d{3}) --> (\d+):(\d{2}):(\d{2})[.,](\d{3})\]\s?(.*)$/;
const PROGRESS_LINE = /progress\s*=\s*(\d+)%/;
/** whisper-cli reports an unreadable input file on stderr, skips it, and still exits 0. */
const UNREADABLE_AUDIO = /failed to read audio (file|data)|input file not found/i;

/** Parses one stdout line of whisper-cli; null when it is not a segment. */
export function parseSegmentLine(line: string): EngineSegment | null {
  const m = SEGMENT_LINE.exec(line.replace(/\r$/, ''));
  if (!m) return null;
  const t = (h: string, mi: string, s: string, ms: string) => Number(h) * 3600 + Number(mi) * 60 + Number(s) + Number(ms) / 1000;
  return { start: t(m[1]!, m[2]!, m[3]!, m[4]!), end: t(m[5]!, m[6]!, m[7]!, m[8]!), text: m[9]!.trim() };
}

/** Text that carries no speech: empty, or a bracketed annotation such as [BLANK_AUDIO] or (music). */
export function isNonSpeech(text: string): boolean {
  const t = text.trim();
  return !t || /^(\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+)$/u.test(t);
}

/**
 * The user-facing detail of an engine that failed: the last two meaningful lines of its output
 * (its error lines when it printed some), then why it ended. whisper-cli and whisper-server alike.
 */
export function engineFailureDetail(tail: string, why: string): string {
  const lines = tail
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('whisper_print_timings') && !PROGRESS_LINE.test(l));
  const errors = lines.filter((l) => /error|fail|abort|invalid|cannot|couldn't|unable/i.test(l));
  const pick = (errors.length ? errors : lines).slice(-2).join(' | ');
  return `${(pick || why).slice(0, 300)} (${why})`;
}

export function runWhisper(opts: RunOptions): RunHandle {
  const run = new WhisperRun(opts);
  return {
    done: run.done,
    get pid() {
      return run.enginePid;
    },
    cancel: () => run.cancel(),
  };
}

/** A listener's call: a failing listener must not break the stream of segments. */
function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // The listener's own fault: the run goes on.
  }
}

const exists = (path: string) => access(path).then(() => true, () => false);

/** One run of whisper-cli: its arguments, the engine's output as it comes, and how it ended. */
class WhisperRun {
  readonly done: Promise<RunResult>;
  enginePid: number | undefined;
  private readonly offsetSec: number;
  private readonly total: number;
  private readonly started = Date.now();
  private child: ChildProcess | null = null;
  private cancelled = false;
  /** Added to the engine's timestamps: the offset when the engine reads a cut tail of the file. */
  private shift = 0;
  private segments = 0;
  /** Segments given to onSegment, kept for their word confidences at the end. */
  private readonly streamed: EngineSegment[] = [];
  private doneSec: number;
  private lastPercentFromEngine = 0;
  /** The engine's last step forward (seconds since start, audio reached), and the remaining time last given. */
  private lastReport = { elapsedSec: 0, doneSec: 0 };
  private remaining: Remaining | null = null;
  private stderrTail = '';
  /** The speech the voice detector kept, from its lines on stderr. */
  private readonly speech = new SpeechLog();
  private readonly engineTimes = new WeakMap<EngineSegment, Span>();
  /** The engine's thread count: decode.threads, fewer where fitThreads found cores taken, then as the engine reports it. */
  private threads: number;
  /** Set when the thread count follows the cores free during the run (thread-watch.ts). */
  private watch: ThreadWatch | null = null;
  /** The engine's stderr in whole lines: the voice detector's speech, the thread count of each window. */
  private readonly stderrLines = new LineReader((line) => {
    this.speech.add(line, this.shift);
    const n = threadsNowIn(line);
    if (n === null || n === this.threads) return;
    this.threads = n;
    safe(() => this.opts.onThreads?.(n));
  });

  constructor(private readonly opts: RunOptions) {
    this.threads = opts.decode.threads;
    this.offsetSec = Math.max(0, opts.offsetSec ?? 0);
    this.total = Math.max(opts.durationSec, 0.001);
    this.doneSec = this.offsetSec;
    this.lastReport.doneSec = this.offsetSec;
    this.done = this.run();
  }

  /** Stops the engine; resolves once it has exited. */
  async cancel(): Promise<RunResult> {
    this.cancelled = true;
    if (this.child) stopEngine(this.child, () => this.enginePid, 1000);
    return this.done;
  }

  /** The whole run, in a temporary folder removed at the end. */
  private async run(): Promise<RunResult> {
    // Options that decodeArgs refuses are the caller's bug: they reject `done`, nothing else does.
    const decodeFlags = decodeArgs(this.opts.decode);
    let tmpDir: string | null = null;
    // The look at the processor runs while the audio is cut (this process's own work is left out).
    const fitted = this.opts.fitThreads ? threadsFreeNow(this.opts.decode.threads) : null;
    try {
      tmpDir = await mkdtemp(join(tmpdir(), `${RUN_DIR_PREFIX}${process.pid}-`));
      const jsonBase = join(tmpDir, 'out');
      const input = await this.engineInput(tmpDir);
      if (fitted) this.threads = await fitted;
      safe(() => this.opts.onThreads?.(this.threads));
      // Watched, the engine starts with all its threads and takes, window by window, the count the
      // watch writes (thread-watch.ts); the first is the one just chosen.
      const most = this.opts.decode.threads;
      if (fitted && most > 1 && (await canWatchThreads(this.opts.bin))) {
        this.watch = new ThreadWatch({ file: join(tmpDir, 'threads'), most });
        await this.watch.begin(this.threads);
      }
      const started = this.watch ? most : this.threads;
      const flags = started === most ? decodeFlags : decodeArgs({ ...this.opts.decode, threads: started });
      const args = ['-m', this.opts.model, ...flags, '-pp', '-ojf', '-of', jsonBase, ...input];
      // The watchdog, not this process, starts the engine: check here that there is one to start.
      if (!this.cancelled && !(await exists(this.opts.bin))) return this.failed(new MahdarError('engine.missing'));
      if (this.cancelled) return { status: 'cancelled', segments: this.segments };
      const env = { ...engineEnv(started), ...(this.watch ? { [THREADS_FILE_ENV]: join(tmpDir, 'threads') } : {}) };
      const result = await this.runEngine(args, env);
      if (result.status === 'done') await this.giveConfidences(`${jsonBase}.json`);
      return result;
    } catch (err) {
      return this.failed(err instanceof MahdarError ? err : new MahdarError('engine.failed', { detail: (err as Error).message ?? String(err) }));
    } finally {
      if (tmpDir) await rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** whisper-cli's input arguments; with voice detection and an offset, the tail of the file is cut into tmpDir first. */
  private async engineInput(tmpDir: string): Promise<string[]> {
    const { opts, offsetSec } = this;
    if ((offsetSec > 0 && opts.decode.vadModel) || opts.endSec !== undefined) {
      const input = join(tmpDir, 'tail.wav');
      await sliceWav(opts.audio, input, offsetSec, opts.endSec);
      this.shift = offsetSec;
      return ['-f', input];
    }
    return [...(offsetSec > 0 ? ['-ot', String(Math.round(offsetSec * 1000))] : []), '-f', opts.audio];
  }

  /** Starts the engine and settles with how it ended, once all its output has been read. */
  private runEngine(args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
    return new Promise<RunResult>((resolvePromise) => {
      let settled = false;
      const settle = (r: RunResult) => {
        if (!settled) {
          settled = true;
          resolvePromise(r);
        }
      };
      const c = spawnEngine(this.opts.bin, args, env, this.opts.priority ?? 0);
      this.child = c;
      killOnExit(c, () => this.enginePid);
      c.on('message', (msg: { enginePid?: unknown }) => this.onEngineStarted(msg));
      c.on('error', (err: NodeJS.ErrnoException) => settle(this.failed(new MahdarError('engine.failed', { detail: err.message }))));
      createInterface({ input: c.stdout! }).on('line', (line) => this.onLine(line));
      c.stderr!.setEncoding('utf8');
      c.stderr!.on('data', (chunk: string) => this.onStderr(chunk));
      // 'close' comes after both pipes are drained (the engine holds them too): every segment
      // line has been seen, and the engine is gone.
      // The engine reports once per 30 s window: between reports the remaining time still counts down.
      const ticker = setInterval(() => safe(() => this.progress()), 1000);
      ticker.unref();
      c.on('close', (code, signal) => {
        clearInterval(ticker);
        this.watch?.stop();
        settle(this.resultOfExit(code, signal));
      });
    });
  }

  private onEngineStarted(msg: { enginePid?: unknown }): void {
    if (typeof msg?.enginePid !== 'number' || this.enginePid) return;
    const pid = msg.enginePid;
    this.enginePid = pid;
    this.watch?.watch(pid);
    // A cancel that came before the engine was known has already asked the watchdog to stop it.
    if (!this.cancelled) safe(() => this.opts.onStart?.(pid));
  }

  /** One line of the engine's stdout: a segment, streamed unless it carries no speech. */
  private onLine(line: string): void {
    const seg = parseSegmentLine(line);
    if (!seg) return;
    seg.start += this.shift;
    seg.end += this.shift;
    // A segment across a long pause the voice detector removed keeps the side with its speech;
    // its confidences are found in the engine's JSON by the engine's own times.
    this.engineTimes.set(seg, { start: seg.start, end: seg.end });
    Object.assign(seg, keepToSpeech(seg, this.speech.spans));
    this.doneSec = Math.max(this.doneSec, seg.end);
    seg.text = collapseRepeats(seg.text);
    if (!isNonSpeech(seg.text)) {
      this.segments++;
      this.streamed.push(seg);
      safe(() => this.opts.onSegment?.(seg));
    }
    safe(() => this.progress());
  }

  /** The engine's stderr: kept for the error message, read for its progress and its speech lines. */
  private onStderr(chunk: string): void {
    this.stderrTail = (this.stderrTail + chunk).slice(-8192);
    // The voice detector's lines come before the first segment (they describe the audio decoded).
    this.stderrLines.add(chunk);
    for (const m of chunk.matchAll(new RegExp(PROGRESS_LINE, 'g'))) {
      this.lastPercentFromEngine = Math.max(this.lastPercentFromEngine, Number(m[1]));
      safe(() => this.progress());
    }
  }

  private resultOfExit(code: number | null, signal: NodeJS.Signals | null): RunResult {
    if (this.cancelled) return { status: 'cancelled', segments: this.segments };
    if (code === 0 && UNREADABLE_AUDIO.test(this.stderrTail)) {
      // whisper-cli skips an input it cannot read and exits 0: nothing was transcribed.
      return this.failed(new MahdarError('engine.audioUnreadable'));
    }
    if (code === 0) {
      this.doneSec = this.total;
      this.lastPercentFromEngine = 100;
      safe(() => this.progress());
      const speech = this.opts.decode.vadModel ? this.speech.spans : null;
      return { status: 'done', segments: this.segments, timings: readTimings(this.stderrTail), speech };
    }
    const why = exitReason(code, signal);
    return this.failed(new MahdarError('engine.failed', { detail: engineFailureDetail(this.stderrTail, why) }));
  }

  private failed(error: MahdarError): RunResult {
    return { status: 'failed', segments: this.segments, error };
  }

  /** Reports how far the engine is (the furthest of its last segment and its own percentage), and the time left (remaining-time.ts). */
  private progress(): void {
    const { offsetSec, total } = this;
    const fromEngine = offsetSec + ((total - offsetSec) * this.lastPercentFromEngine) / 100;
    const reached = Math.min(total, Math.max(this.doneSec, fromEngine));
    const percent = Math.max(0, Math.min(100, (reached / total) * 100));
    const elapsedSec = (Date.now() - this.started) / 1000;
    if (reached > this.lastReport.doneSec) this.lastReport = { elapsedSec, doneSec: reached };
    const input = { ...this.lastReport, offsetSec, totalSec: total, secPerHour: this.opts.secPerHour ?? null };
    this.remaining = nextRemaining(this.remaining, input, elapsedSec);
    this.opts.onProgress?.({ percent, doneSec: reached, etaSec: this.remaining?.etaSec ?? null });
  }

  /** After a clean exit: the confidence of each streamed segment's words, from the engine's full JSON. */
  private async giveConfidences(jsonFile: string): Promise<void> {
    const { onConfidence } = this.opts;
    if (!onConfidence || !this.streamed.length) return;
    try {
      const parsed = parseFullJson(await readFile(jsonFile), { shiftSec: this.shift });
      for (const seg of this.streamed) {
        const ps = wordConfidencesFor({ ...seg, ...this.engineTimes.get(seg) }, parsed);
        if (ps) safe(() => onConfidence(seg, ps));
      }
    } catch {
      // No file or not the expected JSON: the segments simply have no confidence.
    }
  }
}
