// The DOCX writer's primitives: runs split by direction, paragraphs, headings, table cells and
// tables, the page header and footer. The blocks of the model are laid out with these in
// blocks.ts, the document around them in document.ts.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
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
import type { Align, MinutesBlock, MinutesModel } from '../../../shared/minutes/model.ts';
import { pageLabelParts } from '../../../shared/minutes/model.ts';
import { bidiPieces, firstStrongIsArabic } from '../../../shared/text/bidi.ts';
import { CELL_MARGIN, SIZES, TEXT_WIDTH } from './page.ts';
import type { DocxFonts } from './parts.ts';
import { tableColumnWidths } from './widths.ts';
import { xmlSafe } from './xml-safe.ts';

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

export interface RunStyle {
  bold?: boolean;
  /** Marked in yellow, as Word's highlighter: what the secretary has still to check. */
  highlight?: boolean;
  size?: keyof typeof SIZES;
}

export class Writer {
  readonly rtl: boolean;
  /** Lists written so far: each ordered list is its own numbering instance, so the annexes count from 1 after the agenda. */
  private lists = 0;
  constructor(
    readonly model: MinutesModel,
    readonly fonts: DocxFonts,
  ) {
    this.rtl = model.direction === 'rtl';
  }

  /** A numbering instance of its own for the next list. */
  nextListInstance(): number {
    return this.lists++;
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
          highlight: style.highlight ? 'yellow' : undefined,
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

  /** One paragraph of several pieces, each in its own style, separated by spaces; its direction follows the first. */
  paragraphOf(parts: readonly { text: string; style: RunStyle }[], opts: { align?: Align; extra?: Partial<IParagraphOptions> } = {}): Paragraph {
    const rtl = this.rtl || firstStrongIsArabic(parts[0]?.text ?? '');
    const direction = rtl ? 'rtl' : 'ltr';
    return new Paragraph({
      bidirectional: rtl,
      alignment: alignFor(opts.align ?? 'start', rtl),
      children: parts.flatMap((p, i) => this.runsIn(i === 0 ? p.text : ` ${p.text}`, direction, p.style)),
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
}
