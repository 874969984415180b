// Which holes of a transcript the second look transcribes again (main/asr/gap-pass.ts), how their
// segments go into meeting.json (segment-saver.ts insertSegments) and into a page's list
// (shared/transcript/place-segment.ts). The runs themselves, on the real engine: second-look.test.ts.
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/domain.ts';
import { placeSegment } from '../../shared/transcript/place-segment.ts';
import { MAX_RETRY_SPANS, MAX_UNHEARD_SPAN_SEC, spansToTranscribeAgain } from '../../main/asr/gap-pass.ts';
import { insertSegments } from '../../main/asr/segment-saver.ts';
import { freshContext } from './asr-fixtures.ts';

const words = (n: number) => Array.from({ length: n }, () => 'كلمة').join(' ');
const seg = (start: number, end: number, n = Math.ceil(end - start)) => ({ start, end, text: words(n) });

describe('spansToTranscribeAgain', () => {
  // As the installers' build left msa-read joined: text to 38 s, none to 50 s, speech heard throughout.
  const segments = [seg(0, 33), seg(33, 38), seg(50, 60)];
  const heardEverywhere = { from: 0, spans: [{ start: 0.2, end: 59.8 }] };

  it('a hole where the voice detector heard speech is transcribed again', () => {
    expect(spansToTranscribeAgain(segments, 60, heardEverywhere)).toEqual([{ start: 38, end: 50 }]);
  });

  it('a hole of silence is not, nor one with only a cough in it, nor one shorter than 5 s', () => {
    expect(spansToTranscribeAgain(segments, 60, { from: 0, spans: [{ start: 0.2, end: 38 }, { start: 50, end: 59.8 }] })).toEqual([]);
    expect(spansToTranscribeAgain(segments, 60, { from: 0, spans: [{ start: 0.2, end: 38 }, { start: 44, end: 45.5 }, { start: 50, end: 59.8 }] })).toEqual([]);
    expect(spansToTranscribeAgain([seg(0, 33), seg(37, 60)], 60, heardEverywhere)).toEqual([]);
  });

  it(`where the speech is not known (before a resumed run began), only the holes the tab reports, 10 s or more, up to ${MAX_UNHEARD_SPAN_SEC} s`, () => {
    const resumedAt40 = { from: 40, spans: [{ start: 40, end: 59.8 }] };
    expect(spansToTranscribeAgain(segments, 60, resumedAt40)).toEqual([{ start: 38, end: 50 }]);
    expect(spansToTranscribeAgain([seg(0, 33), seg(40, 60)], 60, null)).toEqual([]);
    expect(spansToTranscribeAgain([seg(0, 33), seg(45, 60)], 60, null)).toEqual([{ start: 33, end: 45 }]);
    // A break of ten minutes in a followed recording: not run again at the stop.
    expect(spansToTranscribeAgain([seg(0, 30), seg(630, 660)], 660, null)).toEqual([]);
    expect(spansToTranscribeAgain([seg(0, 30), seg(90, 120)], 120, null)).toEqual([{ start: 30, end: 90 }]);
  });

  it('the tail after the last segment counts, and a segment whose few words cannot fill its time covers only what they fill', () => {
    expect(spansToTranscribeAgain([seg(0, 30)], 60, heardEverywhere)).toEqual([{ start: 30, end: 60 }]);
    expect(spansToTranscribeAgain([seg(0, 30), { start: 30, end: 50, text: 'نعم' }, seg(50, 60)], 60, heardEverywhere)).toEqual([{ start: 31, end: 50 }]);
  });

  it(`at most ${MAX_RETRY_SPANS} spans, those with the most speech, in time order`, () => {
    const many = Array.from({ length: MAX_RETRY_SPANS + 5 }, (_, i) => seg(i * 20, i * 20 + 10));
    // Each 10 s hole has i % 7 + 3 s of speech.
    const spans = many.map((_, i) => ({ start: i * 20 + 10, end: i * 20 + 13 + (i % 7) }));
    const chosen = spansToTranscribeAgain(many, many.length * 20, { from: 0, spans });
    expect(chosen).toHaveLength(MAX_RETRY_SPANS);
    expect(chosen.map((s) => s.start)).toEqual([...chosen.map((s) => s.start)].sort((a, b) => a - b));
    const speechOf = (start: number) => spans.find((s) => s.start === start)!;
    const least = Math.min(...chosen.map((c) => speechOf(c.start).end - speechOf(c.start).start));
    const left = spans.filter((s) => !chosen.some((c) => c.start === s.start));
    expect(left.every((s) => s.end - s.start <= least)).toBe(true);
  });
});

