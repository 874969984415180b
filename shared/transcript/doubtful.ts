// Doubtful words: the words of a segment the engine was least sure of, which the review editor
// underlines and walks through with a key (docs/engine.md, "Doubtful words"). Here, not in
// main/asr/, because the renderer needs the same threshold and cannot import main/.
import type { Segment } from '../domain.ts';

/**
 * Words with a confidence below this are doubtful. Chosen where recall minus the share of correct
 * words flagged peaks on the tune set: 71% of wrong words flagged, 54% of all words flagged
 * (ggml-base, whose WER there is 0.61; docs/engine.md, "Doubtful words").
 */
export const DOUBT_THRESHOLD = 0.5;

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
