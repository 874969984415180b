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
//
// The pieces live in docx/: page.ts (sizes), widths.ts (table columns), writer.ts (runs,
// paragraphs, tables), blocks.ts (one function per block kind), document.ts (styles, numbering,
// page), parts.ts (the rewritten parts). This file packs them and is what the rest imports.
import { Packer } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { MinutesModel } from '../../shared/minutes/model.ts';
import { minutesDocument } from './docx/document.ts';
import { corePropertiesXml, fontTableXml, type DocxFonts } from './docx/parts.ts';
import { Writer } from './docx/writer.ts';

// The splitting by direction lives in shared/ so that the on-screen preview isolates the same runs.
export { bidiPieces, firstStrongIsArabic, type BidiPiece } from '../../shared/text/bidi.ts';
export { corePropertiesXml, fontTableXml, type DocxFonts } from './docx/parts.ts';
export { tableColumnWidths, wordWidthTwips } from './docx/widths.ts';
export { xmlSafe } from './docx/xml-safe.ts';

/** Amiri is a free Naskh font with matching Latin; Word substitutes from the font table when it is missing. */
export const defaultFonts = (direction: 'rtl' | 'ltr'): DocxFonts =>
  direction === 'rtl' ? { arabic: 'Amiri', latin: 'Amiri' } : { arabic: 'Amiri', latin: 'Times New Roman' };

export interface DocxOptions {
  fonts?: DocxFonts;
}

/** Zip entries get this fixed date so the same minutes give the same bytes. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/** Renders the minutes model to DOCX bytes. */
export async function renderDocx(model: MinutesModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const fonts = options.fonts ?? defaultFonts(model.direction);
  const packed = await Packer.toBuffer(minutesDocument(new Writer(model, fonts)));
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
