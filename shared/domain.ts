// The domain of Mahdar: what a meeting is, as stored in meeting.json and exchanged over the API.
// Zod schemas are the single source of truth; TypeScript types are inferred from them so the
// archive, the API validation and the UI can never disagree.
import { z } from 'zod';
import { chairSchema } from './domain/chairs.ts';
import { decisionSchema } from './domain/decision.ts';
import { minutesStyles, summarySchema } from './domain/summary.ts';
import { idSchema, LIMITS, longText, shortText, storedDateSchema, storedTimeSchema, dateSchema, timeSchema } from './domain/fields.ts';

// The building blocks, decisions and integrity checks live in domain/; this file holds the
// meeting and is the module the rest imports.
export { cleanMultiLine, cleanSingleLine, idSchema, isRealDate, isRealTime, LIMITS, newId } from './domain/fields.ts';
export {
  decisionKinds,
  decisionSchema,
  signatorySchema,
  voteIssues,
  votersSchema,
  voteSchema,
  voteSides,
  type Decision,
  type Signatory,
  type Vote,
  type VoteIssue,
  type Voters,
  type VoteSide,
} from './domain/decision.ts';
export { chairFields, chairParticipantIds, chairSchema, chairsOf, sameName, type Chair } from './domain/chairs.ts';
export { meetingIntegrityIssues, refineIntegrity, type IntegrityIssue } from './domain/integrity.ts';
export { minutesStyles, summaryKinds, summarySchema, summaryStates, type MinutesStyle, type Summary, type SummaryKind } from './domain/summary.ts';

/**
 * The format of meeting.json. There has only ever been version 1, so nothing is migrated: a file
 * with a higher number was written by a newer Mahdar and is refused (meeting.futureVersion);
 * any other value is refused as malformed. Bump this, and add a migration, when the shape changes.
 */
export const MEETING_SCHEMA_VERSION = 1;

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
export const genders = ['m', 'f', 'unknown'] as const;

export const participantSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  /** Honorific used in the minutes: تدخل السيد / السيدة. */
  gender: z.enum(['m', 'f', 'unknown']).default('unknown'),
  title: shortText.default(''),
  organisation: shortText.default(''),
  // Optional (absent = present, and no representative) so that code and files that build a
  // participant without them stay valid.
  /** Whether the person attended; the minutes list the absent and the excused apart. */
  attendance: z.enum(attendanceStatuses).optional(),
  /** Who attended in this member's place (a present member represented by someone else). */
  representedBy: shortText.optional(),
});
export type Participant = z.infer<typeof participantSchema>;

export const agendaItemSchema = z.strictObject({
  id: idSchema,
  title: shortText,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** A document annexed to the minutes, listed by its title in the closing. */
export const annexSchema = z.strictObject({
  id: idSchema,
  title: shortText,
});
export type Annex = z.infer<typeof annexSchema>;

/** A segment as stored: older files may hold an end before the start; they stay readable. */
export const storedSegmentSchema = z.strictObject({
  id: idSchema,
  /** Seconds from the start of the meeting audio. */
  start: z.number().min(0).max(24 * 3600),
  end: z.number().min(0).max(24 * 3600),
  text: longText,
  speakerId: idSchema.nullable().default(null),
  tags: z.array(shortText).max(LIMITS.tags).default([]),
  /** True once the secretary changed the text the engine produced. */
  edited: z.boolean().default(false),
  /** The agenda item this passage belongs to (review editor). Optional so older files and code stay valid. */
  agendaItemId: idSchema.nullable().optional(),
  /**
   * The engine's confidence (0..1) in each word of `text` as it produced it, one per
   * whitespace-separated word (main/asr/token-confidence.ts). Absent when unknown (older files,
   * cancelled runs); meaningless once `edited`, when the editor ignores it.
   */
  wordConfidence: z.array(z.number().min(0).max(1)).max(LIMITS.longText).optional(),
});
/** A segment as a client may send it: it cannot end before it starts. */
export const segmentSchema = storedSegmentSchema.refine((s) => s.end >= s.start, {
  message: 'segment ends before it starts',
  path: ['end'],
});
export type Segment = z.infer<typeof segmentSchema>;

export const markKinds = ['floor', 'decision', 'agenda'] as const;
/**
 * A live mark the secretary taps while recording, at a time of the recording (seconds, the
 * clock of the audio: a paused span does not count). shared/marks.ts turns them into speakers,
 * agenda items and draft decisions once the transcript exists.
 */
export const markSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(markKinds),
  at: z.number().min(0).max(24 * 3600),
  /** floor: who has the floor from `at` on. */
  participantId: idSchema.optional(),
  /** agenda: the item discussed from `at` on. */
  agendaItemId: idSchema.optional(),
  /** decision: the draft decision made from it by applyMarks (so it is made once). */
  decisionId: idSchema.optional(),
  /** decision: its text as the secretary typed it while recording (the draft's text then). */
  text: z.string().max(LIMITS.longText).optional(),
});
export type Mark = z.infer<typeof markSchema>;

export const meetingTypes = ['consultation', 'council', 'committee', 'other'] as const;
export const meetingStatuses = ['draft', 'review', 'approved'] as const;
export const languages = ['ar', 'fr', 'en'] as const;
export type Language = (typeof languages)[number];

