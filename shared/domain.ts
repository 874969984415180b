// The domain of Mahdar: what a meeting is, as stored in meeting.json and exchanged over the API.
// Zod schemas are the single source of truth; TypeScript types are inferred from them so the
// archive, the API validation and the UI can never disagree.
import { z } from 'zod';

/** Bump when meeting.json changes shape; older files are migrated, newer ones refused. */
export const MEETING_SCHEMA_VERSION = 1;

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
} as const;

/** Ids are opaque, filesystem-safe tokens: they become folder names under the archive root. */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'invalid id');
const shortText = z.string().max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);

export const participantSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  /** Honorific used in the minutes: تدخل السيد / السيدة. */
  gender: z.enum(['m', 'f', 'unknown']).default('unknown'),
  title: shortText.default(''),
  organisation: shortText.default(''),
});
export type Participant = z.infer<typeof participantSchema>;

export const agendaItemSchema = z.strictObject({
  id: idSchema,
  title: shortText,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const segmentSchema = z.strictObject({
  id: idSchema,
  /** Seconds from the start of the meeting audio. */
  start: z.number().min(0).max(24 * 3600),
  end: z.number().min(0).max(24 * 3600),
  text: longText,
  speakerId: idSchema.nullable().default(null),
  tags: z.array(shortText).max(LIMITS.tags).default([]),
  /** True once the secretary changed the text the engine produced. */
  edited: z.boolean().default(false),
});
export type Segment = z.infer<typeof segmentSchema>;

export const decisionKinds = ['decision', 'recommendation', 'agreement', 'action'] as const;
export const decisionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(decisionKinds),
  text: longText,
  segmentIds: z.array(idSchema).max(1000).default([]),
  owner: shortText.default(''),
  deadline: shortText.default(''),
});
export type Decision = z.infer<typeof decisionSchema>;

export const meetingTypes = ['consultation', 'council', 'committee', 'other'] as const;
export const meetingStatuses = ['draft', 'review', 'approved'] as const;
export const languages = ['ar', 'fr', 'en'] as const;
export type Language = (typeof languages)[number];

const dateSchema = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')]);
const timeSchema = z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, 'time must be HH:MM')]);

export const audioInfoSchema = z.strictObject({
  /** File name inside the meeting folder (never a path). */
  file: z.string().regex(/^[a-z0-9._-]{1,64}$/),
  durationSec: z.number().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  originalName: shortText.default(''),
});
export type AudioInfo = z.infer<typeof audioInfoSchema>;

/** The editable fields of a meeting: what the meeting form and the review screen change. */
export const meetingFieldsSchema = z.strictObject({
  title: shortText,
  type: z.enum(meetingTypes),
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  place: shortText,
  chair: shortText,
  secretary: shortText,
  reference: shortText,
  /** Letterhead lines of the institution, top to bottom (المملكة المغربية / وزارة … ). */
  letterhead: z.array(shortText).max(LIMITS.letterheadLines),
  language: z.enum(languages),
  participants: z.array(participantSchema).max(LIMITS.people),
  agenda: z.array(agendaItemSchema).max(LIMITS.agendaItems),
  segments: z.array(segmentSchema).max(LIMITS.segments),
  decisions: z.array(decisionSchema).max(LIMITS.decisions),
});
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

export const meetingSchema = meetingFieldsSchema.extend({
  schemaVersion: z.literal(MEETING_SCHEMA_VERSION),
  id: idSchema,
  status: z.enum(meetingStatuses),
  /** Starts at 1; reopening an approved meeting makes a new revision. */
  revision: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  audio: audioInfoSchema.nullable(),
});
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingStatus = Meeting['status'];

export interface MeetingSummary {
  id: string;
  title: string;
  date: string;
  type: Meeting['type'];
  status: MeetingStatus;
  participants: number;
  segments: number;
  updatedAt: string;
  /** Set when meeting.json could not be read (damaged, or from a newer Mahdar): the UI says why. */
  damaged?: { code: 'meeting.malformed' | 'meeting.futureVersion'; params: Record<string, string | number> };
}

/** A person met in earlier meetings, offered again in the participants form. */
export type Person = Omit<Participant, 'id'>;

export function emptyMeetingFields(): MeetingFields {
  return {
    title: '',
    type: 'consultation',
    date: '',
    startTime: '',
    endTime: '',
    place: '',
    chair: '',
    secretary: '',
    reference: '',
    letterhead: [],
    language: 'ar',
    participants: [],
    agenda: [],
    segments: [],
    decisions: [],
  };
}

export function summarize(m: Meeting): MeetingSummary {
  return {
    id: m.id,
    title: m.title,
    date: m.date,
    type: m.type,
    status: m.status,
    participants: m.participants.length,
    segments: m.segments.length,
    updatedAt: m.updatedAt,
  };
}

/** Random id usable as a folder name; works in Node and in the browser. */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return prefix ? `${prefix}-${hex}` : hex;
}
