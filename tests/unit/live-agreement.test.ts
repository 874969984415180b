// LocalAgreement-2: a word is committed once two consecutive decodes agree on it, never twice.
import { describe, expect, it } from 'vitest';
import {
  agree,
  commitBefore,
  finishAgreement,
  initialAgreement,
  skipTo,
  uncommittedPart,
  wordsOfSegment,
  wordsOfSegments,
  type AgreementState,
  type TimedWord,
} from '../../main/asr/live/agreement.ts';

/** Words one second apart from `t0`. */
const words = (text: string, t0 = 0): TimedWord[] => text.split(' ').map((w, i) => ({ text: w, start: t0 + i, end: t0 + i + 1 }));
const texts = (ws: TimedWord[]) => ws.map((w) => w.text).join(' ');

function run(hypotheses: TimedWord[][]): { committed: string[]; state: AgreementState } {
  let state = initialAgreement();
  const committed: string[] = [];
  for (const h of hypotheses) {
    const r = agree(state, h);
    state = r.state;
    committed.push(texts(r.committed));
  }
  return { committed, state };
}

describe('LocalAgreement-2', () => {
  it('commits nothing on the first decode, then the prefix two decodes share', () => {
    const { committed, state } = run([words('في الدول المتقدمة'), words('في الدول المتقدمة تصل نسبة')]);
    expect(committed).toEqual(['', 'في الدول المتقدمة']);
    expect(texts(state.previous)).toBe('تصل نسبة');
    expect(state.committedEnd).toBe(3);
  });

  it('stops at the first word that changed', () => {
    const { committed } = run([words('قال الرئيس إن المجلس'), words('قال الرئيس أن المجلس')]);
    // أن and إن normalise alike (hamza seats are unified): both agree.
    expect(committed[1]).toBe('قال الرئيس إن المجلس'.replace('إن', 'أن'));
    const r = run([words('قال الرئيس اليوم'), words('قال المدير اليوم')]);
    expect(r.committed[1]).toBe('قال');
    expect(texts(r.state.previous)).toBe('المدير اليوم');
  });

  it('ignores diacritics and punctuation when comparing', () => {
    const { committed } = run([words('الجلسةُ مفتوحة،'), words('الجلسة مفتوحة وبدأت')]);
    expect(committed[1]).toBe('الجلسة مفتوحة');
  });

  it('never commits a word twice when the window still holds committed words', () => {
    // The window slides: each decode repeats what was committed before, with shifted time estimates.
    const { committed } = run([
      words('أ ب ج'),
      words('أ ب ج د'),
      // Times estimated a little later than before: the text overlap catches the repeat.
      [{ text: 'ب', start: 1.4, end: 2.6 }, { text: 'ج', start: 2.6, end: 3.4 }, ...words('د ه و', 3.4)],
      words('د ه و ز', 3),
    ]);
    const all = committed.join(' ').split(/\s+/).filter(Boolean);
    expect(all).toEqual(['أ', 'ب', 'ج', 'د', 'ه', 'و']);
  });

  it('finds the committed tail again when word times moved', () => {
    const state: AgreementState = { previous: [], tail: words('في الدول المتقدمة'), committedEnd: 3 };
    // Estimated times put "تصل" before the committed end and "المتقدمة" earlier still.
    const h = [...words('في الدول المتقدمة', -0.3), ...words('تصل نسبة', 2.4)];
    expect(texts(uncommittedPart(state, h))).toBe('تصل نسبة');
  });

  it('drops committed words by time even when they were decoded differently', () => {
    const state: AgreementState = { previous: [], tail: words('أ ب ج'), committedEnd: 3 };
    expect(texts(uncommittedPart(state, words('أ بب ج د ه')))).toBe('د ه');
  });

  it('a hypothesis that shrinks or is empty commits nothing and keeps nothing stale', () => {
    const { committed, state } = run([words('أ ب ج'), [], words('أ ب ج')]);
    expect(committed).toEqual(['', '', '']);
    expect(texts(state.previous)).toBe('أ ب ج');
  });

  it('finish commits what is waiting; skipTo forgets it and moves the committed end', () => {
    const { state } = run([words('أ ب'), words('أ ب ج د')]);
    const f = finishAgreement(state);
    expect(texts(f.committed)).toBe('ج د');
    expect(f.state.previous).toEqual([]);
    expect(f.state.committedEnd).toBe(4);
    const s = skipTo(state, 10);
    expect(s.previous).toEqual([]);
    expect(s.committedEnd).toBe(10);
    // Words decoded before the skip point are not committed afterwards.
    expect(agree(agree(s, words('ق ر', 8)).state, words('ق ر', 8)).committed).toEqual([]);
  });

  it('commitBefore commits the waiting words that end before a time, and keeps the rest waiting', () => {
    const { state } = run([words('أ ب'), words('أ ب ج د ه')]);
    // ج [2,3], د [3,4], ه [4,5] wait for a second vote; the audio before 4.2 s is about to go.
    const c = commitBefore(state, 4.2);
    expect(texts(c.committed)).toBe('ج د');
    expect(texts(c.state.previous)).toBe('ه');
    expect(c.state.committedEnd).toBe(4);
    // Never committed again by the next decodes.
    const first = agree(c.state, words('أ ب ج د ه و', 0));
    const second = agree(first.state, words('أ ب ج د ه و ز', 0));
    expect(texts([...first.committed, ...second.committed])).toBe('ه و');
  });

  it('shares a segment span between its words by length', () => {
    const ws = wordsOfSegment(' في الدول  المتقدمة ', 10, 16);
    expect(ws.map((w) => w.text)).toEqual(['في', 'الدول', 'المتقدمة']);
    expect(ws[0]!.start).toBe(10);
    expect(ws[2]!.end).toBeCloseTo(16, 6);
    expect(ws[1]!.end - ws[1]!.start).toBeGreaterThan(ws[0]!.end - ws[0]!.start);
    expect(wordsOfSegment('   ', 0, 1)).toEqual([]);
  });

  it('joins a word that the engine split between two segments', () => {
    const ws = wordsOfSegments([
      { start: 0, end: 4, text: ' من أجل الري إلى نسب' },
      { start: 4, end: 5, text: 'ة معتبرة' },
      { start: 5, end: 6, text: ' إذ أنه' },
    ]);
    expect(ws.map((w) => w.text)).toEqual(['من', 'أجل', 'الري', 'إلى', 'نسبة', 'معتبرة', 'إذ', 'أنه']);
    expect(ws[4]!.end).toBeLessThanOrEqual(5);
  });
});
