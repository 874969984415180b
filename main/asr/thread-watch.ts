// A long run's thread count, kept fitted to the cores other programs leave free while it runs.
// A run starts with the threads free then (free-cores.ts), but a meeting's full pass lasts long
// enough for that to change: a video call starts, then ends. With a core taken, two threads wait
// for each other at every decoding step (2.0x the quiet time, against 1.5x with one thread:
// docs/engine.md, "Under load"); once the core is free again, one thread leaves half the computer
// idle. The engine (scripts/engine-source.mjs, whisper_threads_now) reads the count from a file
// before each 30 s window and before its voice detector; this watch writes that file.
//
// Telling the engine's work from the others' needs the engine's own processor time, which Node
// reads only from Linux's /proc. Elsewhere (and with an engine built without the edit) a run keeps
// the count it started with, as before.
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import { busyCoresBetween, sampleCpu, threadsForFreeCores, type CpuSample } from './free-cores.ts';

/** The variable that names the file to the engine. */
export const THREADS_FILE_ENV = 'MAHDAR_THREADS_FILE';

/** How often the processor is looked at; a change is written once two looks in a row agree. */
export const WATCH_MS = 2000;

/** Processor time (user + system, ms) of a process, from /proc; null where it cannot be read. */
export async function processCpuMs(pid: number): Promise<number | null> {
  if (process.platform !== 'linux') return null;
  try {
    const line = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): state is the first,
    // utime and stime the 12th and 13th, in clock ticks of 1/100 s (Linux's USER_HZ).
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

const reads = new Map<string, boolean>();

/**
 * Whether this engine binary reads the threads file (built with Mahdar's edits): a custom engine
 * (MAHDAR_WHISPER_CLI) may not, and started with all the threads it would keep them all.
 * Looked up once per binary file.
 */
export async function engineReadsThreadsFile(bin: string): Promise<boolean> {
  const st = await stat(bin).catch(() => null);
  if (!st) return false;
  const key = `${bin}:${st.size}:${st.mtimeMs}`;
  let known = reads.get(key);
  if (known === undefined) {
    known = (await readFile(bin).catch(() => Buffer.alloc(0))).includes(THREADS_FILE_ENV);
    reads.set(key, known);
  }
  return known;
}

/** Whether a run can be watched here: the engine's processor time is readable, and the engine reads the file. */
export async function canWatchThreads(bin: string): Promise<boolean> {
  return (await processCpuMs(process.pid)) !== null && (await engineReadsThreadsFile(bin));
}

export interface ThreadWatchOptions {
  /** The file the engine reads. */
  file: string;
  /** The most threads the run may take (the engine was started with this many). */
  most: number;
  /** The engine's processor time; processCpuMs by default (tests pass their own). */
  engineCpu?: (pid: number) => Promise<number | null>;
  /** The processor's counters; sampleCpu by default. */
  sample?: () => CpuSample;
  intervalMs?: number;
}

export class ThreadWatch {
  private timer: NodeJS.Timeout | null = null;
  private last: CpuSample | null = null;
  /** The count in the file, and the count the last look asked for (written when the next agrees). */
  private written = 0;
  private pending = 0;
  private busy = false;

  constructor(private readonly o: ThreadWatchOptions) {}

  /** Writes the count the run starts with (before the engine starts: it reads the file at once). */
  async begin(threads: number): Promise<void> {
    await this.write(threads);
  }

  /** Looks at the processor every intervalMs while the engine (`pid`) runs. */
  watch(pid: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.look(pid), this.o.intervalMs ?? WATCH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look: the cores the others kept busy since the last one, the engine's own time left out. */
  async look(pid: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const engineMs = await (this.o.engineCpu ?? processCpuMs)(pid);
      if (engineMs === null) {
        this.stop(); // the engine is gone
        return;
      }
      const now = (this.o.sample ?? sampleCpu)();
      const mine = { ...now, ownMs: now.ownMs + engineMs };
      const before = this.last;
      this.last = mine;
      if (!before) return;
      const want = threadsForFreeCores(this.o.most, mine.busyMs.length, busyCoresBetween(before, mine));
      if (want === this.written) this.pending = 0;
      else if (want === this.pending) await this.write(want);
      else this.pending = want;
    } finally {
      this.busy = false;
    }
  }

  private async write(threads: number): Promise<void> {
    this.written = threads;
    this.pending = 0;
    // Replaced whole, so the engine never reads half a number; a failed write keeps the old count.
    await writeFileAtomic(this.o.file, `${threads}\n`).catch(() => undefined);
  }
}

/** The engine's line when a window starts with another thread count (engine-source.mjs). */
const THREADS_LINE = /whisper_full_with_state: threads now = (\d+)/;

/** The thread count a line of the engine's stderr announces, or null. */
export function threadsNowIn(line: string): number | null {
  const m = THREADS_LINE.exec(line);
  return m ? Number(m[1]) : null;
}
