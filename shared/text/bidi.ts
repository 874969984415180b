// Splitting mixed Arabic and Latin text into runs of one direction. The DOCX writer
// (main/export/docx.ts) gives each run its own w:rtl, and the on-screen preview
// (renderer/features/minutes/runs.tsx) isolates each one (<bdi dir>): one function for
// both, so the preview sets punctuation where the printed minutes do. Pure: no DOM, no Node.

const ARABIC_CHAR = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
const LATIN_CHAR = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';
/** A Latin word: letters and digits, with inner punctuation only when a letter or digit follows (watiqa.ma, l’État). */
const LATIN_WORD = `[${LATIN_CHAR}](?:[${LATIN_CHAR}0-9]|[.'’\\-@_/&](?=[${LATIN_CHAR}0-9]))*`;
const LATIN_SPAN = new RegExp(`${LATIN_WORD}(?:[ \\u00A0]+${LATIN_WORD})*`, 'g');
/**
 * An Arabic clause inside Latin text: from its first Arabic letter to its last one before a Latin
 * letter or a bidi mark, with the spaces, digits and punctuation between (they belong to the
 * Arabic sentence, so a full stop between two Arabic sentences stays between them), then a
 * sentence-final full stop, question or exclamation mark written right after its last word, which
 * closes the Arabic sentence and so sits at its left end. A left-to-right mark or an isolate
 * (U+200E, U+2066–U+2069) ends it: a name and its title set apart by marks (isolateRtl in
 * shared/minutes/wording.ts) are two clauses, the comma between them left to right.
 */
const ARABIC_SPAN = new RegExp(`[${ARABIC_CHAR}](?:[^${LATIN_CHAR}\\n\u200E\u2066-\u2069]*[${ARABIC_CHAR}])?(?:[.!?\u2026]+(?=\\s|$))?`, 'g');

export interface BidiPiece {
  text: string;
  rtl: boolean;
}

/**
 * Splits one line of text into runs by direction. In an Arabic paragraph everything is rtl except
 * spans of Latin words (names, French phrases, web addresses); in a Latin paragraph everything is
 * ltr except spans of Arabic words. Digits and punctuation stay with the paragraph's direction.
 */
export function bidiPieces(text: string, direction: 'rtl' | 'ltr'): BidiPiece[] {
  const foreign = direction === 'rtl' ? LATIN_SPAN : ARABIC_SPAN;
  const base = direction === 'rtl';
  const pieces: BidiPiece[] = [];
  let at = 0;
  // The expressions are shared (/g keeps its position): start from the beginning each call.
  foreign.lastIndex = 0;
  for (let m = foreign.exec(text); m; m = foreign.exec(text)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), rtl: base });
    pieces.push({ text: m[0], rtl: !base });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), rtl: base });
  return pieces;
}

const FIRST_STRONG = new RegExp(`[${ARABIC_CHAR}${LATIN_CHAR}]`);
const LATIN_LETTER = new RegExp(`[${LATIN_CHAR}]`);

/** True when the first letter of the text is Arabic (the rule of dir="auto"). */
export function firstStrongIsArabic(text: string): boolean {
  const m = FIRST_STRONG.exec(text);
  return m !== null && !LATIN_LETTER.test(m[0]);
}

/**
 * The direction a paragraph of a document runs in, as the DOCX writer sets it: an Arabic document
 * is right to left throughout; in a French or English one, a paragraph that begins with Arabic
 * runs right to left.
 */
export function paragraphDirection(text: string, documentDirection: 'rtl' | 'ltr'): 'rtl' | 'ltr' {
  return documentDirection === 'rtl' || firstStrongIsArabic(text) ? 'rtl' : 'ltr';
}
