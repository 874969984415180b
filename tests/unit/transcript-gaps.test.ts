import { describe, expect, it } from 'vitest';
import { untranscribedSpans } from '../../shared/transcript/gaps.ts';

describe('untranscribedSpans', () => {
  it('reports the tail after the last segment (consultation.wav: text ends at 89 s of 118)', () => {
    expect(untranscribedSpans([{ start: 0.5, end: 40 }, { start: 41, end: 89 }], 118)).toEqual([{ start: 89, end: 118 }]);
  });
  it('reports a hole in the middle and ignores short pauses', () => {
    const segs = [{ start: 30, end: 35 }, { start: 0, end: 10 }, { start: 36, end: 60 }];
    expect(untranscribedSpans(segs, 62)).toEqual([{ start: 10, end: 30 }]);
  });
  it('treats overlapping segments as one covered stretch', () => {
    expect(untranscribedSpans([{ start: 0, end: 50 }, { start: 5, end: 20 }, { start: 55, end: 100 }], 100)).toEqual([]);
  });
  it('a recording without any text is one span; no audio, no span', () => {
    expect(untranscribedSpans([], 30)).toEqual([{ start: 0, end: 30 }]);
    expect(untranscribedSpans([], 0)).toEqual([]);
  });
  it('a segment whose few words cannot fill its time covers only what they fill: the rest is reported', () => {
    // As whisper gave it on one CPU for a recording muted from 80 to 97.7 s: six words from 73.1 s to 100.6 s.
    const segs = [
      { start: 0, end: 72.6, text: 'كلمة '.repeat(120) },
      { start: 73.13, end: 100.58, text: 'ل advancement أ الحسن م quotab' },
      { start: 117.9, end: 121, text: 'شكرا السيد الرئيس على هذه الكلمة' },
    ];
    expect(untranscribedSpans(segs, 121)).toEqual([{ start: 73.13 + 6, end: 117.9 }]);
    // Speech at an ordinary pace is covered whole, a slow speaker's too.
    expect(untranscribedSpans([{ start: 0, end: 25, text: 'كلمة '.repeat(30) }, { start: 25, end: 40, text: 'نعم شكرا تفضل السيد الرئيس الكلمة لكم' }], 40)).toEqual([]);
  });
});
