// Word error rate: the Levenshtein distance between the reference and hypothesis word
// sequences (after the Arabic normaliser, by default), divided by the number of reference words.
// Pure TypeScript, no imports outside shared/.

import { normalizedWords } from './arabic-normalize.ts';

export interface WerResult {
  /** (substitutions + deletions + insertions) / refWords; see wordErrorRate for refWords = 0. */
  wer: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  /** Number of words in the (normalised) reference. */
  refWords: number;
  /** Number of words in the (normalised) hypothesis. */
  hypWords: number;
}

/** One step of an alignment: a reference word matched (ok) or substituted (sub) by a hypothesis
 * word, a reference word deleted (del), or a hypothesis word inserted (ins). */
export type AlignStep =
  | { op: 'ok' | 'sub'; ref: number; hyp: number }
  | { op: 'del'; ref: number }
  | { op: 'ins'; hyp: number };

/**
 * A minimum-cost (Levenshtein) alignment of two word sequences, in order. Ties prefer
 * match/substitution, then deletion, then insertion, so every caller (WER, the doubtful-word and
 * live-text benches) counts the same alignment.
 */
export function alignSteps(ref: readonly string[], hyp: readonly string[]): AlignStep[] {
  const n = ref.length;
  const m = hyp.length;
  const w = m + 1;
  // Full cost matrix so the alignment can be traced back; (n+1)(m+1) 32-bit cells.
  const d = new Uint32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    const r = ref[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = d[(i - 1) * w + j - 1]! + (r === hyp[j - 1] ? 0 : 1);
      const del = d[(i - 1) * w + j]! + 1;
      const ins = d[i * w + j - 1]! + 1;
      d[i * w + j] = Math.min(sub, del, ins);
    }
  }
  const steps: AlignStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j]!;
    if (i > 0 && j > 0 && here === d[(i - 1) * w + j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1)) {
      steps.push({ op: ref[i - 1] === hyp[j - 1] ? 'ok' : 'sub', ref: i - 1, hyp: j - 1 });
      i--;
      j--;
    } else if (i > 0 && here === d[(i - 1) * w + j]! + 1) {
      steps.push({ op: 'del', ref: i - 1 });
      i--;
    } else {
      steps.push({ op: 'ins', hyp: j - 1 });
      j--;
    }
  }
  return steps.reverse();
}

/** Counts the edits of a minimum-cost alignment of two word sequences. */
export function alignWords(ref: readonly string[], hyp: readonly string[]): Omit<WerResult, 'wer'> {
  let substitutions = 0;
  let deletions = 0;
  let insertions = 0;
  for (const s of alignSteps(ref, hyp)) {
    if (s.op === 'sub') substitutions++;
    else if (s.op === 'del') deletions++;
    else if (s.op === 'ins') insertions++;
  }
  return { substitutions, deletions, insertions, refWords: ref.length, hypWords: hyp.length };
}

/**
 * Word error rate of `hypothesis` against `reference`. Both are normalised with normalizeArabic
 * unless `normalize` is false (then they are only split on whitespace).
 * With an empty reference the rate is 0 for an empty hypothesis and 1 otherwise (there is no
 * denominator; every hypothesis word is counted as an insertion).
 */
export function wordErrorRate(reference: string, hypothesis: string, normalize = true): WerResult {
  const split = (t: string) => (normalize ? normalizedWords(t) : t.split(/\s+/).filter(Boolean));
  const counts = alignWords(split(reference), split(hypothesis));
  const errors = counts.substitutions + counts.deletions + counts.insertions;
  const wer = counts.refWords === 0 ? (errors === 0 ? 0 : 1) : errors / counts.refWords;
  return { wer, ...counts };
}
