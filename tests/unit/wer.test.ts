import { describe, expect, it } from 'vitest';
import { alignWords, wordErrorRate } from '../../shared/text/wer.ts';

describe('wordErrorRate', () => {
  it('scores 0 for the same sentence with and without diacritics and punctuation', () => {
    const r = wordErrorRate(
      'في الدول المتقدّمة تصل نسبة سحب المياه من أجل الريّ إلى نسبة معتبرة',
      'في الدول المتقدمة، تصل نسبة سحب المياه من اجل الري الى نسبه معتبرة.',
    );
    expect(r).toEqual({ wer: 0, substitutions: 0, deletions: 0, insertions: 0, refWords: 13, hypWords: 13 });
  });

  it('counts one substitution, one deletion and one insertion exactly', () => {
    // ref: محضر اجتماع اللجنة الجهوية للتنمية (5 words)
    // hyp: محضر اجتماع اللجنة المحلية (substitution), للتنمية deleted, اليوم inserted at the start
    const r = wordErrorRate('محضر اجتماع اللجنة الجهوية للتنمية', 'اليوم محضر اجتماع اللجنة المحلية');
    expect(r.substitutions + r.deletions + r.insertions).toBe(3);
    expect(r.refWords).toBe(5);
    expect(r.wer).toBeCloseTo(3 / 5, 10);
  });

  it('separates the kinds of edits', () => {
    expect(alignWords(['a', 'b', 'c'], ['a', 'x', 'c'])).toMatchObject({ substitutions: 1, deletions: 0, insertions: 0 });
    expect(alignWords(['a', 'b', 'c'], ['a', 'c'])).toMatchObject({ substitutions: 0, deletions: 1, insertions: 0 });
    expect(alignWords(['a', 'b'], ['a', 'b', 'b', 'b'])).toMatchObject({ substitutions: 0, deletions: 0, insertions: 2 });
  });

  it('counts a hallucinated repetition as insertions and can exceed 1', () => {
    const r = wordErrorRate('شكرا', 'شكرا شكرا شكرا');
    expect(r).toMatchObject({ insertions: 2, refWords: 1, wer: 2 });
  });

  it('gives 1 for an empty hypothesis and handles an empty reference', () => {
    expect(wordErrorRate('بسم الله', '')).toMatchObject({ wer: 1, deletions: 2 });
    expect(wordErrorRate('', '')).toMatchObject({ wer: 0, refWords: 0 });
    expect(wordErrorRate('', 'نص')).toMatchObject({ wer: 1, insertions: 1 });
  });

  it('can score without normalisation', () => {
    expect(wordErrorRate('المتقدّمة', 'المتقدمة', false).wer).toBe(1);
    expect(wordErrorRate('المتقدّمة', 'المتقدمة').wer).toBe(0);
  });

  it('handles a long transcript quickly', () => {
    const ref = Array.from({ length: 1500 }, (_, i) => `كلمة${i % 97}`).join(' ');
    const hyp = ref.split(' ').filter((_, i) => i % 10 !== 0).join(' ');
    const r = wordErrorRate(ref, hyp);
    expect(r.deletions).toBe(150);
    expect(r.wer).toBeCloseTo(0.1, 10);
  });
});

describe('alignSteps', () => {
  it('gives the alignment WER counts, in order, with each word once', async () => {
    const { alignSteps } = await import('../../shared/text/wer.ts');
    const ref = ['قرر', 'المجلس', 'الموافقة', 'على', 'المشروع'];
    const hyp = ['قرر', 'المجلس', 'الموافقه', 'على', 'هذا', 'المشروع'];
    const steps = alignSteps(ref, hyp);
    expect(steps.map((s) => s.op)).toEqual(['ok', 'ok', 'sub', 'ok', 'ins', 'ok']);
    expect(steps.flatMap((s) => ('hyp' in s ? [s.hyp] : []))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(alignSteps(['a', 'b'], [])).toEqual([{ op: 'del', ref: 0 }, { op: 'del', ref: 1 }]);
  });
});
