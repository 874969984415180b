// The DOCX parts rewritten after packing: docProps/core.xml (the package stamps "now" as created
// and modified and has no content status) and word/fontTable.xml (how to substitute each font).
import type { MinutesModel } from '../../../shared/minutes/model.ts';
import { xmlEscape, xmlSafe } from './xml-safe.ts';

export interface DocxFonts {
  /** Font for Arabic (complex script) text. */
  arabic: string;
  /** Font for Latin text. */
  latin: string;
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
