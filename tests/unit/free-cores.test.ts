// A run of the engine starts with no more threads than the cores other programs leave free
// (main/asr/free-cores.ts): with every core held by a spinning process, the real engine runs on
// one thread and still transcribes; the arithmetic on the processor's counters leaves out this
// process's own work and rounds a core more than half free up.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DECODE } from '../../main/asr/decode-options.ts';
import { whisperCliPath } from '../../main/asr/engine.ts';
import { busyCoresBetween, sampleCpu, threadsForFreeCores, threadsFreeNow, type CpuSample } from '../../main/asr/free-cores.ts';
import { runWhisper, type EngineSegment } from '../../main/asr/runner.ts';
import { concatClips, FAST_DECODE, haveModel, holdEveryCore, MODEL, MODELS, tempDir } from './asr-fixtures.ts';

const sample = (busyMs: number[], totalMs: number[], ownMs = 0): CpuSample => ({ busyMs, totalMs, ownMs });

describe('cores other programs hold, from two samples of the counters', () => {
  it('counts the busy share of every core over the window', () => {
    const a = sample([1000, 1000], [5000, 5000]);
    // 400 ms later: core 0 fully busy, core 1 a quarter.
    expect(busyCoresBetween(a, sample([1400, 1100], [5400, 5400]))).toBeCloseTo(1.25, 5);
    expect(busyCoresBetween(a, sample([1000, 1000], [5400, 5400]))).toBe(0);
  });

  it("leaves this process's own work out: it stops when the engine starts", () => {
    const a = sample([1000, 1000], [5000, 5000], 200);
    // Core 0 busy all along, of which 300 ms were this process cutting the audio.
    expect(busyCoresBetween(a, sample([1400, 1000], [5400, 5400], 500))).toBeCloseTo(0.25, 5);
  });

  it('a window the counters did not see move says nothing is busy', () => {
    const a = sample([1000, 1000], [5000, 5000]);
    expect(busyCoresBetween(a, a)).toBe(0);
  });

  it('threads: the free cores rounded, at most the settings’ count, at least one', () => {
    expect(threadsForFreeCores(2, 2, 0.1)).toBe(2); // a quiet laptop
    expect(threadsForFreeCores(2, 2, 0.4)).toBe(2); // a page idling
    expect(threadsForFreeCores(2, 2, 1.0)).toBe(1); // a core taken by another program
    expect(threadsForFreeCores(2, 2, 2.0)).toBe(1); // all taken: one thread still runs
    expect(threadsForFreeCores(4, 8, 1.2)).toBe(4); // more free than the settings allow
    expect(threadsForFreeCores(8, 8, 2.6)).toBe(5);
    expect(threadsForFreeCores(4, 0, 0)).toBe(4); // no counters to read: the settings' count
  });
});

describe.runIf(cpus().length >= 2)('with every core held by another program', () => {
  let hogs: ChildProcess[] = [];
  afterEach(() => {
    for (const h of hogs) h.kill('SIGKILL');
    hogs = [];
  });

  it('the counters see the cores taken, and a run asking for two threads gets one', async () => {
    hogs = holdEveryCore();
    await new Promise((r) => setTimeout(r, 300)); // the spinners are running
    const a = sampleCpu();
    await new Promise((r) => setTimeout(r, 400));
    expect(busyCoresBetween(a, sampleCpu())).toBeGreaterThan(cpus().length - 0.5);
    expect(await threadsFreeNow(2)).toBe(1);
  });

  it.runIf(haveModel && process.platform === 'linux')('the real engine starts on one thread and transcribes', async () => {
    hogs = holdEveryCore();
    await new Promise((r) => setTimeout(r, 300));
    const wav = concatClips(['001.wav'], join(tempDir(), 'one.wav'), 0.3);
    const segs: EngineSegment[] = [];
    let threads = 0;
    let told = '';
    const run = runWhisper({
      bin: whisperCliPath(),
      model: MODEL,
      audio: wav,
      durationSec: 6.3,
      decode: { ...DEFAULT_DECODE, ...FAST_DECODE, language: 'ar', threads: 2, vadModel: join(MODELS, 'ggml-silero-v5.1.2.bin'), prompt: null },
      fitThreads: true,
      onThreads: (n) => (threads = n),
      // Started with -t 1, or (thread-watch.ts) with all its threads and a threads file that says 1.
      onStart: (pid) => {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        const file = /(?:^|\0)MAHDAR_THREADS_FILE=([^\0]+)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
        told = file ? readFileSync(file, 'utf8').trim() : /-t (\d+)/.exec(cmdline)![1]!;
      },
      onSegment: (s) => segs.push(s),
    });
    expect((await run.done).status).toBe('done');
    expect(threads).toBe(1);
    expect(told).toBe('1');
    expect(segs.map((s) => s.text).join(' ').length).toBeGreaterThan(10);
  }, 300_000);
});
