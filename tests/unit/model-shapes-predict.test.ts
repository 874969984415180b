// The model-shapes bench's arithmetic (bench/model-shapes/predict.ts): whisper.cpp's timings are
// read as the engine prints them, and a meeting's predicted time follows the transcript's counts.
import { describe, expect, it } from 'vitest';
import { MEETING_WINDOWS_PER_MINUTE } from '../../main/asr/calibration/meeting-windows.ts';
import { calibrationSeconds, parseTimings, predictSeconds, tokensPerWindow, type BaseTranscript, type PartTimes } from '../../bench/model-shapes/predict.ts';

// whisper-cli 1.9.1's own lines (base, beam 4, the calibration sample).
const STDERR = `
whisper_print_timings:     load time =   526.47 ms
whisper_print_timings:     fallbacks =   0 p /   1 h
whisper_print_timings:      mel time =   440.74 ms
whisper_print_timings:   sample time =  6260.96 ms /   647 runs (     9.68 ms per run)
whisper_print_timings:   encode time =  9053.28 ms /     1 runs (  9053.28 ms per run)
whisper_print_timings:   decode time = 47052.76 ms /    28 runs (  1680.46 ms per run)
whisper_print_timings:   batchd time = 404151.41 ms /   618 runs (   653.97 ms per run)
whisper_print_timings:   prompt time =     0.00 ms /     1 runs (     0.00 ms per run)
whisper_print_timings:    total time = 485103.03 ms
`;

const transcript = (over: Partial<BaseTranscript> = {}): BaseTranscript => ({
  audioSec: 600,
  windows: 20,
  tokens: 2000,
  wallSec: 100,
  cpuSec: 100,
  threads: 1,
  timings: {
    loadMs: 0,
    parts: { sample: { ms: 2000, runs: 8000 }, encode: { ms: 40_000, runs: 20 }, decode: { ms: 0, runs: 0 }, batchd: { ms: 38_000, runs: 8000 }, prompt: { ms: 0, runs: 0 } },
    fallbacks: 0,
  },
  ...over,
});
const parts: PartTimes = { loadMs: 3000, encodeMs: 10_000, greedyTokenMs: 50, beamStepMs: 100, promptMs: 400 };

describe('model-shapes prediction', () => {
  it('reads the load, each part and the fallbacks from whisper.cpp timings', () => {
    const t = parseTimings(STDERR);
    expect(t.loadMs).toBeCloseTo(526.47);
    expect(t.parts.encode).toEqual({ ms: 9053.28, runs: 1 });
    expect(t.parts.batchd.runs).toBe(618);
    expect(t.fallbacks).toBe(1);
    expect(() => parseTimings('whisper-cli: error')).toThrow(/no whisper.cpp timings/);
  });

  it('counts a window as its share of the transcript plus the end-of-text token', () => {
    expect(tokensPerWindow(transcript())).toBe(101);
  });

  it('pays the load once: a meeting twice as long takes twice the decoding, not twice the load', () => {
    const t = transcript();
    const hour = predictSeconds(3600, t, parts, 'beam');
    const twoHours = predictSeconds(7200, t, parts, 'beam');
    expect(twoHours - hour).toBeCloseTo(hour - parts.loadMs / 1000, 6);
    // 2 windows a minute of audio, each 10 s of encoder, 101 beam steps of 0.1 s and 0.1 s of sampling.
    const perWindow = 10 + 101 * 0.1 + 0.1;
    // What the transcript's run spent outside load and decoding: 100 - 80 s on 600 s of audio.
    expect(hour).toBeCloseTo(3 + 120 * perWindow + 3600 * (20 / 600), 6);
  });

  it('decodes greedy as a prompt then one token at a time', () => {
    const t = transcript();
    const beam = predictSeconds(3600, t, parts, 'beam');
    const greedy = predictSeconds(3600, t, parts, 'greedy');
    expect(beam - greedy).toBeCloseTo((120 * (101 * 0.1 - (0.4 + 100 * 0.05))), 6);
  });

  it('reports the sample as the app does: two encoder windows on 29 s counted as a meeting pays them', () => {
    const sample = transcript({ audioSec: 29.2, windows: 2, tokens: 180, wallSec: 10, cpuSec: 10 });
    const raw = predictSeconds(29.2, sample, parts, 'beam');
    const reported = calibrationSeconds(sample, parts);
    expect(raw - reported).toBeCloseTo((2 - (29.2 * MEETING_WINDOWS_PER_MINUTE) / 60) * 10, 6);
  });
});
