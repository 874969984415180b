// The minutes as a DOCX, rendered from the minutes model with the docx package.
//
// Arabic is right to left throughout: every paragraph is bidirectional (w:bidi), every run of
// Arabic or neutral text is marked rtl (w:rtl) and takes the complex-script font and size
// (w:rFonts w:cs, w:szCs, w:bCs), tables run right to left (w:bidiVisual), and Latin names or
// words inside Arabic text get runs of their own without rtl so Word and LibreOffice order them
// as Latin. French and English are left to right, with the same treatment for any Arabic inside.
//
// Alignment: Word reads w:jc left/right in a bidi paragraph as start/end of the line; the docx
// package mirrors LEFT/RIGHT for bidirectional paragraphs, so we ask for the side of the page we
// want (RIGHT for an Arabic paragraph's start) and never write start/end, which Word 2007 refuses.
//
// After packing, docProps/core.xml is rewritten (the package stamps "now" as created/modified and
// has no content status) and word/fontTable.xml describes the fonts so a machine without Amiri
// substitutes an Arabic font of the same kind (charset 178, serif).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Align, MinutesBlock, MinutesModel } from '../../shared/minutes/model.ts';
import { pageLabelParts } from '../../shared/minutes/model.ts';
import { bidiPieces, firstStrongIsArabic } from '../../shared/text/bidi.ts';

// The splitting by direction lives in shared/ so that the on-screen preview isolates the same runs.
export { bidiPieces, firstStrongIsArabic, type BidiPiece } from '../../shared/text/bidi.ts';

export interface DocxFonts {
  /** Font for Arabic (complex script) text. */
  arabic: string;
  /** Font for Latin text. */
  latin: string;
}

/** Amiri is a free Naskh font with matching Latin; Word substitutes from the font table when it is missing. */
export const defaultFonts = (direction: 'rtl' | 'ltr'): DocxFonts =>
  direction === 'rtl' ? { arabic: 'Amiri', latin: 'Amiri' } : { arabic: 'Amiri', latin: 'Times New Roman' };

export interface DocxOptions {
  fonts?: DocxFonts;
}

/** Page geometry: A4, 2 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1134, headerFooter: 567 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Half-points. Arabic is set a little larger than Latin: Naskh faces are small on the body. */
const SIZES = {
  body: { sz: 24, szCs: 28 },
  small: { sz: 20, szCs: 22 },
  heading: { sz: 28, szCs: 32 },
  title: { sz: 32, szCs: 36 },
};

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

/** Left and right margin of a table cell, in twips. */
const CELL_MARGIN = 80;
/** Room for rounding in the renderer's line breaking (2 pt). */
const WIDTH_SLACK = 40;

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

/**
 * Text as XML 1.0 allows it: control characters (an engine or a paste can produce them) and
 * unpaired surrogates would make Word refuse the whole file. Tabs become spaces.
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The side of the page we want; the docx package writes it the way Word reads bidi paragraphs. */
function alignFor(align: Align, rtl: boolean): IParagraphOptions['alignment'] {
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'justify':
      return AlignmentType.BOTH;
    case 'end':
      return rtl ? AlignmentType.LEFT : AlignmentType.RIGHT;
    case 'start':
      return rtl ? AlignmentType.RIGHT : AlignmentType.LEFT;
  }
}

interface RunStyle {
  bold?: boolean;
  size?: keyof typeof SIZES;
}

class Writer {
  readonly rtl: boolean;
  /** Lists written so far: each ordered list is its own numbering instance, so the annexes count from 1 after the agenda. */
  private lists = 0;
  constructor(
    readonly model: MinutesModel,
    readonly fonts: DocxFonts,
  ) {
    this.rtl = model.direction === 'rtl';
  }

  runs(text: string, style: RunStyle = {}): TextRun[] {
    return this.runsIn(text, this.model.direction, style);
  }

