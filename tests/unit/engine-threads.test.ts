// Automatic threads: as many as the cores other programs leave free when a transcription starts
// (docs/engine.md, "Under load"): on 2 cores beside a busy program, 1 thread instead of 2.
import { describe, expect, it } from 'vitest';
import { coreTimes, defaultThreads, freeCores, resolveThreads, threadsForFreeCores, threadsForRun } from '../../main/asr/engine.ts';

const core = (idle: number, busy: number) => ({ idle, total: idle + busy });

describe('free cores', () => {
  it('sums each core\'s idle share of the time between two samples', () => {
    const before = [core(1000, 1000), core(5000, 200)];
    // Core 0 idle for 190 of 200 ms, core 1 busy the whole 200 ms.
    expect(freeCores(before, [core(1190, 1010), core(5000, 400)])).toBeCloseTo(0.95);
    // Both idle half the time.
    expect(freeCores(before, [core(1100, 1100), core(5100, 300)])).toBeCloseTo(1);
  });

  it('counts a core whose counters did not move as free, and never more than one per core', () => {
    const before = [core(1000, 1000), core(1000, 1000)];
    expect(freeCores(before, before)).toBe(2);
    expect(freeCores(before, [core(1300, 1000), core(1000, 1200)])).toBe(1);
  });

  it('reads os.cpus() for every core', () => {
    const times = coreTimes();
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t.total).toBeGreaterThanOrEqual(t.idle);
  });
});

describe('threads for the cores free', () => {
  it('gives one thread per free core, at least one, at most the automatic count', () => {
    expect(threadsForFreeCores(2, 2)).toBe(2);
    expect(threadsForFreeCores(2, 1.7)).toBe(2);
    // A program spinning on one of the two cores.
    expect(threadsForFreeCores(2, 1.05)).toBe(1);
    // Two other engines on the two cores.
    expect(threadsForFreeCores(2, 0.1)).toBe(1);
    expect(threadsForFreeCores(8, 6.2)).toBe(6);
    expect(threadsForFreeCores(8, 16)).toBe(8);
  });

  it('keeps an explicit request or a secretary\'s setting whatever the load', async () => {
    expect(await threadsForRun(3, 0)).toBe(3);
    expect(await threadsForRun(undefined, 6)).toBe(resolveThreads(undefined, 6));
    const auto = await threadsForRun(undefined, 0, 50);
    expect(auto).toBeGreaterThanOrEqual(1);
    expect(auto).toBeLessThanOrEqual(defaultThreads());
  });
});
