// Per-word confidence from whisper-cli's full JSON output (-ojf), for the review editor's
// "doubtful words": the words the engine was least sure of are underlined so the secretary can
// review the likely errors first. Threshold and word score were chosen by measurement on the
// real read MSA fixtures (bench/confidence.ts, docs/engine.md "Doubtful words").
//
// What whisper-cli 1.9.1 writes with `-ojf -of <base>` (<base>.json; checked on real runs):
//  - transcription[i] = { offsets: {from, to} (ms), text, tokens: [...] }; the segment offsets are
//    the same values the runner reads from stdout (with --vad both are mapped back to the
//    original audio).
//  - tokens[j] = { text, offsets?: {from, to}, id, p, t_dtw }. Special tokens ([_BEG_],
//    [_TT_243], [_SOT_], ...) are listed too; the segment text is the other tokens joined.
//    A token whose text starts with a space starts a new word (byte-level BPE).
//  - Arabic letters are two bytes in UTF-8 and a BPE token may hold only one of them. The writer
//    merges such a token with the following ones until the character is complete, and the merged
//    entry keeps the *first* token's p (the others' p are not written). Strings are written as raw
//    bytes with only `"` and `\` escaped, so a character left incomplete at the end of a segment
//    would be invalid UTF-8: the file is therefore parsed as bytes (latin1) and each word is
//    decoded from its own bytes.
//  - Token offsets are NOT mapped back to the original audio when --vad is on (they stay on the
//    speech-only timeline; whisper.cpp maps only segment times), so word times are given only for
//    runs without voice detection.
//  - The file is written once, after the whole decode. whisper-cli has no signal handler: a run
//    that is cancelled or killed writes no JSON, so its segments get no confidence.

import type { Segment } from '../../shared/domain.ts';
import { DOUBT_THRESHOLD } from '../../shared/transcript/doubtful.ts';

/** One word of a segment as the engine wrote it, with the probabilities of its tokens. */
export interface WordConfidence {
  /** The word as written (punctuation attached), i.e. one item of text.trim().split(/\s+/). */
  text: string;
  /** Word confidence in (0, 1]: the score of its tokens' probabilities (see wordScore). */
  p: number;
  /** The probability of each token that carries bytes of this word, in order. */
  tokenP: number[];
  /** Seconds from the start of the audio; only for runs without voice detection. */
  start?: number;
  end?: number;
}

export interface ConfidenceSegment {
  /** Seconds, as the runner reports them (shift added). */
  start: number;
  end: number;
  text: string;
  words: WordConfidence[];
}

export type WordScore = 'min' | 'geomean' | 'mean' | 'first';

/**
 * How a word's token probabilities become one number. Measured (bench/confidence.ts, ggml-base,
 * app defaults, 100 msa-read-tune clips): min, geometric mean and mean separate wrong from right
 * words equally (ROC AUC 0.740 / 0.745 / 0.743), the first token alone worse (0.659); min is the
 * simplest to explain.
 */
export const WORD_SCORE: WordScore = 'min';

/** Words with p below this are doubtful; defined in shared/ so the editor uses the same value. */
export { DOUBT_THRESHOLD };

export function scoreWord(tokenP: readonly number[], how: WordScore = WORD_SCORE): number {
  if (!tokenP.length) return 1;
  switch (how) {
    case 'min':
      return Math.min(...tokenP);
    case 'mean':
      return tokenP.reduce((a, b) => a + b, 0) / tokenP.length;
    case 'first':
      return tokenP[0]!;
    case 'geomean':
      return Math.exp(tokenP.reduce((a, b) => a + Math.log(Math.max(b, 1e-9)), 0) / tokenP.length);
  }
}

export interface ParseOptions {
  /** Seconds added to every time (the runner's shift when it decoded a cut tail of the file). */
  shiftSec?: number;
  /** Give word start/end from token times: only true for runs without --vad (see above). */
  wordTimes?: boolean;
  score?: WordScore;
}

interface RawToken {
  text?: unknown;
  id?: unknown;
  p?: unknown;
  offsets?: { from?: unknown; to?: unknown };
}
interface RawSegment {
  offsets?: { from?: unknown; to?: unknown };
  text?: unknown;
  tokens?: RawToken[];
}

const SPECIAL = /^\[_[^\]]*\]$/;
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const utf8 = new TextDecoder('utf-8');

/** Escapes raw control characters inside JSON string literals (whisper-cli writes them as is). */
function escapeControls(s: string): string {
  return s.replace(/"(?:[^"\\]|\\.)*"/gs, (lit) =>
    lit.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/**
 * Parses whisper-cli's `-ojf` JSON into segments with per-word confidence.
 * Throws on a file that is not that JSON (the caller decides what a missing confidence means).
 */
