// How many of the engine's threads the computer can run now. Every step of a decode ends on a
// barrier that all the engine's threads must reach: when another program holds a core, the thread
// that shares it arrives a time slice late at every step and its partner waits. On 2 cores with one
// held busy the app took 2.0x its quiet time with 2 threads and 1.05x of its (slower) one-thread
// time with 1 (bench/results/load.md). So a run starts with no more threads than the cores other
// programs leave free, measured over a short look at the processor's counters just before it.
import { cpus } from 'node:os';

/** What the processor's counters say at one moment: time each core spent busy and in all, in ms. */
export interface CpuSample {
  busyMs: number[];
  totalMs: number[];
  /** This process's own processor time (user + system), in ms. */
  ownMs: number;
}

export function sampleCpu(): CpuSample {
  const busyMs: number[] = [];
  const totalMs: number[] = [];
  for (const { times } of cpus()) {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    busyMs.push(total - times.idle);
    totalMs.push(total);
  }
  const own = process.cpuUsage();
  return { busyMs, totalMs, ownMs: (own.user + own.system) / 1000 };
}

/**
 * Cores that other programs kept busy between two samples (0 = all idle; 1.5 = one core and a half).
 * This process's own work in between (reading the audio to cut it) is left out: it stops when the
 * engine starts.
 */
export function busyCoresBetween(a: CpuSample, b: CpuSample): number {
  let busy = 0;
  let total = 0;
  const n = Math.min(a.busyMs.length, b.busyMs.length);
  for (let i = 0; i < n; i++) {
    busy += Math.max(0, b.busyMs[i]! - a.busyMs[i]!);
    total += Math.max(0, b.totalMs[i]! - a.totalMs[i]!);
  }
  if (total <= 0 || n === 0) return 0;
  const perCore = total / n; // the window's length as the counters saw it
  const others = busy - Math.max(0, b.ownMs - a.ownMs);
  return Math.max(0, Math.min(n, others / perCore));
}

/**
 * Threads for a run: the cores the others leave free, rounded (a core more than half free counts),
 * never more than `most` (the settings' count) nor fewer than one.
 */
export function threadsForFreeCores(most: number, cores: number, busyCores: number): number {
  // No counters to read (os.cpus() is empty on some systems): the settings' count, as before.
  if (cores <= 0) return Math.max(1, Math.floor(most));
  const free = Math.round(cores - busyCores);
  return Math.max(1, Math.min(Math.floor(most), free));
}

/** How long the processor is watched before a run: long enough for its counters (10 ms ticks) to say. */
export const LOOK_MS = 400;

/** Threads for a run starting now: at most `most`, fewer when other programs hold cores. */
export async function threadsFreeNow(most: number, lookMs = LOOK_MS): Promise<number> {
  if (most <= 1) return Math.max(1, Math.floor(most));
  const a = sampleCpu();
  await new Promise((r) => setTimeout(r, lookMs));
  const b = sampleCpu();
  return threadsForFreeCores(most, a.busyMs.length, busyCoresBetween(a, b));
}
