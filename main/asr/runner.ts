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
// Word confidence: whisper-cli also writes its full JSON (-ojf) into the run's temporary folder;
// after a clean exit the runner reads it and gives each streamed segment the confidence of its
// words (token-confidence.ts). The JSON is written only at the end of a whole decode, so a
// cancelled or killed run has none; a missing or unreadable file only means no confidence.
import type { ChildProcess } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MahdarError } from '../../shared/errors.ts';
import { sliceWav } from '../audio/wav.ts';
import { decodeArgs, type DecodeOptions } from './decode-options.ts';
import { engineEnv, signalOfExitCode, spawnEngine } from './engine.ts';
import { parseFullJson, wordConfidencesFor } from './token-confidence.ts';

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
  decode: DecodeOptions;
  onSegment?: (segment: EngineSegment) => void;
  onProgress?: (progress: RunProgress) => void;
  /** The engine process started, with this pid. */
  onStart?: (enginePid: number) => void;
  /**
   * After a run that ended done: the confidence (0..1) of each word of a segment given to
   * onSegment (the same object), one per word of its text. Segments without a match get no call.
   */
  onConfidence?: (segment: EngineSegment, wordConfidence: number[]) => void;
}

export type RunResult =
  | { status: 'done'; segments: number }
  | { status: 'cancelled'; segments: number }
  | { status: 'failed'; segments: number; error: MahdarError };

export interface RunHandle {
  /** Settles when the child is gone; never rejects. */
  done: Promise<RunResult>;
  /** Stops the engine (SIGTERM, then SIGKILL after 300 ms); resolves once it has exited. */
  cancel(): Promise<RunResult>;
  /** The engine's process id once it started (tests kill it to simulate a crash). */
  readonly pid: number | undefined;
}