export function parseFullJson(raw: Uint8Array | string, opts: ParseOptions = {}): ConfidenceSegment[] {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  // latin1 maps every byte to one code unit, so JSON.parse sees the structure and each string
  // comes back to its exact bytes with Buffer.from(s, 'latin1').
  const doc = JSON.parse(escapeControls(bytes.toString('latin1'))) as { transcription?: RawSegment[] };
  if (!doc || !Array.isArray(doc.transcription)) throw new Error('not a whisper-cli JSON file: no transcription array');
  const shift = opts.shiftSec ?? 0;
  const how = opts.score ?? WORD_SCORE;
  const out: ConfidenceSegment[] = [];
  for (const seg of doc.transcription) {
    const from = Number(seg.offsets?.from);
    const to = Number(seg.offsets?.to);
    if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
    const parts: Buffer[] = [];
    const owner: number[] = []; // token index of each byte
    const tokens = (seg.tokens ?? []).filter((t) => typeof t.text === 'string' && !SPECIAL.test(t.text));
    tokens.forEach((t, k) => {
      const b = Buffer.from(t.text as string, 'latin1');
      parts.push(b);
      for (let i = 0; i < b.length; i++) owner.push(k);
    });
    const all = Buffer.concat(parts);
    const words: WordConfidence[] = [];
    let i = 0;
    while (i < all.length) {
      if (isSpace(all[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < all.length && !isSpace(all[j]!)) j++;
      const first = owner[i]!;
      const last = owner[j - 1]!;
      const tokenP: number[] = [];
      for (let k = first; k <= last; k++) {
        const p = Number(tokens[k]!.p);
        if (Number.isFinite(p)) tokenP.push(Math.min(1, Math.max(0, p)));
      }
      const w: WordConfidence = { text: utf8.decode(all.subarray(i, j)), p: scoreWord(tokenP, how), tokenP };
      if (opts.wordTimes) {
        const a = Number(tokens[first]!.offsets?.from);
        const b = Number(tokens[last]!.offsets?.to);
        if (Number.isFinite(a) && Number.isFinite(b)) {
          w.start = a / 1000 + shift;
          w.end = b / 1000 + shift;
        }
      }
      words.push(w);
      i = j;
    }
    const text = typeof seg.text === 'string' ? utf8.decode(Buffer.from(seg.text, 'latin1')).trim() : words.map((w) => w.text).join(' ');
    out.push({ start: from / 1000 + shift, end: to / 1000 + shift, text, words });
  }
  return out;
}

/** Indexes of the words whose confidence is below `threshold`, in order (the "next doubtful" key walks them). */
export function doubtfulWordIndexes(words: readonly { p: number }[], threshold = DOUBT_THRESHOLD): number[] {
  const out: number[] = [];
  words.forEach((w, i) => {
    if (w.p < threshold) out.push(i);
  });
  return out;
}

/**
 * The words of a segment the runner streamed (`text.trim().split(/\s+/)`), with their confidence
 * taken from the parsed JSON; null when no parsed segment matches.
 *
 * Matching: same start and end (both come from the same engine values, printed to the
 * millisecond) and the streamed words a subsequence of the parsed ones. Subsequence, because the
 * runner's collapseRepeats keeps the first 3 repetitions of a loop and drops the rest; a greedy
 * left-to-right match then picks exactly the kept words.
 */
export function matchSegmentWords(
  segment: { start: number; end: number; text: string },
  parsed: readonly ConfidenceSegment[],
  tolSec = 0.0015,
): WordConfidence[] | null {
  const wanted = segment.text.trim().split(/\s+/).filter(Boolean);
  for (const cand of parsed) {
    if (Math.abs(cand.start - segment.start) > tolSec || Math.abs(cand.end - segment.end) > tolSec) continue;
    const got: WordConfidence[] = [];
    for (const w of cand.words) {
      if (got.length < wanted.length && w.text === wanted[got.length]) got.push(w);
    }
    if (got.length === wanted.length) return got;
  }
  return null;
}

/** The confidence of each word of a streamed segment (see matchSegmentWords); null when unmatched. */
export function wordConfidencesFor(
  segment: { start: number; end: number; text: string },
  parsed: readonly ConfidenceSegment[],
): number[] | null {
  return matchSegmentWords(segment, parsed)?.map((w) => w.p) ?? null;
}

/**
 * The segment with the engine's word confidences, two decimals each, when there is one per word
 * of its text as saved (its text was cut to the length limit, or edited meanwhile: none).
 */
export function withConfidence(s: Segment, ps: readonly number[] | undefined): Segment {
  if (!ps || s.edited || s.text.split(/\s+/).filter(Boolean).length !== ps.length) return s;
  return { ...s, wordConfidence: roundConfidence(ps) };
}

/** Word confidences as stored: two decimals, at least 0.01 (token probabilities are above 0; two decimals would round the smallest to 0). */
export function roundConfidence(ps: readonly number[]): number[] {
  return ps.map((p) => Math.min(1, Math.max(0.01, Math.round(p * 100) / 100)));
}
