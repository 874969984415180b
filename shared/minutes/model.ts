// The minutes model: what the DOCX writer and the on-screen preview both render, so the preview
// is what prints. Built from a Meeting by a pure function (shared/minutes/build.ts).
import type { Language } from '../domain.ts';

export type Align = 'start' | 'center' | 'end' | 'justify';

export type MinutesBlock =
  | { kind: 'paragraph'; text: string; align?: Align; bold?: boolean; size?: 'small' | 'normal' | 'large' }
  | { kind: 'table'; role: string; header: string[]; rows: string[][]; widths: number[] }
  | { kind: 'list'; items: string[]; ordered: boolean }
  | { kind: 'signatures'; blocks: { role: string; name: string }[] };

export interface MinutesSection {
  id: string;
  title: string | null;
  blocks: MinutesBlock[];
}

export interface MinutesProperties {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  description: string;
  status: string;
  meetingId: string;
  revision: number;
}

export interface MinutesModel {
  language: Language;
  direction: 'rtl' | 'ltr';
  letterhead: string[];
  properties: MinutesProperties;
  /** "الصفحة {page} من {pages}" with placeholders the writer fills with page fields. */
  pageLabel: string;
  sections: MinutesSection[];
}
