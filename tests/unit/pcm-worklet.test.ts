// The recording worklet's resampler (renderer/features/recording/pcm-worklet.ts), run outside
// the browser: a 48 kHz input becomes 16 kHz chunks of half a second, speech-band tones pass at
// full level and a tone above the new Nyquist frequency is filtered out instead of folding back.
import { beforeAll, describe, expect, it } from 'vitest';

type Processor = { port: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void }; process(inputs: Float32Array[][]): boolean };
let Ctor: new () => Processor;

beforeAll(async () => {
  const g = globalThis as Record<string, unknown>;
  g.sampleRate = 48000;
  g.AudioWorkletProcessor = class {
    port = { onmessage: null, postMessage: (m: unknown) => (this as unknown as { sent: unknown[] }).sent.push(m) };
    sent: unknown[] = [];
  };
  g.registerProcessor = (_name: string, ctor: new () => Processor) => (Ctor = ctor);
  await import('../../renderer/features/recording/pcm-worklet.ts');
});

/** Feeds `seconds` of a tone (two channels, as a stereo device gives) and returns what came out. */
function run(freq: number, seconds: number, amplitude = 0.5): { pcm: Int16Array[]; levels: number } {
  const p = new Ctor();
  const sent = (p as unknown as { sent: { type: string; pcm?: Int16Array }[] }).sent;
  for (let n = 0; n < (seconds * 48000) / 128; n++) {
    const block = new Float32Array(128);
    for (let i = 0; i < 128; i++) block[i] = amplitude * Math.sin((2 * Math.PI * freq * (n * 128 + i)) / 48000);
    p.process([[block, block]]);
  }
  return { pcm: sent.filter((m) => m.type === 'pcm').map((m) => m.pcm!), levels: sent.filter((m) => m.type === 'level').length };
}

const rms = (x: Int16Array, from = 800) => Math.sqrt(x.subarray(from).reduce((s, v) => s + v * v, 0) / (x.length - from)) / 32767;

describe('pcm worklet', () => {
  it('makes 16 kHz chunks of half a second, and a level ten times a second', () => {
    const { pcm, levels } = run(440, 2);
    expect(pcm.map((c) => c.length)).toEqual([8000, 8000, 8000, 8000]);
    expect(levels).toBe(20);
  });

  it('keeps speech-band tones and removes one above 8 kHz', () => {
    for (const f of [200, 1000, 3000, 6000]) expect(rms(run(f, 0.6).pcm[0]!)).toBeCloseTo(0.5 / Math.SQRT2, 1);
    // 12 kHz would fold back to 4 kHz without the low-pass.
    expect(rms(run(12000, 0.6).pcm[0]!)).toBeLessThan(0.005);
  });

  it('stops emitting when paused, after handing over its partial chunk', () => {
    const p = new Ctor();
    const sent = (p as unknown as { sent: { type: string; pcm?: Int16Array }[] }).sent;
    const block = new Float32Array(128).fill(0.1);
    for (let n = 0; n < 150; n++) p.process([[block]]);
    p.port.onmessage!({ data: { type: 'pause' } });
    for (let n = 0; n < 375; n++) p.process([[block]]);
    const pcm = sent.filter((m) => m.type === 'pcm');
    expect(pcm).toHaveLength(1);
    expect(pcm[0]!.pcm!.length).toBeGreaterThan(6300);
    expect(sent.at(-1)!.type).not.toBe('pcm');
    expect(sent.some((m) => m.type === 'flushed')).toBe(true);
  });
});
