// Each block of the minutes model laid out as DOCX paragraphs and tables, one function per kind.
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, type Table } from 'docx';
import type { MinutesBlock } from '../../../shared/minutes/model.ts';
import { firstStrongIsArabic } from '../../../shared/text/bidi.ts';
import { TEXT_WIDTH } from './page.ts';
import type { Writer } from './writer.ts';

type Block<K extends MinutesBlock['kind']> = Extract<MinutesBlock, { kind: K }>;

const tight = { spacing: { before: 0, after: 0 } };

function logoParagraph(w: Writer, block: Block<'letterhead'>, logo: NonNullable<Block<'letterhead'>['logo']>): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    bidirectional: w.rtl,
    children: [
      new ImageRun({
        type: logo.mime === 'image/png' ? 'png' : 'jpg',
        data: Buffer.from(logo.base64, 'base64'),
        transformation: {
          width: Math.round((logo.widthPt * 96) / 72),
          height: Math.round((logo.heightPt * 96) / 72),
        },
        altText: { name: 'logo', title: 'logo', description: block.lines[0] ?? 'logo' },
      }),
    ],
  });
}

/** The institution's lines on the start side, the logo, reference and date on the end side. */
function letterhead(w: Writer, block: Block<'letterhead'>): (Paragraph | Table)[] {
  const start = block.lines.map((l, i) => w.paragraph(l, { align: 'center', style: { bold: i === 0 || i === 1 }, extra: tight }));
  const end: Paragraph[] = [];
  if (block.logo) end.push(logoParagraph(w, block, block.logo));
  if (block.reference) end.push(w.paragraph(block.reference, { align: 'end', extra: tight }));
  if (block.date) end.push(w.paragraph(block.date, { align: 'end', extra: tight }));
  const width = Math.round(TEXT_WIDTH * 0.45);
  // An Arabic letterhead is printed at the top right whatever the language of the minutes,
  // where the administration prints it on its Arabic minutes: the table runs right to left.
  const arabicLines = block.lines.length > 0 && firstStrongIsArabic(block.lines[0]!);
  return [
    w.layoutTable(
      [start.length ? start : [w.paragraph('')], [w.paragraph('')], end.length ? end : [w.paragraph('')]],
      [width, TEXT_WIDTH - 2 * width, width],
      w.rtl || arabicLines,
    ),
    w.paragraph('', { extra: tight }),
  ];
}

function title(w: Writer, block: Block<'title'>): Paragraph[] {
  const out = [
    w.paragraph(block.text, {
      align: 'center',
      style: { bold: true, size: 'title' },
      extra: { spacing: { before: 240, after: block.subtitle ? 60 : 240 }, keepNext: true },
    }),
  ];
  if (block.subtitle) out.push(w.paragraph(block.subtitle, { align: 'center', style: { bold: true, size: 'heading' }, extra: { spacing: { after: 240 } } }));
  return out;
}

function list(w: Writer, block: Block<'list'>): Paragraph[] {
  const instance = w.nextListInstance();
  return block.items.map(
    (item) =>
      new Paragraph({
        bidirectional: w.rtl,
        alignment: w.alignment('start'),
        numbering: { reference: block.ordered ? 'minutes-ordered' : 'minutes-bullet', level: 0, instance },
        children: w.runs(item),
      }),
  );
}

/** The signers side by side: role, name, title, room for the signature, then the stamp's place. */
function signatures(w: Writer, block: Block<'signatures'>): Table[] {
  const width = Math.floor(TEXT_WIDTH / Math.max(1, block.blocks.length));
  return [
    w.layoutTable(
      block.blocks.map((b) => [
        w.paragraph(b.role, { align: 'center', style: { bold: true }, extra: tight }),
        w.paragraph(b.name, { align: 'center', extra: tight }),
        ...(b.title ? [w.paragraph(b.title, { align: 'center', style: { size: 'small' }, extra: tight })] : []),
        // Room for the handwritten signature, then the stamp's place under it.
        w.paragraph('', { extra: { spacing: { before: 1200, after: 0 } } }),
        ...(b.stamp
          ? [
              w.paragraph(b.stamp, { align: 'center', style: { size: 'small' }, extra: tight }),
              w.paragraph('', { extra: { spacing: { before: 900, after: 0 } } }),
            ]
          : []),
      ]),
      block.blocks.map(() => width),
    ),
  ];
}

/** The lead in bold, the text, then the flag of a summary not checked, highlighted so no reader misses it. */
function summary(w: Writer, block: Block<'summary'>): Paragraph {
  const parts = [
    ...(block.lead ? [{ text: block.lead, style: { bold: true } }] : []),
    ...(block.text ? [{ text: block.text, style: {} }] : []),
    ...(block.flag ? [{ text: block.flag, style: { highlight: true } }] : []),
  ];
  return w.paragraphOf(parts, { align: 'justify', extra: { spacing: { before: 120 } } });
}

export function blockElements(w: Writer, block: MinutesBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'letterhead':
      return letterhead(w, block);
    case 'title':
      return title(w, block);
    case 'paragraph':
      return [
        w.paragraph(block.text, {
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
          bidirectional: w.rtl,
          alignment: w.alignment('start'),
          keepNext: true,
          children: w.runs(block.heading, { bold: true }),
        }),
      ];
    case 'intervention':
      return [
        w.paragraph(block.heading, { style: { bold: true }, extra: { keepNext: true, spacing: { before: 160, after: 60 } } }),
        ...block.paragraphs.map((p) => w.paragraph(p, { align: 'justify' })),
      ];
    case 'summary':
      return [summary(w, block)];
    case 'table':
      return [w.table(block), w.paragraph('', { extra: tight })];
    case 'list':
      return list(w, block);
    case 'signatures':
      return signatures(w, block);
  }
}