export const audioInfoSchema = z.strictObject({
  /** File name inside the meeting folder (never a path). */
  file: z.string().regex(/^[a-z0-9._-]{1,64}$/),
  durationSec: z.number().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  originalName: shortText.default(''),
});
export type AudioInfo = z.infer<typeof audioInfoSchema>;

function meetingFieldsShape<D extends z.ZodType<string>, T extends z.ZodType<string>, S extends z.ZodType<Segment>>(
  date: D,
  time: T,
  segment: S,
) {
  return {
    title: shortText,
    type: z.enum(meetingTypes),
    date,
    startTime: time,
    endTime: time,
    place: shortText,
    chair: shortText,
    secretary: shortText,
    reference: shortText,
    /** Letterhead lines of the institution, top to bottom (المملكة المغربية / وزارة … ). */
    letterhead: z.array(shortText).max(LIMITS.letterheadLines),
    language: z.enum(languages),
    participants: z.array(participantSchema).max(LIMITS.people),
    agenda: z.array(agendaItemSchema).max(LIMITS.agendaItems),
    segments: z.array(segment).max(LIMITS.segments),
    decisions: z.array(decisionSchema).max(LIMITS.decisions),
    // The fields below came later. They are optional rather than defaulted: a partial update
    // (updateMeeting) would otherwise reset each one it does not name to its default. Absent
    // means the default given in docs/meeting-format.md.
    /** The chair's gender, for رئيس / رئيسة الجلسة; absent or 'unknown': taken from the matching participant. */
    chairGender: z.enum(genders).optional(),
    /**
     * The chairs in order, co-chairs after the first (domain/chairs.ts); absent or empty: the one
     * chair of `chair` and `chairGender`. When set, those two repeat its first entry.
     */
    chairs: z.array(chairSchema).max(LIMITS.chairs).optional(),
    /** The secretary's gender, for كاتب / كاتبة الجلسة; absent or 'unknown': taken from the matching participant. */
    secretaryGender: z.enum(genders).optional(),
    /** The city for «حرر ب<city>»; absent or blank: the place. */
    city: shortText.optional(),
    /** The secretary stated that no decision was taken: only then do the minutes say so. */
    noDecisionConfirmed: z.boolean().optional(),
    /** The convening letter (الاستدعاء) and its date, and the legal basis of the meeting. */
    convocationReference: shortText.optional(),
    convocationDate: date.optional(),
    legalBasis: longText.optional(),
    /** Days added to the computed Hijri date to follow the Moroccan official calendar. */
    hijriAdjust: z.number().int().min(-1).max(1).optional(),
    /**
     * The secretary confirmed that the meeting's date (`date`) is the Hijri day `hijri` ("1444-03-20")
     * in Morocco. It counts only while both still match (shared/calendar/moroccan-hijri.ts).
     */
    hijriConfirmed: z.strictObject({ date, hijri: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).optional(),
    /** Members the body has in all, for the quorum; absent or 0: the participants listed. */
    membersTotal: z.number().int().min(0).max(100_000).optional(),
    /** The documents annexed to the minutes, in order (المرفقات); absent: none. */
    annexes: z.array(annexSchema).max(LIMITS.annexes).optional(),
    /**
     * summary: the body prints each intervention's summary and the verbatim transcript goes to the
     * annex; verbatim: the body prints the transcript. Absent: minutesStyleOf (shared/summaries/style.ts).
     */
    minutesStyle: z.enum(minutesStyles).optional(),
  };
}

/** The fields of a meeting as a client sends them (createMeeting): real dates and times, well-formed segments. */
export const meetingFieldsSchema = z.strictObject(meetingFieldsShape(dateSchema, timeSchema, segmentSchema));
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

/**
 * What the meeting form changes (updateMeeting). The transcript and the decisions are not in it:
 * replacing those whole lists could wipe what a running transcription appends meanwhile.
 */
export const editableFieldsSchema = meetingFieldsSchema.omit({ segments: true, decisions: true });
export type EditableFields = z.infer<typeof editableFieldsSchema>;

/**
 * meeting.json as read from disk. Shape, types and limits are strict (anything else is
 * meeting.malformed), values are lenient (see the date forms in domain/fields.ts), and
 * cross-references are not checked on reading: see meetingIntegrityIssues, which every write
 * enforces instead.
 */
export const meetingSchema = z.strictObject({
  ...meetingFieldsShape(storedDateSchema, storedTimeSchema, storedSegmentSchema),
  schemaVersion: z.literal(MEETING_SCHEMA_VERSION),
  id: idSchema,
  status: z.enum(meetingStatuses),
  /** Starts at 1; reopening an approved meeting makes a new revision. */
  revision: z.number().int().min(1),
  /** Bumped by every edit command (shared/edits.ts); a command made on an older version is refused. Absent = 0. */
  version: z.number().int().min(0).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  audio: audioInfoSchema.nullable(),
  /** Live marks (shared/marks.ts), changed only by edit commands. Absent = none. */
  marks: z.array(markSchema).max(LIMITS.marks).optional(),
  /** Summaries of the minutes (shared/domain/summary.ts), changed only by edit commands. Absent = none. */
  summaries: z.array(summarySchema).max(LIMITS.summaries).optional(),
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

