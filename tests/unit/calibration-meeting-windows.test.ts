// "Measure on this computer" counts the sample's encoder windows as a long recording pays them
// (main/asr/calibration/meeting-windows.ts): with beam 5 the engine ran two windows on the 29 s
// sample, which made a large model look about half as slow again as it is on a meeting.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTimings } from '../../main/asr/engine-timings.ts';
import { MEETING_WINDOWS_PER_MINUTE, meetingWallSec } from '../../main/asr/calibration/meeting-windows.ts';
import { CALIBRATION_FILE, readMeasures } from '../../main/asr/calibration/store.ts';
import { freshContext } from './asr-fixtures.ts';

// whisper-cli 1.9.1 (the app's engine) on the built-in sample: base, beam 5, 2 threads.
const BASE_SAMPLE = `
whisper_print_timings:     load time =   107.25 ms
whisper_print_timings:     fallbacks =   0 p /   0 h
whisper_print_timings:      mel time =    46.92 ms
whisper_print_timings:   sample time =   530.51 ms /  1046 runs (     0.51 ms per run)
whisper_print_timings:   encode time =  1602.67 ms /     2 runs (   801.33 ms per run)
whisper_print_timings:   decode time =    21.28 ms /     2 runs (    10.64 ms per run)
whisper_print_timings:   batchd time =  3693.18 ms /  1040 runs (     3.55 ms per run)
whisper_print_timings:   prompt time =     0.00 ms /     1 runs (     0.00 ms per run)
whisper_print_timings:    total time =  6120.26 ms
`;
const SAMPLE_SEC = 29.2;
const meetingWindows = (SAMPLE_SEC * MEETING_WINDOWS_PER_MINUTE) / 60;

describe('the sample counted as a meeting', () => {
  it('reads the encoder windows from the engine, and counts about one for 29 s where it ran two', () => {
    const encode = readTimings(BASE_SAMPLE)!.parts.encode;
    expect(encode).toEqual({ ms: 1602.67, runs: 2 });
    expect(meetingWindows).toBeGreaterThan(1);
    expect(meetingWindows).toBeLessThan(1.1);
    // 6.35 s on the clock: the second window's 0.8 s is mostly gone, the decoding stays.
    const sec = meetingWallSec(6.35, SAMPLE_SEC, encode);
    expect(sec).toBeCloseTo(6.35 - 1.60267 + meetingWindows * 0.801335, 3);
    expect(sec).toBeLessThan(6.35 - 0.7);
  });

  it('brings a model whose time is its encoder back to a meeting’s speed, not the sample’s', () => {
    // A large model: two windows of 25 s each and 10 s of decoding on 29 s of audio.
    const sec = meetingWallSec(60, SAMPLE_SEC, { ms: 50_000, runs: 2 });
    expect(sec).toBeCloseTo(10 + meetingWindows * 25, 3);
    expect(sec / SAMPLE_SEC).toBeLessThan(1.3); // it keeps up with a meeting; the raw 2.05 said it does not
  });

  it('adds the part of a window the sample did not pay when it ran one', () => {
    expect(meetingWallSec(10, SAMPLE_SEC, { ms: 4000, runs: 1 })).toBeGreaterThan(10);
  });

  it('keeps the wall clock when the engine printed no timings', () => {
    expect(readTimings('whisper-cli: error: failed to read audio')).toBeNull();
    expect(meetingWallSec(8, SAMPLE_SEC, null)).toBe(8);
    expect(meetingWallSec(8, SAMPLE_SEC, { ms: 0, runs: 0 })).toBe(8);
  });
});

describe('measures stored before windows were counted', () => {
  it('are not shown: the secretary measures again', async () => {
    const ctx = await freshContext();
    const old = { modelId: 'base', sizeBytes: 10, sha256: null, threads: 2, vad: true, engine: 'e', sample: 's', decoding: 'd', audioSec: 29.2, wallSec: 9, rtf: 0.31, measuredAt: '2026-01-01T00:00:00Z' };
    await writeFile(join(ctx.dataRoot, CALIBRATION_FILE), JSON.stringify({ version: 1, models: { base: old } }));
    expect(await readMeasures(ctx)).toEqual({});
    await writeFile(join(ctx.dataRoot, CALIBRATION_FILE), JSON.stringify({ version: 2, models: { base: { ...old, encoderWindows: 1, encoderSecPerWindow: 0.8 } } }));
    expect(Object.keys(await readMeasures(ctx))).toEqual(['base']);
  });
});
