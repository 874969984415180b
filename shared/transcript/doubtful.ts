// Doubtful words: the words of a segment the engine was least sure of, which the review editor
// underlines and walks through with a key (docs/engine.md, "Doubtful words"). Here, not in
// main/asr/, because the renderer needs the same threshold and cannot import main/.
import type { Segment } from '../domain.ts';

/**
 * Words with a confidence below this are doubtful. Chosen so that about a fifth of the words are
 * flagged: at 0.5 (where recall minus correct words flagged peaks) ggml-base flagged 54% of the
 * words and F8 stepped nearly row by row. Measured with bench/confidence.ts (ggml-base, app
 * defaults): flag rate 12% at 0.2 and 28% at 0.3 on 100 msa-read-tune clips; at 0.25, 21% on
 * the first 12 msa-read-tune clips and 26% on the first 12 msa-read clips, four flagged words in
 * five wrong (docs/engine.md, "Doubtful words").
 */
export const DOUBT_THRESHOLD = 0.25;

/**
 * Indexes (among `text.trim().split(/\s+/)`) of the segment's doubtful words. None when the
 * confidences are unknown, when the secretary changed the text (`edited`), or when they no
 * longer give one value per word.
 */
export function doubtfulIndexes(seg: Pick<Segment, 'text' | 'edited' | 'wordConfidence'>, threshold = DOUBT_THRESHOLD): number[] {
  const ps = seg.wordConfidence;
  if (!ps || seg.edited) return [];
  const words = seg.text.trim().split(/\s+/).filter(Boolean);
  if (words.length !== ps.length) return [];
  const out: number[] = [];
  ps.forEach((p, i) => {
    if (p < threshold) out.push(i);
  });
  return out;
}

/** Character ranges [start, end) of the segment's doubtful words in its text. */
export function doubtfulRanges(seg: Pick<Segment, 'text' | 'edited' | 'wordConfidence'>, threshold = DOUBT_THRESHOLD): { start: number; end: number }[] {
  const doubtful = new Set(doubtfulIndexes(seg, threshold));
  if (!doubtful.size) return [];
  const out: { start: number; end: number }[] = [];
  let k = 0;
  for (const m of seg.text.matchAll(/\S+/g)) {
    if (doubtful.has(k)) out.push({ start: m.index, end: m.index + m[0].length });
    k++;
  }
  return out;
}

/** The doubtful words still to review in `segments`, and the positions of the segments that have some. */
export function countDoubtful(segments: readonly Pick<Segment, 'text' | 'edited' | 'wordConfidence'>[]): {
  /** Doubtful words left (a segment the secretary changed has none). */
  words: number;
  /** Indexes into `segments` of those with a doubtful word, in order. */
  rows: number[];
  /** Some segment has the engine's word confidences (else there is nothing to count). */
  known: boolean;
} {
  let words = 0;
  let known = false;
  const rows: number[] = [];
  segments.forEach((s, i) => {
    if (s.wordConfidence) known = true;
    const n = doubtfulIndexes(s).length;
    if (n) {
      words += n;
      rows.push(i);
    }
  });
  return { words, rows, known };
}
