// Find and replace in transcript text, optionally Arabic-aware: diacritics, tatweel and the
// alef/hamza-seat forms are ignored, so that "اجتماع" finds "إجْتِمَـاع". Matches are reported as
// ranges of the ORIGINAL text, so a replacement leaves everything outside them exactly as it was.
//
// Each character is folded on its own with normalizeArabic (the WER normaliser), with three
// differences that matter when the result is written back rather than scored:
//  - whitespace folds to a space and punctuation stays itself: "ما." must not match "ما ا";
//  - hamza on the line (ء) is kept: normalizeArabic drops it, which would let "ماء" replace
//    every "ما";
//  - a match absorbs the marks that fold to nothing right after it (a final vowel, a tatweel),
//    so replacing "كتب" in "كتبَ" does not leave the fatha stranded on the replacement.
import { normalizeArabic } from './arabic-normalize.ts';

export interface FindOptions {
  /** Ignore diacritics, tatweel, alef/hamza forms, ta marbuta/ha, alef maqsura/ya, Latin case. */
  arabicAware: boolean;
  /** Only matches not preceded or followed by a letter or digit. */
  wholeWord: boolean;
}

export interface TextRange {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PUNCT = /[\p{P}\p{S}]/u;

function foldChar(ch: string): string {
  if (/\s/u.test(ch)) return ' ';
  if (ch === '\u0621') return ch;
  if (PUNCT.test(ch)) return ch;
  return normalizeArabic(ch);
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of `text`, the index in the original of the character it came from. */
  from: number[];
}

function fold(text: string): Folded {
  let out = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    out += f;
    for (let k = 0; k < f.length; k++) from.push(i);
    i += ch.length;
  }
  return { text: out, from };
}

/** The folded form of a query, as matched in arabicAware mode (empty: nothing to look for). */
export function foldQuery(query: string): string {
  return fold(query).text;
}

/** Non-overlapping matches of `query` in `text`, left to right, as ranges of `text`. */
export function findMatches(text: string, query: string, opts: FindOptions): TextRange[] {
  const ranges: TextRange[] = [];
  if (!opts.arabicAware) {
    if (!query) return ranges;
    for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at)) {
      const end = at + query.length;
      if (!opts.wholeWord || isWordBounded(text, at, end)) {
        ranges.push({ start: at, end });
        at = end;
      } else {
        at += 1;
      }
    }
    return ranges;
  }
  const q = foldQuery(query);
  if (!q) return ranges;
  const f = fold(text);
  for (let at = f.text.indexOf(q); at !== -1; at = f.text.indexOf(q, at)) {
    const fend = at + q.length;
    if (opts.wholeWord && !isWordBounded(f.text, at, fend)) {
      at += 1;
      continue;
    }
    const start = f.from[at]!;
    // The original range ends where the next folded character begins: this takes in the marks
    // after the last letter that folded to nothing.
    const end = fend < f.text.length ? f.from[fend]! : text.length;
    ranges.push({ start, end });
    at = fend;
  }
  return ranges;
}

/** The text with every match replaced literally by `replacement`, and how many there were. */
export function replaceMatches(text: string, query: string, replacement: string, opts: FindOptions): { text: string; count: number } {
  const ranges = findMatches(text, query, opts);
  if (ranges.length === 0) return { text, count: 0 };
  let out = '';
  let last = 0;
  for (const r of ranges) {
    out += text.slice(last, r.start) + replacement;
    last = r.end;
  }
  return { text: out + text.slice(last), count: ranges.length };
}

function isWordBounded(s: string, start: number, end: number): boolean {
  const before = start > 0 ? s[start - 1]! : '';
  const after = end < s.length ? s[end]! : '';
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
}
