// Finding the pause at the end of a live window (main/asr/live/pause.ts), on sound shaped like a
// meeting's: a voice (a tone whose loudness rises and falls like syllables) over a room's steady
// hiss, then the hiss alone.
import { describe, expect, it } from 'vitest';
import { trailingQuietSec } from '../../main/asr/live/pause.ts';

const RATE = 16000;

/** A deterministic hiss (a linear congruential generator), at `amp` of full scale. */
function hiss(sec: number, amp: number, seed = 1): Float32Array {
  const out = new Float32Array(Math.round(sec * RATE));
  let x = seed;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = (x / 2 ** 30 - 1) * amp;
  }
  return out;
}

/** Syllables: a 180 Hz tone whose loudness rises and falls four times a second. */
function voice(sec: number, amp: number): Float32Array {
  const out = new Float32Array(Math.round(sec * RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    out[i] = amp * (0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t)) * Math.sin(2 * Math.PI * 180 * t);
  }
  return out;
}

const mix = (a: Float32Array, b: Float32Array) => a.map((v, i) => v + (b[i] ?? 0));
const join = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
function pcm16(f: Float32Array): Buffer {
  const b = Buffer.alloc(f.length * 2);
  f.forEach((v, i) => b.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), i * 2));
  return b;
}

describe('the pause at the end of a live window', () => {
  it('measures the quiet after the last word, over a room hiss 30 dB below the voice', () => {
    const w = pcm16(join(mix(voice(4, 0.3), hiss(4, 0.01)), hiss(0.8, 0.01, 7)));
    expect(trailingQuietSec(w)).toBeGreaterThanOrEqual(0.7);
    expect(trailingQuietSec(w)).toBeLessThanOrEqual(0.9);
  });

  it('finds none while someone is still speaking', () => {
    expect(trailingQuietSec(pcm16(mix(voice(5, 0.3), hiss(5, 0.01))))).toBeLessThan(0.2);
  });

  it('finds none in a window of hiss alone or of digital silence: no speech to measure against', () => {
    // Hiss alone: its own loudness is the "speech" level, so almost nothing is 20 dB under it.
    expect(trailingQuietSec(pcm16(hiss(5, 0.01)))).toBeLessThan(0.1);
    expect(trailingQuietSec(Buffer.alloc(5 * RATE * 2))).toBe(0);
    expect(trailingQuietSec(Buffer.alloc(0))).toBe(0);
  });

  it('does not take a quieter speaker for a pause', () => {
    // A loud turn, then a speaker 12 dB quieter still talking: not a pause.
    const w = pcm16(join(mix(voice(3, 0.4), hiss(3, 0.005)), mix(voice(2, 0.1), hiss(2, 0.005, 3))));
    expect(trailingQuietSec(w)).toBeLessThan(0.2);
  });
});
