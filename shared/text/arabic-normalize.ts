// Arabic text normaliser for *scoring* speech recognition (word error rate), not for display.
//
// Written Arabic lets the same word be spelt several ways (with or without short vowels, with
// or without the hamza seat, ة or ه at the end...). Whisper and human references pick those
// spellings independently, so without normalisation a correct transcript would be counted as
// wrong. The rules below erase only orthographic variation; they never touch word order or
// letters that distinguish words in ordinary spelling. Both sides (reference and hypothesis)
// must go through the same function.
//
// Rules, in order:
//  1. Unicode NFKC: Arabic presentation forms (ﻻ, ﺑ, ...) become the base letters; composed
//     and decomposed hamza/madda forms become one form.
//  2. Invisible marks removed: tatweel (ـ U+0640), zero-width (non-)joiners, LRM/RLM/ALM,
//     bidi embeddings and isolates, BOM.
//  3. Diacritics removed: tanwin (ً ٌ ٍ), harakat (َ ُ ِ), shadda (ّ), sukun (ْ), combining
//     maddah/hamza (U+0653-U+0655) and the rest of U+064B-U+065F, superscript alef (ٰ U+0670),
//     the honorific/Quranic marks U+0610-U+061A and U+06D6-U+06ED.
//  4. Letter forms unified:
//       أ إ آ ٱ ٲ ٳ → ا      (alef with hamza/madda/wasla)
//       ؤ → و, ئ → ي          (hamza on a seat → the seat)
//       ء → removed          (hamza on the line: its spelling is the least consistent part of
//                              written Arabic — شيء/شئ, جزء/جزئ, إجراءات/اجراات — so a word is
//                              scored on its other letters; the rare pair it merges, e.g. ماء/ما,
//                              costs less than the spurious errors it avoids)
//       ة → ه                (ta marbuta)
//       ى → ي                (alef maqsura)
//       ی ې ۍ → ي, ک → ك, ە → ه   (Persian/Urdu letter forms Whisper sometimes emits)
//  5. Digits: Arabic-Indic (٠-٩) and Persian (۰-۹) digits → ASCII 0-9. Between two digits the
//     decimal separators (٫ .) become '.' and the group separators (٬ , and spaces inside a
//     number are left alone) are dropped, so ٣٫٥ = 3.5 and ١٬٠٠٠ = 1000.
//  6. Punctuation and symbols (Unicode P* and S*: ، ؛ ؟ « » . , ! ? % ...) become spaces.
//  7. Latin letters lower-cased.
//  8. Whitespace collapsed to single spaces, trimmed.
//
// Pure TypeScript, no imports: runs in main, renderer, tests and any JS runtime.

const INVISIBLE = /[\u0640\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const DIACRITICS = /[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED]/g;
const LETTER_MAP: Record<string, string> = {
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0622': '\u0627', // آ
  '\u0671': '\u0627', // ٱ
  '\u0672': '\u0627', // ٲ
  '\u0673': '\u0627', // ٳ
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u0621': '', // ء removed
  '\u0629': '\u0647', // ة → ه
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // ی (Farsi yeh) → ي
  '\u06D0': '\u064A', // ې → ي
  '\u06CD': '\u064A', // ۍ → ي
  '\u06A9': '\u0643', // ک (keheh) → ك
  '\u06D5': '\u0647', // ە (ae) → ه
};
const LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');
const INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const DECIMAL_SEP = /(\d)[.\u066B](?=\d)/g;
const GROUP_SEP = /(\d)[,\u066C](?=\d{3}(?!\d))/g;
const PUNCT_SYMBOLS = /[\p{P}\p{S}]/gu;

/** Normalises Arabic (and mixed Latin) text for word-error-rate scoring. See the rules above. */
export function normalizeArabic(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(INVISIBLE, '');
  s = s.replace(DIACRITICS, '');
  s = s.replace(LETTERS, (c) => LETTER_MAP[c] ?? c);
  s = s.replace(INDIC_DIGITS, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
  s = s.replace(GROUP_SEP, '$1');
  // Protect decimal points from the punctuation pass with a private-use marker.
  s = s.replace(DECIMAL_SEP, '$1\uE000');
  s = s.replace(PUNCT_SYMBOLS, ' ');
  s = s.replace(/\uE000/g, '.');
  s = s.toLowerCase();
  return s.replace(/\s+/g, ' ').trim();
}

/** The words of a text after normalisation (empty array for empty text). */
export function normalizedWords(text: string): string[] {
  const s = normalizeArabic(text);
  return s ? s.split(' ') : [];
}