/** Engine watchdogs alive now, with their engine's pid once known: killed when the app exits normally. */
const live = new Map<ChildProcess, number | undefined>();
let exitHook = false;
function track(c: ChildProcess): void {
  live.set(c, undefined);
  c.once('close', () => live.delete(c));
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const [watchdog, enginePid] of live) {
        if (enginePid) killQuietly(enginePid, 'SIGKILL');
        watchdog.kill('SIGKILL');
      }
    });
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Prefix of the temporary folders of runs (the engine's JSON, the tail WAV of a resumed run); the pid says whose. */
export const RUN_DIR_PREFIX = 'mahdar-run-';

/**
 * Removes the temporary folders left by runs of app processes that are gone (killed before they
 * could clean up). Folders of a live process, another Mahdar running now, are left alone.
 */
export async function sweepRunTemp(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(RUN_DIR_PREFIX)) continue;
    const pid = Number(/^mahdar-run-(\d+)-/.exec(name)?.[1]);
    if (pid && pidAlive(pid)) continue;
    await rm(join(dir, name), { recursive: true, force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whisper's known loop on long audio: one word or phrase repeated over and over in a segment.
 * A phrase of 1-8 words repeated more than 3 times in a row is kept 3 times at most.
 */
export function collapseRepeats(text: string, keep = 3): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < keep + 1) return text.trim();
  const out: string[] = [];
  let i = 0;
  outer: while (i < words.length) {
    for (let n = 1; n <= 8 && i + n * (keep + 1) <= words.length; n++) {
      let reps = 1;
      while (i + (reps + 1) * n <= words.length && words.slice(i + reps * n, i + (reps + 1) * n).join(' ') === words.slice(i, i + n).join(' ')) reps++;
      if (reps > keep) {
        for (let r = 0; r < keep; r++) out.push(...words.slice(i, i + n));
        i += reps * n;
        continue outer;
      }
    }
    out.push(words[i]!);
    i++;
  }
  return out.join(' ');
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

/** The last meaningful lines of the engine's stderr, for the user-facing error. */
function stderrDetail(tail: string, fallback: string): string {
  const lines = tail
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('whisper_print_timings') && !PROGRESS_LINE.test(l));
  const errors = lines.filter((l) => /error|fail|abort|invalid|cannot|unable/i.test(l));
  const pick = (errors.length ? errors : lines).slice(-2).join(' | ');
  return (pick || fallback).slice(0, 300);
}

export function runWhisper(opts: RunOptions): RunHandle {
  const offsetSec = Math.max(0, opts.offsetSec ?? 0);
  const useSlice = offsetSec > 0 && !!opts.decode.vadModel;
  const total = Math.max(opts.durationSec, 0.001);
  let child: ChildProcess | null = null;
  let enginePid: number | undefined;
  let cancelled = false;
  let segments = 0;
  let doneSec = offsetSec;
  let lastPercentFromEngine = 0;
  let tmpDir: string | null = null;
  const started = Date.now();
  let stderrTail = '';

  const progress = () => {
    const fromEngine = offsetSec + ((total - offsetSec) * lastPercentFromEngine) / 100;
    const reached = Math.min(total, Math.max(doneSec, fromEngine));
    const percent = Math.max(0, Math.min(100, (reached / total) * 100));
    const processed = reached - offsetSec;
    const elapsed = (Date.now() - started) / 1000;
    const etaSec = processed > 1 && elapsed > 1 ? Math.max(0, ((total - reached) * elapsed) / processed) : null;
    opts.onProgress?.({ percent, doneSec: reached, etaSec });
  };

  const safe = (fn: () => void) => {
    try {
      fn();
    } catch {
      // A failing listener must not break the stream of segments.
    }
  };

  const done = (async (): Promise<RunResult> => {
    let input = opts.audio;
    let shift = 0;
    const args = ['-m', opts.model, ...decodeArgs(opts.decode), '-pp'];
    const streamed: EngineSegment[] = [];
    try {
      tmpDir = await mkdtemp(join(tmpdir(), `${RUN_DIR_PREFIX}${process.pid}-`));
      const jsonBase = join(tmpDir, 'out');
      args.push('-ojf', '-of', jsonBase);
      if (useSlice) {
        input = join(tmpDir, 'tail.wav');
        await sliceWav(opts.audio, input, offsetSec);
        shift = offsetSec;
      } else if (offsetSec > 0) {
        args.push('-ot', String(Math.round(offsetSec * 1000)));
      }
      args.push('-f', input);
      if (cancelled) return { status: 'cancelled', segments };
      // The watchdog, not this process, starts the engine: check here that there is one to start.
      if (!(await access(opts.bin).then(() => true, () => false))) return { status: 'failed', segments, error: new MahdarError('engine.missing') };
      const result = await new Promise<RunResult>((resolvePromise) => {
        let settled = false;
        const settle = (r: RunResult) => {
          if (!settled) {
            settled = true;
            resolvePromise(r);
          }
        };
        const c = spawnEngine(opts.bin, args, engineEnv(opts.decode.threads));
        child = c;
        track(c);
        c.on('message', (msg: { enginePid?: unknown }) => {
          if (typeof msg?.enginePid !== 'number' || enginePid) return;
          enginePid = msg.enginePid;
          live.set(c, enginePid);
          // A cancel that came before the engine was known has already asked the watchdog to stop it.
          if (!cancelled) safe(() => opts.onStart?.(enginePid!));
        });
        c.on('error', (err: NodeJS.ErrnoException) => {
          settle({ status: 'failed', segments, error: new MahdarError('engine.failed', { detail: err.message }) });
        });
        const out = createInterface({ input: c.stdout! });
        out.on('line', (line) => {
          const seg = parseSegmentLine(line);
          if (!seg) return;
          seg.start += shift;
          seg.end += shift;
          doneSec = Math.max(doneSec, seg.end);
          seg.text = collapseRepeats(seg.text);
          if (!isNonSpeech(seg.text)) {
            segments++;
            streamed.push(seg);
            safe(() => opts.onSegment?.(seg));
          }
          safe(progress);
        });
        c.stderr!.setEncoding('utf8');
        c.stderr!.on('data', (chunk: string) => {
          stderrTail = (stderrTail + chunk).slice(-8192);
          for (const m of chunk.matchAll(new RegExp(PROGRESS_LINE, 'g'))) {
            lastPercentFromEngine = Math.max(lastPercentFromEngine, Number(m[1]));
            safe(progress);
          }
        });
        // 'close' comes after both pipes are drained (the engine holds them too): every segment
        // line has been seen, and the engine is gone.
        c.on('close', (code, signal) => {
          if (cancelled) return settle({ status: 'cancelled', segments });
          if (code === 0 && UNREADABLE_AUDIO.test(stderrTail)) {
            // whisper-cli skips an input it cannot read and exits 0: nothing was transcribed.
            return settle({ status: 'failed', segments, error: new MahdarError('engine.audioUnreadable') });
          }
          if (code === 0) {
            doneSec = total;
            lastPercentFromEngine = 100;
            safe(progress);
            return settle({ status: 'done', segments });
          }
          const sig = signal ?? signalOfExitCode(code);
          const why = sig ? `killed by ${sig}` : `exit code ${code}`;
          settle({ status: 'failed', segments, error: new MahdarError('engine.failed', { detail: stderrDetail(stderrTail, why) + ` (${why})` }) });
        });
      });
      if (result.status === 'done' && opts.onConfidence && streamed.length) {
        try {
          const parsed = parseFullJson(await readFile(`${jsonBase}.json`), { shiftSec: shift });
          for (const seg of streamed) {
            const ps = wordConfidencesFor(seg, parsed);
            if (ps) safe(() => opts.onConfidence!(seg, ps));
          }
        } catch {
          // No file or not the expected JSON: the segments simply have no confidence.
        }
      }
      return result;
    } catch (err) {
      const error = err instanceof MahdarError ? err : new MahdarError('engine.failed', { detail: (err as Error).message ?? String(err) });
      return { status: 'failed', segments, error };
    } finally {
      if (tmpDir) await rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
    }
  })();

  return {
    done,
    get pid() {
      return enginePid;
    },
    async cancel() {
      cancelled = true;
      const c = child as ChildProcess | null;
      if (c && c.exitCode === null && c.signalCode === null) {
        // The watchdog stops the engine (SIGTERM, then SIGKILL after 300 ms).
        try {
          if (c.connected) c.send({ stop: true });
        } catch {
          // The channel is closing: the watchdog is on its way out and takes the engine with it.
        }
        const hard = setTimeout(() => {
          if (enginePid) killQuietly(enginePid, 'SIGKILL');
          if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
        }, 1000);
        hard.unref();
        void done.finally(() => clearTimeout(hard));
      }
      return done;
    },
  };
}
