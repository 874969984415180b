// Table column widths from the content, measured against the widest of the fonts a reader's Word
// or LibreOffice may put in place of Times New Roman or Amiri.
import type { MinutesBlock } from '../../../shared/minutes/model.ts';
import { CELL_MARGIN, SIZES, TEXT_WIDTH, WIDTH_SLACK } from './page.ts';
import { xmlSafe } from './xml-safe.ts';

/**
 * Column widths of a table, in twips, from its content: each column is at least as wide as its
 * longest unbreakable word (plus the cell margins), so no word is cut in the middle whatever font
 * the reader's Word or LibreOffice puts in place of Times New Roman or Amiri; the width left over
 * is shared as the model's relative widths ask. The signature column keeps its share: it is
 * left empty for handwriting.
 */
export function tableColumnWidths(block: Extract<MinutesBlock, { kind: 'table' }>, direction: 'rtl' | 'ltr'): number[] {
  const size = block.role === 'transcript' ? SIZES.small : SIZES.body;
  const preferred = block.widths.map((w) => (w / 100) * TEXT_WIDTH);
  const min = preferred.map((p, i) => {
    let widest = 0;
    const cells: [string, boolean][] = [[block.header[i] ?? '', true], ...block.rows.map((r): [string, boolean] => [r[i] ?? '', false])];
    for (const [text, bold] of cells) {
      for (const word of xmlSafe(text).split(/\s+/)) widest = Math.max(widest, wordWidthTwips(word, size, direction, bold));
    }
    const need = widest + CELL_MARGIN * 2 + WIDTH_SLACK;
    return i === block.signatureColumn ? Math.max(need, p) : need;
  });
  const minTotal = min.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (minTotal >= TEXT_WIDTH) {
    // Words longer than the page allows: they must break somewhere; keep the columns in proportion.
    widths = min.map((m) => (m / minTotal) * TEXT_WIDTH);
  } else {
    widths = preferred.map((p, i) => Math.max(p, min[i]!));
    const excess = widths.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
    const spare = widths.map((w, i) => w - min[i]!);
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    // Columns widened for their words take the room from the others' spare width, in proportion.
    if (excess > 0) widths = widths.map((w, i) => w - (excess * spare[i]!) / spareTotal);
  }
  const rounded = widths.map((w) => Math.floor(w));
  const widest = rounded.indexOf(Math.max(...rounded));
  rounded[widest]! += TEXT_WIDTH - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

/**
 * Advance widths, in hundredths of an em rounded up, of the characters below in the widest of the
 * fonts Word or LibreOffice put in place of Times New Roman or Amiri: the maximum over Liberation
 * Serif and Sans, DejaVu Serif and Sans, Noto Serif and Sans, Caladea, Carlito and Amiri (measured
 * from the font files; DejaVu is the widest of them for most letters). A letter with an accent
 * takes its base letter's width.
 */
const MEASURED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,:;\'’"()[]-–—/°%&@«»!?+_#*';
// prettier-ignore
const EM_REGULAR = [73, 74, 77, 81, 73, 70, 80, 88, 40, 50, 75, 67, 103, 88, 82, 68, 82, 76, 69, 67, 85, 73, 105, 73, 73, 70, 62, 65, 57, 65, 62, 38, 65, 65, 32, 32, 61, 32, 98, 65, 62, 65, 65, 48, 53, 41, 65, 60, 87, 60, 60, 53, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 32, 32, 34, 34, 28, 34, 46, 46, 46, 40, 40, 37, 56, 100, 49, 50, 96, 90, 102, 62, 62, 41, 56, 84, 56, 84, 56];
// prettier-ignore
const EM_BOLD = [78, 85, 80, 87, 77, 71, 86, 95, 47, 56, 87, 71, 111, 92, 88, 76, 88, 84, 73, 75, 88, 78, 113, 78, 73, 73, 68, 72, 61, 72, 68, 44, 72, 73, 38, 37, 70, 38, 106, 73, 69, 72, 72, 53, 60, 48, 73, 66, 93, 65, 66, 59, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 38, 38, 40, 40, 31, 38, 56, 48, 48, 48, 48, 42, 56, 100, 51, 50, 101, 91, 100, 65, 65, 46, 62, 84, 56, 84, 55];
/**
 * Arabic letters, in hundredths of an em: the widest average over their joined and isolated
 * forms in those fonts and Noto Naskh, Sans and Kufi Arabic (DejaVu Sans: 0.68, bold 0.79),
 * rounded up.
 */
const EM_ARABIC = { regular: 72, bold: 82 };
/** Any other character: a full em. */
const EM_OTHER = 100;

const ARABIC_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;

/**
 * Width of one word, in twips, at least what the substitute fonts need. Arabic letters take the
 * complex-script size, Latin letters the Latin size, and digits and punctuation the size of the
 * paragraph's script (the larger complex-script size in an Arabic document).
 */
export function wordWidthTwips(word: string, size: { sz: number; szCs: number }, direction: 'rtl' | 'ltr', bold = false): number {
  const table = bold ? EM_BOLD : EM_REGULAR;
  let twips = 0;
  for (const c of word) {
    if (ARABIC_MARK.test(c)) continue; // vowel signs sit on the letters
    let em: number;
    let complex = direction === 'rtl';
    if (ARABIC_LETTER.test(c)) {
      em = bold ? EM_ARABIC.bold : EM_ARABIC.regular;
      complex = true;
    } else {
      if (LATIN_LETTER.test(c)) complex = false;
      const i = MEASURED.indexOf(c.normalize('NFD')[0]!);
      em = i >= 0 ? table[i]! : EM_OTHER;
    }
    // Hundredths of an em at a size in half-points, to twips (1/20 pt): em × half-points / 10.
    twips += (em * (complex ? size.szCs : size.sz)) / 10;
  }
  return Math.ceil(twips);
}
