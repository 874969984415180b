// What the page has captured and decided and main has not acknowledged yet, in the order main must
// receive it: numbered chunks, and the pause, resume and stop between them (main refuses chunks
// while paused, so a pause goes after the last chunk before it).
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
}

/** A chunk as appendRecording carries it. */
export function toBase64(pcm: Int16Array): string {
  // Int16Array is little-endian on every platform the app runs on, as the WAV wants.
  const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
