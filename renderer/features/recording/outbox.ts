// What the page has captured and decided and main has not acknowledged yet, in the order main must
// receive it: numbered chunks, and the pause, resume and stop between them (main refuses chunks
// while paused, so a pause goes after the last chunk before it).
import { RECORDING_SAMPLE_RATE } from '../../../shared/recording.ts';

export type Item = { kind: 'pcm'; seq: number; pcm: Int16Array } | { kind: 'pause' | 'resume' | 'stop' };

export class Outbox {
  items: Item[] = [];
  /** The seq the next chunk captured will carry. */
  nextSeq = 0;

  clear(): void {
    this.items = [];
    this.nextSeq = 0;
  }

  pushChunk(pcm: Int16Array): void {
    this.items.push({ kind: 'pcm', seq: this.nextSeq++, pcm });
  }

  push(kind: 'pause' | 'resume' | 'stop'): void {
    this.items.push({ kind });
  }

  /** Chunks not yet acknowledged. */
  unsent(): number {
    return this.items.filter((i) => i.kind === 'pcm').length;
  }

  /** Samples in the chunks not yet acknowledged. */
  unsentSamples(): number {
    return this.items.reduce((n, i) => n + (i.kind === 'pcm' ? i.pcm.length : 0), 0);
  }

  /** Numbers the waiting chunks from `seq` on, in order (main expects that number next). */
  renumberFrom(seq: number): void {
    this.items = this.items.map((i) => (i.kind === 'pcm' ? { ...i, seq: seq++ } : i));
    this.nextSeq = seq;
  }

  /** Keeps only the chunks and the stop (for a new recording that begins recording). */
  keepChunksAndStop(): void {
    this.items = this.items.filter((i) => i.kind === 'pcm' || i.kind === 'stop');
  }

  /** Drops what a recovered file already holds of the waiting chunks (see withoutHeld). */
  dropHeld(recoveredSec: number, acknowledgedSec: number): void {
    this.items = withoutHeld(this.items, recoveredSec, acknowledgedSec);
  }
}

/** Both durations are rounded to the millisecond: their difference is off by up to this many samples. */
const ROUNDING_SAMPLES = RECORDING_SAMPLE_RATE / 1000;

/**
 * The waiting items without the samples a recovered file holds beyond what main acknowledged: a
 * kill between a chunk's write and its answer leaves that chunk in the file, unanswered. They are
 * cut from the front of the chunks, whole chunks and then part of one; a chunk that ends within
 * the durations' rounding of the cut goes whole. Fewer seconds than acknowledged (a power cut)
 * drops nothing: what the file lost is not in the queue any more.
 */
export function withoutHeld(items: Item[], recoveredSec: number, acknowledgedSec: number): Item[] {
  let held = Math.round((recoveredSec - acknowledgedSec) * RECORDING_SAMPLE_RATE);
  const kept: Item[] = [];
  for (const item of items) {
    if (item.kind !== 'pcm' || held <= ROUNDING_SAMPLES) kept.push(item);
    else if (item.pcm.length <= held + ROUNDING_SAMPLES) held -= item.pcm.length;
    else {
      kept.push({ ...item, pcm: item.pcm.subarray(held) });
      held = 0;
    }
  }
  return kept;
}

/** A chunk as appendRecording carries it. */
export function toBase64(pcm: Int16Array): string {
  // Int16Array is little-endian on every platform the app runs on, as the WAV wants.
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
