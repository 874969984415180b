// Continuing after a crash (renderer/features/recording/outbox.ts): the chunks main never answered
// are sent into the continued recording, less what the recovered file already holds of them, so
// no sample is in the meeting's audio twice and none is missing.
import { describe, expect, it } from 'vitest';
import { withoutHeld, type Item } from '../../renderer/features/recording/outbox.ts';

const RATE = 16000;
/** Seconds as the contract reports them: to the millisecond. */
const sec = (samples: number) => Math.round((samples / RATE) * 1000) / 1000;

/** Chunk `seq` of `samples` samples, each sample telling its chunk and place apart from the others'. */
const pcm = (seq: number, samples = 8000): Item => ({ kind: 'pcm', seq, pcm: Int16Array.from({ length: samples }, (_, i) => (seq * 7919 + i) % 32000) });
/** The samples the items would send, in order. */
const samplesOf = (items: Item[]) => items.flatMap((i) => (i.kind === 'pcm' ? Array.from(i.pcm) : []));

describe('what a continued recording is sent after a crash', () => {
  it('skips the chunk that was written but never answered, and sends the rest whole', () => {
    // Acknowledged: chunks 0..9 (5 s). Chunk 10 was written, then the app was killed.
    const waiting = [pcm(10), pcm(11), pcm(12)];
    const kept = withoutHeld(waiting, 5.5, 5);
    expect(kept.map((i) => (i.kind === 'pcm' ? i.seq : i.kind))).toEqual([11, 12]);
    expect(samplesOf(kept)).toEqual(samplesOf([pcm(11), pcm(12)]));
  });

  it('sends everything when the file holds just what was acknowledged', () => {
    const waiting = [pcm(10), pcm(11), { kind: 'stop' } as const];
    expect(withoutHeld(waiting, 5, 5)).toEqual(waiting);
  });

  it('drops nothing after a power cut, when the file holds less than was acknowledged', () => {
    const waiting = [pcm(10), pcm(11)];
    expect(withoutHeld(waiting, 4, 5)).toEqual(waiting);
  });

  it('counts odd-sized chunks (drained at a pause) exactly, though the durations are rounded to the millisecond', () => {
    // Acknowledged 3 s and a 3333-sample chunk; two odd chunks were written and not answered.
    const acked = 3 * RATE + 3333;
    const waiting = [pcm(7, 4321), pcm(8, 1237), pcm(9), pcm(10, 555)];
    const kept = withoutHeld(waiting, sec(acked + 4321 + 1237), sec(acked));
    expect(samplesOf(kept)).toEqual(samplesOf([pcm(9), pcm(10, 555)]));
  });

  it('cuts a chunk the file holds only part of, by samples, and keeps the stop after the chunks', () => {
    const waiting = [pcm(10), pcm(11), { kind: 'stop' } as const];
    const kept = withoutHeld(waiting, 5.25, 5);
    expect(samplesOf(kept)).toEqual([...samplesOf([pcm(10)]).slice(4000), ...samplesOf([pcm(11)])]);
    expect(kept.at(-1)).toEqual({ kind: 'stop' });
  });
});
