// The AudioWorklet that turns the microphone into what main stores: 16 kHz mono PCM16 in chunks
// of half a second, plus the input level ten times a second. It runs on the audio thread, so it
// never waits on the network or on React: the page queues what it posts (recorder.ts).
//
// Resampling: a windowed-sinc low-pass (cut off below 8 kHz, the new Nyquist frequency, so that
// nothing above it folds back into speech), evaluated only at the two input samples around each
// output instant, then linear interpolation between them. Built by Vite as a worker bundle
// (`?worker&url`) and loaded from our own origin, as the CSP (script-src 'self') requires.

// The AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessor): void;

export const OUT_RATE = 16000;
const CHUNK = OUT_RATE / 2; // samples per chunk (0.5 s)
const TAPS = 63;
const RING = 4096; // a power of two, much longer than TAPS + one render quantum
const LEVEL_EVERY = Math.round(sampleRate / 10);

/** Low-pass FIR taps (Blackman-windowed sinc), unity gain at DC. */
function lowPass(cutoffHz: number, rate: number): Float32Array {
  const h = new Float32Array(TAPS);
  const fc = cutoffHz / rate;
  const mid = (TAPS - 1) / 2;
  let sum = 0;
  for (let i = 0; i < TAPS; i++) {
    const x = i - mid;
    const sinc = x === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
    const w = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (TAPS - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (TAPS - 1));
    h[i] = sinc * w;
    sum += h[i]!;
  }
  for (let i = 0; i < TAPS; i++) h[i]! /= sum;
  return h;
}

class PcmProcessor extends AudioWorkletProcessor {
  private readonly taps = lowPass(Math.min(7200, sampleRate * 0.45), sampleRate);
  private readonly step = sampleRate / OUT_RATE; // input samples per output sample
  private readonly ring = new Float32Array(RING);
  /** Input samples received so far (the index of the next one). */
  private received = 0;
  /** Output samples computed so far; the next one falls at produced × step input samples (a product, not a running sum, so no drift over hours). */
  private produced = 0;
  private out = new Int16Array(CHUNK);
  private filled = 0;
  private peak = 0;
  private sumSq = 0;
  private clipped = 0;
  private levelCount = 0;
  private emitting = true;

  constructor() {
    super();
    this.port.onmessage = (e: MessageEvent<{ type: 'flush' | 'pause' | 'resume' }>) => {
      if (e.data.type === 'flush' || e.data.type === 'pause') this.flush();
      if (e.data.type === 'pause') this.emitting = false;
      if (e.data.type === 'resume') this.emitting = true;
      if (e.data.type === 'flush' || e.data.type === 'pause') this.port.postMessage({ type: 'flushed' });
    };
  }

  /** The low-passed input at index i (needs i < received, and the ring still holding i - TAPS). */
  private filtered(i: number): number {
    let acc = 0;
    for (let k = 0; k < TAPS; k++) {
      const j = i - k;
      if (j < 0) break;
      acc += this.taps[k]! * this.ring[j & (RING - 1)]!;
    }
    return acc;
  }

  private flush(): void {
    if (this.filled === 0) return;
    const chunk = this.out.slice(0, this.filled);
    this.port.postMessage({ type: 'pcm', pcm: chunk }, [chunk.buffer]);
    this.filled = 0;
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const n = channels[0]!.length;
    for (let s = 0; s < n; s++) {
      let v = 0;
      for (const ch of channels) v += ch[s]!;
      v /= channels.length;
      this.ring[this.received & (RING - 1)] = v;
      this.received++;
      const a = Math.abs(v);
      if (a > this.peak) this.peak = a;
      if (a >= 0.999) this.clipped++;
      this.sumSq += v * v;
      if (++this.levelCount >= LEVEL_EVERY) {
        this.port.postMessage({ type: 'level', peak: this.peak, rms: Math.sqrt(this.sumSq / this.levelCount), clipped: this.clipped, filled: this.filled });
        this.peak = this.sumSq = this.clipped = this.levelCount = 0;
      }
    }
    // Every output instant whose two neighbouring input samples have arrived.
    for (let pos = this.produced * this.step; Math.floor(pos) + 1 < this.received; pos = this.produced * this.step) {
      const i = Math.floor(pos);
      const frac = pos - i;
      const y0 = this.filtered(i);
      const y = y0 + frac * (this.filtered(i + 1) - y0);
      this.produced++;
      if (!this.emitting) continue;
      this.out[this.filled++] = Math.max(-32768, Math.min(32767, Math.round(y * 32767)));
      if (this.filled === CHUNK) this.flush();
    }
    return true;
  }
}

registerProcessor('mahdar-pcm', PcmProcessor);