describe('insertSegments', () => {
  async function meetingWith(segments: { start: number; end: number; text: string }[]) {
    const ctx = await freshContext();
    const m = await ctx.archive.create({ title: 'جلسة' });
    const audio = { file: 'audio.wav', sha256: 'a'.repeat(64) };
    await ctx.archive.update(m.id, (x) => ({
      ...x,
      audio: { file: audio.file, sha256: audio.sha256, durationSec: 60, originalName: 'audio.wav' },
      segments: segments.map((s, i) => ({ id: `s-${i}`, ...s, speakerId: null, tags: [], edited: false })) as Segment[],
    }));
    return { ctx, id: m.id, audio };
  }

  it('puts the hole\'s segments in time order, with their word confidences, and leaves the others as they were', async () => {
    const { ctx, id, audio } = await meetingWith([seg(0, 38), seg(50, 60)]);
    const before = (await ctx.archive.read(id)).segments;
    const added = await insertSegments(ctx.archive, id, audio, [
      { start: 38, end: 44, text: 'عند إعادة النظر', wordConfidence: [0.9, 0.8, 0.7] },
      { start: 44, end: 50, text: 'في المرتبة' },
    ]);
    expect(added?.map((s) => s.text)).toEqual(['عند إعادة النظر', 'في المرتبة']);
    const after = (await ctx.archive.read(id)).segments;
    expect(after.map((s) => s.start)).toEqual([0, 38, 44, 50]);
    expect(after[1]).toMatchObject({ text: 'عند إعادة النظر', wordConfidence: [0.9, 0.8, 0.7], speakerId: null, edited: false });
    expect([after[0], after[3]]).toEqual(before);
  });

  it('a new segment over one saved meanwhile is left out; another recording or an approved meeting gets nothing', async () => {
    const { ctx, id, audio } = await meetingWith([seg(0, 38), seg(40, 42), seg(50, 60)]);
    const added = await insertSegments(ctx.archive, id, audio, [seg(38, 41), seg(42, 50)]);
    expect(added?.map((s) => [s.start, s.end])).toEqual([[42, 50]]);
    expect(await insertSegments(ctx.archive, id, { file: 'audio.wav', sha256: 'b'.repeat(64) }, [seg(38, 40)])).toBeNull();
    await ctx.archive.update(id, (m) => ({ ...m, status: 'approved' }));
    expect(await insertSegments(ctx.archive, id, audio, [seg(38, 40)])).toBeNull();
    expect((await ctx.archive.read(id)).segments.map((s) => s.start)).toEqual([0, 40, 42, 50]);
  });
});

describe('placeSegment', () => {
  const list = [{ id: 'a', start: 0 }, { id: 'b', start: 10 }, { id: 'c', start: 50 }];
  it('a new segment goes before the first that starts after it; one already there is replaced where it is', () => {
    expect(placeSegment(list, { id: 'n', start: 38 }).map((s) => s.id)).toEqual(['a', 'b', 'n', 'c']);
    expect(placeSegment(list, { id: 'n', start: 60 }).map((s) => s.id)).toEqual(['a', 'b', 'c', 'n']);
    expect(placeSegment(list, { id: 'b', start: 10, text: 'x' } as { id: string; start: number })).toEqual([list[0], { id: 'b', start: 10, text: 'x' }, list[2]]);
  });
});
