// The doubtful words the review editor underlines and counts (shared/transcript/doubtful.ts): only
// words under the threshold, none in a segment the secretary changed, and the count of those left.
import { describe, expect, it } from 'vitest';
import { countDoubtful, DOUBT_THRESHOLD, doubtfulIndexes, doubtfulRanges } from '../../shared/transcript/doubtful.ts';

const seg = (text: string, wordConfidence?: number[], edited = false) => ({ text, wordConfidence, edited });

describe('doubtful words', () => {
  it('flags only the words under the threshold, so a middling confidence is not underlined', () => {
    // 0.4 was doubtful at the old 0.5 threshold, which flagged half of ggml-base's words.
    const s = seg('قرر المجلس الموافقة على النقطة', [0.95, 0.1, 0.4, DOUBT_THRESHOLD, 0.24]);
    expect(doubtfulIndexes(s)).toEqual([1, 4]);
    expect(doubtfulRanges(s).map((r) => s.text.slice(r.start, r.end))).toEqual(['المجلس', 'النقطة']);
  });

  it('counts the doubtful words left and the rows that have some; an edited segment drops out', () => {
    const segments = [
      seg('بدون ثقة'),
      seg('كلمة أولى ثانية', [0.1, 0.9, 0.2]),
      seg('نص واثق', [0.9, 0.8]),
      seg('نص غيرته الكاتبة', [0.1, 0.1, 0.1], true),
      seg('كلمة أخرى', [0.05, 0.99]),
    ];
    expect(countDoubtful(segments)).toEqual({ words: 3, rows: [1, 4], known: true });
    // The secretary corrects the second segment: two words fewer left.
    segments[1] = seg('كلمة أولى ثانية مصححة', [0.1, 0.9, 0.2], true);
    expect(countDoubtful(segments)).toEqual({ words: 1, rows: [4], known: true });
  });

  it('knows nothing without the engine confidences, and nothing is left when none is under the threshold', () => {
    expect(countDoubtful([seg('نص'), seg('آخر')])).toEqual({ words: 0, rows: [], known: false });
    expect(countDoubtful([seg('نص واثق', [0.9, 0.3])])).toEqual({ words: 0, rows: [], known: true });
  });
});
