// The building blocks of every schema of the domain: limits, ids, cleaned text, dates and times.
import { z } from 'zod';

// Limits keep one request or one file from exhausting memory or the disk.
export const LIMITS = {
  shortText: 300,
  longText: 20_000,
  people: 500,
  agendaItems: 200,
  letterheadLines: 8,
  segments: 50_000,
  decisions: 2_000,
  tags: 20,
  marks: 20_000,
  annexes: 100,
  chairs: 10,
  summaries: 20_000,
} as const;

/** Ids are opaque, filesystem-safe tokens: they become folder names under the archive root. */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'invalid id');

// Invisible characters that can reorder or hide what the minutes print (bidi embeddings,
// overrides and isolates: U+202A–U+202E, U+2066–U+2069) and control characters (C0, DEL, C1).
// They are removed from every text field, both from requests and from files read, rather than
// refused: they come in unseen with pasted text, and the secretary could not find them to delete.
// Bidi marks (U+200E/U+200F) and joiners are kept: Arabic text legitimately needs them.
const singleLineBreaks = /\r\n|[\t\n\r]/g;
const singleLineInvisible = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Multi-line text keeps \t and \n; a CR or CRLF line end becomes \n.
const multiLineInvisible = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A one-line text without control or bidi-override characters; a tab or line break becomes a space. */
export function cleanSingleLine(s: string): string {
  return s.replace(singleLineBreaks, ' ').replace(singleLineInvisible, '');
}
/** A multi-line text without control or bidi-override characters, keeping tabs and line breaks. */
export function cleanMultiLine(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(multiLineInvisible, '');
}
export const shortText = z.string().max(LIMITS.shortText).transform(cleanSingleLine);
export const longText = z.string().max(LIMITS.longText).transform(cleanMultiLine);

// Dates and times have two forms. A request must give a real day and time (2026-02-30 and 99:99
// are refused). A stored file is only held to the pattern, as before these checks existed, so
// that no meeting already on disk becomes unreadable; the form shows such a value for correction.
export const storedDateSchema = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')]);
export const storedTimeSchema = z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, 'time must be HH:MM')]);
export const dateSchema = storedDateSchema.refine((s) => s === '' || isRealDate(s), 'not a real date');
export const timeSchema = storedTimeSchema.refine((s) => s === '' || isRealTime(s), 'not a real time (00:00 to 23:59)');

/** A Gregorian calendar day written YYYY-MM-DD (year 0001 to 9999). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** A time of day written HH:MM, 00:00 to 23:59. */
export function isRealTime(s: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

/** Random id usable as a folder name; works in Node and in the browser. */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return prefix ? `${prefix}-${hex}` : hex;
}