  runsIn(text: string, direction: 'rtl' | 'ltr', style: RunStyle = {}): TextRun[] {
    const size = SIZES[style.size ?? 'body'];
    const out: TextRun[] = [];
    const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, i) => {
      const pieces = bidiPieces(line, direction);
      if (pieces.length === 0) pieces.push({ text: '', rtl: direction === 'rtl' });
      pieces.forEach((p, j) => {
        // Word reads w:rtl; LibreOffice and the bidi algorithm do not, and would set the full stop
        // closing an Arabic clause of a Latin paragraph at the clause's right (its start): a
        // right-to-left mark after it keeps it at the clause's end in every reader.
        const closing = direction === 'ltr' && p.rtl && /[.!?\u2026]$/.test(p.text);
        const opts: IRunOptions = {
          text: closing ? `${p.text}\u200F` : p.text,
          bold: style.bold,
          boldComplexScript: style.bold,
          size: size.sz,
          sizeComplexScript: size.szCs,
          rightToLeft: p.rtl,
          break: i > 0 && j === 0 ? 1 : undefined,
        };
        out.push(new TextRun(opts));
      });
    });
    return out;
  }

  alignment(align: Align): IParagraphOptions['alignment'] {
    return alignFor(align, this.rtl);
  }

  /**
   * A paragraph in the document's direction; in a French or English document, a paragraph that
   * begins with Arabic (a name, an Arabic intervention) runs right to left like dir="auto" in HTML.
   */
  paragraph(text: string, opts: { align?: Align; style?: RunStyle; extra?: Partial<IParagraphOptions> } = {}): Paragraph {
    const rtl = this.rtl || firstStrongIsArabic(text);
    return new Paragraph({
      bidirectional: rtl,
      alignment: alignFor(opts.align ?? 'start', rtl),
      children: rtl === this.rtl ? this.runs(text, opts.style) : this.runsIn(text, 'rtl', opts.style),
      ...opts.extra,
    });
  }

  heading(text: string, pageBreakBefore: boolean): Paragraph {
    return new Paragraph({
      heading: HeadingLevel.HEADING_1,
      bidirectional: this.rtl,
      alignment: this.alignment('start'),
      keepNext: true,
      pageBreakBefore,
      children: this.runs(text, { bold: true, size: 'heading' }),
    });
  }

  cell(text: string, opts: { widthTwips: number; header?: boolean; align?: Align; small?: boolean }): TableCell {
    return new TableCell({
      width: { size: opts.widthTwips, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      shading: opts.header ? { fill: 'E7E6E6', type: 'clear', color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
      // One paragraph per line, each taking its own direction: in French minutes the vote and the
      // voters' names under a decision written in Arabic run left to right, as written.
      children: xmlSafe(text)
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) =>
          this.paragraph(line, {
            align: opts.header ? 'center' : (opts.align ?? 'start'),
            style: { bold: opts.header, size: opts.small ? 'small' : 'body' },
            extra: { spacing: { before: 0, after: 0 } },
          }),
        ),
    });
  }

  table(block: Extract<MinutesBlock, { kind: 'table' }>): Table {
    const widths = tableColumnWidths(block, this.model.direction);
    const small = block.role === 'transcript';
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const rows = [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.header.map((h, i) => this.cell(h, { widthTwips: widths[i]!, header: true, small })),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: block.role !== 'transcript',
            height: block.signatureColumn !== null ? { value: 620, rule: 'atLeast' } : undefined,
            children: row.map((text, i) =>
              this.cell(text, { widthTwips: widths[i]!, small, align: block.centered.includes(i) ? 'center' : 'start' }),
            ),
          }),
      ),
    ];
    return new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      visuallyRightToLeft: this.rtl,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    });
  }

  /** A table with no borders, for laying out the letterhead and the signatures side by side. */
  layoutTable(cells: Paragraph[][], widths: number[], rtl = this.rtl): Table {
    const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
    return new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      visuallyRightToLeft: rtl,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [
        new TableRow({
          cantSplit: true,
          children: cells.map((children, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, children })),
        }),
      ],
    });
  }

  block(block: MinutesBlock): (Paragraph | Table)[] {
    const tight = { spacing: { before: 0, after: 0 } };
    switch (block.kind) {
      case 'letterhead': {
        const start = block.lines.map((l, i) =>
          this.paragraph(l, { align: 'center', style: { bold: i === 0 || i === 1 }, extra: tight }),
        );
        const end: Paragraph[] = [];
        if (block.logo) {
          end.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              bidirectional: this.rtl,
              children: [
                new ImageRun({
                  type: block.logo.mime === 'image/png' ? 'png' : 'jpg',
                  data: Buffer.from(block.logo.base64, 'base64'),
                  transformation: {
                    width: Math.round((block.logo.widthPt * 96) / 72),
                    height: Math.round((block.logo.heightPt * 96) / 72),
                  },
                  altText: { name: 'logo', title: 'logo', description: block.lines[0] ?? 'logo' },
                }),
              ],
            }),
          );
        }
        if (block.reference) end.push(this.paragraph(block.reference, { align: 'end', extra: tight }));
        if (block.date) end.push(this.paragraph(block.date, { align: 'end', extra: tight }));
        const w = Math.round(TEXT_WIDTH * 0.45);
        // An Arabic letterhead is printed at the top right whatever the language of the minutes,
        // where the administration prints it on its Arabic minutes: the table runs right to left.
        const arabicLines = block.lines.length > 0 && firstStrongIsArabic(block.lines[0]!);
        return [
          this.layoutTable(
            [start.length ? start : [this.paragraph('')], [this.paragraph('')], end.length ? end : [this.paragraph('')]],
            [w, TEXT_WIDTH - 2 * w, w],
            this.rtl || arabicLines,
          ),
          this.paragraph('', { extra: tight }),
        ];
      }
      case 'title': {
        const out = [
          this.paragraph(block.text, {
            align: 'center',
            style: { bold: true, size: 'title' },
            extra: { spacing: { before: 240, after: block.subtitle ? 60 : 240 }, keepNext: true },
          }),
        ];
        if (block.subtitle)
          out.push(this.paragraph(block.subtitle, { align: 'center', style: { bold: true, size: 'heading' }, extra: { spacing: { after: 240 } } }));
        return out;
      }
      case 'paragraph':
        return [
          this.paragraph(block.text, {
            align: block.align,
            style: { bold: block.bold, size: block.size === 'small' ? 'small' : 'body' },
            extra: block.keepWithNext ? { keepNext: true, keepLines: true } : {},
          }),
        ];
      case 'agendaPoint':
        // A second-level heading, so Word's navigation pane lists the points under the proceedings.
        return [
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            bidirectional: this.rtl,
            alignment: this.alignment('start'),
            keepNext: true,
            children: this.runs(block.heading, { bold: true }),
          }),
        ];
      case 'intervention':
        return [
          this.paragraph(block.heading, { style: { bold: true }, extra: { keepNext: true, spacing: { before: 160, after: 60 } } }),
          ...block.paragraphs.map((p) => this.paragraph(p, { align: 'justify' })),
        ];
      case 'table':
        return [this.table(block), this.paragraph('', { extra: tight })];
      case 'list': {
        const instance = this.lists++;
        return block.items.map(
          (item) =>
            new Paragraph({
              bidirectional: this.rtl,
              alignment: this.alignment('start'),
              numbering: { reference: block.ordered ? 'minutes-ordered' : 'minutes-bullet', level: 0, instance },
              children: this.runs(item),
            }),
        );
      }
      case 'signatures': {
        const w = Math.floor(TEXT_WIDTH / Math.max(1, block.blocks.length));
        return [
          this.layoutTable(
            block.blocks.map((b) => [
              this.paragraph(b.role, { align: 'center', style: { bold: true }, extra: tight }),
              this.paragraph(b.name, { align: 'center', extra: tight }),
              ...(b.title ? [this.paragraph(b.title, { align: 'center', style: { size: 'small' }, extra: tight })] : []),
              // Room for the handwritten signature, then the stamp's place under it.
              this.paragraph('', { extra: { spacing: { before: 1200, after: 0 } } }),
              ...(b.stamp
                ? [
                    this.paragraph(b.stamp, { align: 'center', style: { size: 'small' }, extra: tight }),
                    this.paragraph('', { extra: { spacing: { before: 900, after: 0 } } }),
                  ]
                : []),
            ]),
            block.blocks.map(() => w),
          ),
        ];
      }
    }
  }

  /** The draft mark, on every page until approval: a printed draft must not pass for the signed minutes. */
  header(mark: string): Header {
    return new Header({
      children: [
        new Paragraph({
          bidirectional: this.rtl,
          alignment: AlignmentType.CENTER,
          children: this.runs(mark, { bold: true, size: 'heading' }),
        }),
      ],
    });
  }

  footer(): Footer {
    const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = pageLabelParts(this.model.pageLabel).map((p) =>
      typeof p === 'string' ? p : p.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
    );
    return new Footer({
      children: [
        new Paragraph({
          bidirectional: this.rtl,
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children,
              rightToLeft: this.rtl,
              size: SIZES.small.sz,
              sizeComplexScript: SIZES.small.szCs,
            }),
          ],
        }),
      ],
    });
  }

  document(): Document {
    const { model, fonts } = this;
    const children: (Paragraph | Table)[] = [];
    for (const section of model.sections) {
      if (section.title) children.push(this.heading(section.title, section.pageBreakBefore));
      else if (section.pageBreakBefore) children.push(new Paragraph({ pageBreakBefore: true, bidirectional: this.rtl }));
      for (const b of section.blocks) children.push(...this.block(b));
    }
    const font = { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.latin, cs: fonts.arabic };
    const language = { value: this.rtl ? 'fr-FR' : model.properties.languageTag, bidirectional: 'ar-MA' };
    const level0 = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
      level: 0,
      format,
      text,
      // In a bidi paragraph Word and LibreOffice read lvlJc and w:ind left as the start side, so
      // the same values put the number on the right in Arabic and on the left in French.
      alignment: AlignmentType.LEFT,
      style: {
        paragraph: { indent: { left: 567, hanging: 397 } },
        run: { font, rightToLeft: this.rtl },
      },
    });
    const p = Object.fromEntries(
      Object.entries(model.properties).map(([k, v]) => [k, typeof v === 'string' ? xmlSafe(v) : v]),
    ) as typeof model.properties;
    return new Document({
      title: p.title,
      subject: p.subject,
      creator: p.author || 'Mahdar',
      lastModifiedBy: p.author || 'Mahdar',
      keywords: p.keywords.join(', '),
      description: p.description,
      revision: p.revision,
      customProperties: [
        { name: 'MahdarMeetingId', value: p.meetingId },
        { name: 'MahdarRevision', value: String(p.revision) },
        { name: 'MahdarStatus', value: p.status },
        { name: 'MahdarLanguage', value: model.language },
      ],
      styles: {
        default: {
          document: {
            run: { font, size: SIZES.body.sz, sizeComplexScript: SIZES.body.szCs, language },
            paragraph: { spacing: { after: 120, line: 312 } },
          },
          heading1: {
            run: { font, bold: true, boldComplexScript: true, size: SIZES.heading.sz, sizeComplexScript: SIZES.heading.szCs, color: '000000' },
            paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
          },
          heading2: {
            run: { font, bold: true, boldComplexScript: true, size: SIZES.body.sz, sizeComplexScript: SIZES.body.szCs, color: '000000', underline: {} },
            paragraph: { spacing: { before: 240, after: 60 }, keepNext: true },
          },
        },
      },
      numbering: {
        config: [
          { reference: 'minutes-ordered', levels: [level0(LevelFormat.DECIMAL, '%1.')] },
          { reference: 'minutes-bullet', levels: [level0(LevelFormat.BULLET, '•')] },
        ],
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: PAGE.width, height: PAGE.height },
              margin: {
                top: PAGE.margin,
                bottom: PAGE.margin,
                left: PAGE.margin,
                right: PAGE.margin,
                header: PAGE.headerFooter,
                footer: PAGE.headerFooter,
              },
            },
          },
          footers: { default: this.footer() },
          ...(model.draftMark ? { headers: { default: this.header(model.draftMark) } } : {}),
          children,
        },
      ],
    });
  }
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** W3CDTF without milliseconds; an unparsable stamp falls back to the epoch rather than lying with "now". */
function w3cdtf(iso: string): string {
  const t = Date.parse(iso);
  return new Date(Number.isFinite(t) ? t : 0).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function corePropertiesXml(model: MinutesModel): string {
  const p = model.properties;
  const el = (name: string, value: string) => (value ? `<${name}>${xmlEscape(xmlSafe(value))}</${name}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', p.author) +
    el('cp:keywords', p.keywords.join(', ')) +
    el('dc:description', p.description) +
    el('dc:identifier', p.meetingId) +
    el('dc:language', p.languageTag) +
    el('cp:lastModifiedBy', p.author) +
    el('cp:revision', String(p.revision)) +
    el('cp:contentStatus', p.statusLabel) +
    el('cp:category', 'Mahdar') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(p.created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(p.modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** The font table: how to substitute each font where it is not installed. */
export function fontTableXml(fonts: DocxFonts): string {
  const known: Record<string, { charset: string; family: string; panose: string; alt?: string }> = {
    Amiri: { charset: 'B2', family: 'roman', panose: '00000500000000000000', alt: 'Traditional Arabic' },
    'Noto Naskh Arabic': { charset: 'B2', family: 'roman', panose: '020B0502040504020204', alt: 'Traditional Arabic' },
    'Traditional Arabic': { charset: 'B2', family: 'roman', panose: '02020603050405020304' },
    'Times New Roman': { charset: '00', family: 'roman', panose: '02020603050405020304' },
    Arial: { charset: '00', family: 'swiss', panose: '020B0604020202020204' },
  };
  const names = [...new Set([fonts.arabic, fonts.latin, 'Noto Naskh Arabic', 'Traditional Arabic', 'Times New Roman', 'Arial'])];
  const body = names
    .map((name) => {
      const f = known[name] ?? { charset: '00', family: 'auto', panose: '00000000000000000000' };
      return (
        `<w:font w:name="${xmlEscape(name)}">` +
        (f.alt ? `<w:altName w:val="${xmlEscape(f.alt)}"/>` : '') +
        `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/>` +
        '</w:font>'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    body +
    '</w:fonts>'
  );
}

/** Zip entries get this fixed date so the same minutes give the same bytes. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/** Renders the minutes model to DOCX bytes. */
export async function renderDocx(model: MinutesModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const fonts = options.fonts ?? defaultFonts(model.direction);
  const packed = await Packer.toBuffer(new Writer(model, fonts).document());
  const files = unzipSync(new Uint8Array(packed));
  files['docProps/core.xml'] = strToU8(corePropertiesXml(model));
  files['word/fontTable.xml'] = strToU8(fontTableXml(fonts));
  // [Content_Types].xml must come first in the archive for some readers; keep the packer's order otherwise.
  const ordered: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) ordered[name] = [files[name]!, { mtime: ZIP_DATE }];
  return zipSync(ordered, { level: 6 });
}

/** For tests and tools: the XML of one part of a DOCX. */
export function docxPart(docx: Uint8Array, part: string): string | null {
  const files = unzipSync(docx, { filter: (f) => f.name === part });
  const data = files[part];
  return data ? strFromU8(data) : null;
}
