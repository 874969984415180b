// The minutes model: what the DOCX writer (main/export/docx.ts) and the on-screen preview
// (renderer/features/minutes/MinutesPreview.tsx) both render, so the preview is what prints.
// Built from a Meeting by a pure function (shared/minutes/build.ts). Every string is final text in
// the minutes language: renderers only lay it out, they never translate or compose wording.
import type { Language, MeetingStatus } from '../domain.ts';
import type { SummaryStatus } from '../summaries/status.ts';

/** Logical alignment: start is right in Arabic, left in French and English. */
export type Align = 'start' | 'center' | 'end' | 'justify';

/** An image for the letterhead (the institution's logo), carried as base64 so shared/ stays pure. */
export interface MinutesImage {
  mime: 'image/png' | 'image/jpeg';
  base64: string;
  /** Size to print, in points. */
  widthPt: number;
  heightPt: number;
}

export type MinutesBlock =
  /** The institution's lines (top, start side), its logo, the reference and the date (end side). */
  | {
      kind: 'letterhead';
      lines: string[];
      logo: MinutesImage | null;
      /** "المرجع: 2026/045", or null when the meeting has no reference. */
      reference: string | null;
      /** "التاريخ: 12 نونبر 2026\nالموافق لـ …" (may hold line breaks), or null when the meeting has no date. */
      date: string | null;
    }
  /** The document title, centred and large; an optional second line under it. */
  | { kind: 'title'; text: string; subtitle: string | null }
  | {
      kind: 'paragraph';
      /** May hold line breaks (\n). */
      text: string;
      align: Align;
      bold?: boolean;
      size?: 'small' | 'normal';
      /** Kept on the same page as what follows (the closing, with the signatures). */
      keepWithNext?: boolean;
    }
  /**
   * The heading of one agenda point in the proceedings ("النقطة الأولى: …"), followed by that
   * point's interventions; also heads the passages given no point ("مسائل أخرى"). Only present
   * when the secretary assigned passages to agenda points.
   */
  | {
      kind: 'agendaPoint';
      heading: string;
      /** The agenda item, or null for the passages given no point. */
      agendaItemId: string | null;
    }
  /** One intervention: the consecutive segments of one speaker. */
  | {
      kind: 'intervention';
      /** "تدخل السيد محمد العلمي، والي الجهة:" */
      heading: string;
      /** The segments' texts, verbatim or as the secretary edited them, one paragraph each run. */
      paragraphs: string[];
      speakerId: string | null;
      segmentIds: string[];
      start: number;
      end: number;
    }
  /**
   * In summary minutes: an intervention's summary led by its speaker, a point's discussion
   * summary, or the meeting's opening or closing paragraph. One not checked by the secretary
   * carries a flag, printed highlighted after its text (or alone, when it has no text).
   */
  | {
      kind: 'summary';
      of: 'intervention' | 'point' | 'opening' | 'closing';
      /** Printed bold before the text: "تدخلت السيدة …:", "ملخص المناقشة:"; null for opening and closing. */
      lead: string | null;
      /** The summary as written or drafted; null when the intervention has none. */
      text: string | null;
      status: SummaryStatus;
      /** "[مسودة لم يراجعها الكاتب]", "[لا ملخص لهذا التدخل، 00:12:05]"; null once checked. */
      flag: string | null;
      /** The passages it covers now (an intervention's, a point's), empty for opening and closing. */
      segmentIds: string[];
      /** When its first passage starts, or null for opening and closing. */
      start: number | null;
    }
  | {
      kind: 'table';
      role: 'attendance' | 'decisions' | 'transcript';
      header: string[];
      rows: string[][];
      /** Relative column widths, in percent of the text width; they sum to 100. */
      widths: number[];
      /** Index of a column left empty for handwritten signatures (rows are then taller). */
      signatureColumn: number | null;
      /** Columns whose content is short and centred (numbers, times). */
      centered: number[];
    }
  | { kind: 'list'; items: string[]; ordered: boolean }
  /**
   * Signature blocks side by side: role over name (with honorific) and title, room to sign below,
   * then the stamp's place when the block has one. A block with no name set has a dotted line
   * for it, to be filled in by hand.
   */
  | { kind: 'signatures'; blocks: { role: string; name: string; title: string; stamp: string | null }[] };

export type MinutesBlockKind = MinutesBlock['kind'];

export interface MinutesSection {
  id: 'header' | 'opening' | 'attendance' | 'agenda' | 'proceedings' | 'decisions' | 'closing' | 'signatures' | 'annex';
  /** Section heading, or null for sections that have none (header, opening, closing). */
  title: string | null;
  /** Starts on a new page (the annex). */
  pageBreakBefore: boolean;
  blocks: MinutesBlock[];
}

/** Document properties for archives (DOCX core and custom properties). */
export interface MinutesProperties {
  title: string;
  subject: string;
  /** The secretary. */
  author: string;
  keywords: string[];
  description: string;
  /** The meeting's status, and its label in the minutes language (for the DOCX content status). */
  status: MeetingStatus;
  statusLabel: string;
  meetingId: string;
  revision: number;
  /** ISO timestamps: when the meeting was created and last changed. */
  created: string;
  modified: string;
  /** BCP 47 tag of the minutes language: ar-MA, fr-FR, en-GB. */
  languageTag: string;
}

export interface MinutesModel {
  language: Language;
  direction: 'rtl' | 'ltr';
  properties: MinutesProperties;
  /** Footer text with {page} and {pages}: "الصفحة {page} من {pages}"; the writer puts page fields there. */
  pageLabel: string;
  /** Printed in the header of every page until the meeting is approved ("مسودة"); null once approved. */
  draftMark: string | null;
  sections: MinutesSection[];
}

/** Splits a page label into text and the two fields, in order: ['الصفحة ', {page}, ' من ', {pages}]. */
export function pageLabelParts(label: string): (string | { field: 'page' | 'pages' })[] {
  const parts: (string | { field: 'page' | 'pages' })[] = [];
  for (const piece of label.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') parts.push({ field: 'page' });
    else if (piece === '{pages}') parts.push({ field: 'pages' });
    else if (piece) parts.push(piece);
  }
  return parts;
}
