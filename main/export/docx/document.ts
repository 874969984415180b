// The DOCX document around the blocks: properties, default styles, list numbering, the A4 page
// with its footer (page numbers) and, until approval, the draft mark in the header.
import { AlignmentType, Document, LevelFormat, Paragraph, type Table } from 'docx';
import type { MinutesModel } from '../../../shared/minutes/model.ts';
import { blockElements } from './blocks.ts';
import { PAGE, SIZES } from './page.ts';
import { xmlSafe } from './xml-safe.ts';
import type { Writer } from './writer.ts';

type FontSet = { ascii: string; hAnsi: string; eastAsia: string; cs: string };

function body(w: Writer): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  for (const section of w.model.sections) {
    if (section.title) children.push(w.heading(section.title, section.pageBreakBefore));
    else if (section.pageBreakBefore) children.push(new Paragraph({ pageBreakBefore: true, bidirectional: w.rtl }));
    for (const b of section.blocks) children.push(...blockElements(w, b));
  }
  return children;
}

function styles(font: FontSet, language: { value: string; bidirectional: string }) {
  return {
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
    // The package's hyperlink, footnote and line-number styles are based on Word's built-in
    // "Default Paragraph Font" without defining it; Word's validator reports each such reference,
    // so the style is defined here as Word itself writes it.
    characterStyles: [{ id: 'DefaultParagraphFont', name: 'Default Paragraph Font', uiPriority: 1, semiHidden: true, unhideWhenUsed: true }],
  };
}

function numbering(font: FontSet, rtl: boolean) {
  const level0 = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: 0,
    format,
    text,
    // In a bidi paragraph Word and LibreOffice read lvlJc and w:ind left as the start side, so
    // the same values put the number on the right in Arabic and on the left in French.
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: 567, hanging: 397 } },
      run: { font, rightToLeft: rtl },
    },
  });
  return {
    config: [
      { reference: 'minutes-ordered', levels: [level0(LevelFormat.DECIMAL, '%1.')] },
      { reference: 'minutes-bullet', levels: [level0(LevelFormat.BULLET, '•')] },
    ],
  };
}

const pageProperties = {
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
};

export function minutesDocument(w: Writer): Document {
  const fonts = w.fonts;
  const model: MinutesModel = w.model;
  const children = body(w);
  const font = { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.latin, cs: fonts.arabic };
  const language = { value: w.rtl ? 'fr-FR' : model.properties.languageTag, bidirectional: 'ar-MA' };
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
    styles: styles(font, language),
    numbering: numbering(font, w.rtl),
    sections: [
      {
        properties: pageProperties,
        footers: { default: w.footer() },
        ...(model.draftMark ? { headers: { default: w.header(model.draftMark) } } : {}),
        children,
      },
    ],
  });
}
