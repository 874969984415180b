// A long run's thread count follows the cores other programs leave free while it runs
// (main/asr/thread-watch.ts; the engine reads the count before each window: scripts/engine-source.mjs).
// The watch's arithmetic on fake counters, the engine's lines read in pieces, and the real engine
// going down to one thread when another program takes the cores mid-run and back up when it stops.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DECODE } from '../../main/asr/decode-options.ts';
import { whisperCliPath } from '../../main/asr/engine.ts';
import type { CpuSample } from '../../main/asr/free-cores.ts';
import { runWhisper } from '../../main/asr/runner.ts';
import { LineReader } from '../../main/asr/engine-lines.ts';
import { canWatchThreads, engineReadsThreadsFile, processCpuMs, threadsNowIn, ThreadWatch } from '../../main/asr/thread-watch.ts';
import { concatClips, haveModel, holdEveryCore, MODEL, MODELS, tempDir } from './asr-fixtures.ts';

/**
 * A fake processor of 2 cores: each look advances the clock 1000 ms per core, with `others` cores
 * kept busy by other programs and `engine` cores by the engine.
 */
function fakeMachine() {
  let busy = 0;
  let total = 0;
  let engineMs = 0;
  const state = { others: 0, engine: 2 };
  return {
    state,
    sample: (): CpuSample => ({ busyMs: [busy / 2, busy / 2], totalMs: [total / 2, total / 2], ownMs: 0 }),
    engineCpu: async () => engineMs,
    tick() {
      busy += (state.others + state.engine) * 1000;
      total += 2 * 1000;
      engineMs += state.engine * 1000;
    },
  };
}

describe('the thread watch', () => {
  const read = (file: string) => readFileSync(file, 'utf8').trim();
  /** A watch of at most 2 threads on the fake machine, started with 2, and its file. */
  async function started(m: ReturnType<typeof fakeMachine>) {
    const file = join(tempDir(), 'threads');
    const watch = new ThreadWatch({ file, most: 2, sample: m.sample, engineCpu: m.engineCpu });
    await watch.begin(2);
    return { watch, file };
  }
  /** The processor's next second, then the watch's look at it. */
  async function second(m: ReturnType<typeof fakeMachine>, watch: ThreadWatch) {
    m.tick();
    await watch.look(1);
  }

  it('writes the starting count, and leaves the engine’s own work out of the others’', async () => {
    const m = fakeMachine();
    const { watch, file } = await started(m);
    expect(read(file)).toBe('2');
    // The engine alone, busy on both cores.
    for (let i = 0; i < 4; i++) await second(m, watch);
    expect(read(file)).toBe('2');
  });

  it('goes down to one thread when another program holds a core, and back up when it stops', async () => {
    const m = fakeMachine();
    const { watch, file } = await started(m);
    await watch.look(1);
    // A video call takes a core: the engine's two threads get 1.2 cores, the call 0.8.
    Object.assign(m.state, { others: 0.8, engine: 1.2 });
    await second(m, watch);
    expect(read(file)).toBe('2'); // one look is not a change yet
    await second(m, watch);
    expect(read(file)).toBe('1');
    // The call ends; the engine runs its one thread.
    Object.assign(m.state, { others: 0, engine: 1 });
    await second(m, watch);
    await second(m, watch);
    expect(read(file)).toBe('2');
  });

  it('a spike of one look changes nothing', async () => {
    const m = fakeMachine();
    const { watch, file } = await started(m);
    await watch.look(1);
    Object.assign(m.state, { others: 0.8, engine: 1.2 });
    await second(m, watch);
    Object.assign(m.state, { others: 0, engine: 2 });
    await second(m, watch);
    await second(m, watch);
    expect(read(file)).toBe('2');
  });

  it('reads the engine’s “threads now” lines, however its stderr is cut', () => {
    const seen: number[] = [];
    const log = new LineReader((line) => {
      const n = threadsNowIn(line);
      if (n !== null) seen.push(n);
    });
    log.add('whisper_full_with_state: thre');
    log.add('ads now = 1\nwhisper_full_with_state: progress = 40%\n');
    log.add('whisper_full_with_state: threads now = 2');
    expect(seen).toEqual([1]);
    log.add('\n');
    expect(seen).toEqual([1, 2]);
  });

  it.runIf(process.platform === 'linux')('reads a process’s processor time, and knows an engine that reads the file', async () => {
    const before = await processCpuMs(process.pid);
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i;
    expect(x).toBeGreaterThan(0);
    expect((await processCpuMs(process.pid))!).toBeGreaterThan(before!);
    expect(await processCpuMs(2 ** 22 + 12345)).toBeNull();
    const other = join(tempDir(), 'whisper-cli');
    writeFileSync(other, 'an engine built without the edit');
    expect(await engineReadsThreadsFile(other)).toBe(false);
    expect(await engineReadsThreadsFile(join(tempDir(), 'missing'))).toBe(false);
  });
});

describe.runIf(haveModel && cpus().length >= 2)('the real engine during a run (thread-watch.ts)', () => {
  let hogs: ChildProcess[] = [];
  afterEach(() => {
    for (const h of hogs) h.kill('SIGKILL');
    hogs = [];
  });

  it('the app’s engine reads the threads file', async () => {
    expect(await engineReadsThreadsFile(whisperCliPath())).toBe(true);
  });

  it.runIf(process.platform === 'linux')(
    'takes one thread when other programs take the cores mid-run, two again when they stop, and keeps transcribing',
    async () => {
      expect(await canWatchThreads(whisperCliPath())).toBe(true);
      // 4 minutes of read speech: 8 windows or more, each several seconds of work.
      const clips = Array.from({ length: 30 }, (_, i) => `${String(i + 1).padStart(3, '0')}.wav`);
      const wav = concatClips(clips, join(tempDir(), 'long.wav'), 0.3);
      const threads: number[] = [];
      const texts: string[] = [];
      let onNext: ((n: number) => void) | null = null;
      let firstText: (() => void) | null = null;
      const nextThreads = () => new Promise<number>((resolve) => (onNext = resolve));
      const spoke = new Promise<void>((resolve) => (firstText = resolve));
      const run = runWhisper({
        bin: whisperCliPath(),
        model: MODEL,
        audio: wav,
        durationSec: 240,
        decode: { ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: join(MODELS, 'ggml-silero-v5.1.2.bin'), prompt: null },
        fitThreads: true,
        onThreads: (n) => {
          threads.push(n);
          onNext?.(n);
        },
        onSegment: (s) => {
          texts.push(s.text);
          firstText?.();
        },
      });
      // A run that ends before the change it waits for fails the test instead of hanging it.
      const ended = run.done.then((r) => `ended: ${r.status}`);
      try {
        await Promise.race([spoke, ended]);
        expect(threads).toEqual([2]); // a quiet start
        const down = nextThreads();
        hogs = holdEveryCore();
        expect(await Promise.race([down, ended])).toBe(1);
        const segmentsAtOne = texts.length;
        const up = nextThreads();
        for (const h of hogs) h.kill('SIGKILL');
        hogs = [];
        expect(await Promise.race([up, ended])).toBe(2);
        // Segments kept coming while it ran on one thread.
        expect(texts.length).toBeGreaterThan(segmentsAtOne);
      } finally {
        await run.cancel();
      }
      expect(threads).toEqual([2, 1, 2]);
      expect(texts.join(' ').split(/\s+/).length).toBeGreaterThan(20);
    },
    300_000,
  );
});
