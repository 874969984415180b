// The domain of Mahdar: what a meeting is, as stored in meeting.json and exchanged over the API.
// Zod schemas are the single source of truth; TypeScript types are inferred from them so the
// archive, the API validation and the UI can never disagree.
import { z } from 'zod';

/**
 * The format of meeting.json. There has only ever been version 1, so nothing is migrated: a file
 * with a higher number was written by a newer Mahdar and is refused (meeting.futureVersion);
 * any other value is refused as malformed. Bump this, and add a migration, when the shape changes.
 */
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
  marks: 20_000,
  annexes: 100,
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
const shortText = z.string().max(LIMITS.shortText).transform(cleanSingleLine);
const longText = z.string().max(LIMITS.longText).transform(cleanMultiLine);

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

export const decisionKinds = ['decision', 'recommendation', 'agreement', 'action'] as const;
export const voteSides = ['for', 'against', 'abstain'] as const;
export type VoteSide = (typeof voteSides)[number];
/**
 * A nominal vote: who voted for, against, and abstained, by participant id. When it is given,
 * each count of the vote is the number of names on its side (voteIssues); an empty side is nobody.
 */
export const votersSchema = z.strictObject({
  for: z.array(idSchema).max(LIMITS.people),
  against: z.array(idSchema).max(LIMITS.people),
  abstain: z.array(idSchema).max(LIMITS.people),
});
export type Voters = z.infer<typeof votersSchema>;
/** How a decision was taken: unanimously, or by counted votes (with the voters' names, optionally). */
export const voteSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unanimous') }),
  z.strictObject({
    kind: z.literal('counts'),
    for: z.number().int().min(0).max(100_000),
    against: z.number().int().min(0).max(100_000),
    abstain: z.number().int().min(0).max(100_000),
    // Optional: older files and meeting types that record no names have none.
    voters: votersSchema.optional(),
  }),
]);
export type Vote = z.infer<typeof voteSchema>;
/** Who signs an agreement (اتفاقية): a participant, and the capacity they sign in (absent: their title). */
export const signatorySchema = z.strictObject({
  participantId: idSchema,
  capacity: shortText.optional(),
});
export type Signatory = z.infer<typeof signatorySchema>;
export const decisionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(decisionKinds),
  text: longText,
  segmentIds: z.array(idSchema).max(1000).default([]),
  owner: shortText.default(''),
  deadline: shortText.default(''),
  vote: voteSchema.nullable().optional(),
  /** Agreements only: who signs it. Optional so that older files and other kinds stay as they were. */
  signatories: z.array(signatorySchema).max(LIMITS.people).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** What is wrong with a vote's names, if anything (the edit commands refuse it with these). */
export type VoteIssue =
  | { kind: 'countMismatch'; side: VoteSide; count: number; names: number }
  | { kind: 'twice'; participantId: string }
  | { kind: 'notParticipant'; participantId: string };

/**
 * A nominal vote names each voter once, only participants, and its counts are the numbers of
 * names: the minutes print both, and they must not say two different things.
 */
export function voteIssues(vote: Vote | null | undefined, participantIds: ReadonlySet<string>): VoteIssue[] {
  if (!vote || vote.kind !== 'counts' || !vote.voters) return [];
  const issues: VoteIssue[] = [];
  const seen = new Set<string>();
  for (const side of voteSides) {
    const names = vote.voters[side];
    if (names.length !== vote[side]) issues.push({ kind: 'countMismatch', side, count: vote[side], names: names.length });
    for (const id of names) {
      if (seen.has(id)) issues.push({ kind: 'twice', participantId: id });
      else if (!participantIds.has(id)) issues.push({ kind: 'notParticipant', participantId: id });
      seen.add(id);
    }
  }
  return issues;
}

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
});
export type Mark = z.infer<typeof markSchema>;

export const meetingTypes = ['consultation', 'council', 'committee', 'other'] as const;
export const meetingStatuses = ['draft', 'review', 'approved'] as const;
export const languages = ['ar', 'fr', 'en'] as const;
export type Language = (typeof languages)[number];

// Dates and times have two forms. A request must give a real day and time (2026-02-30 and 99:99
// are refused). A stored file is only held to the pattern, as before these checks existed, so
// that no meeting already on disk becomes unreadable; the form shows such a value for correction.
const storedDateSchema = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')]);
const storedTimeSchema = z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, 'time must be HH:MM')]);
const dateSchema = storedDateSchema.refine((s) => s === '' || isRealDate(s), 'not a real date');
const timeSchema = storedTimeSchema.refine((s) => s === '' || isRealTime(s), 'not a real time (00:00 to 23:59)');

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
    /** The secretary stated that no decision was taken: only then do the minutes say so. */
    noDecisionConfirmed: z.boolean().optional(),
    /** The convening letter (الاستدعاء) and its date, and the legal basis of the meeting. */
    convocationReference: shortText.optional(),
    convocationDate: date.optional(),
    legalBasis: longText.optional(),
    /** Days added to the computed Hijri date to follow the Moroccan official calendar. */
    hijriAdjust: z.number().int().min(-1).max(1).optional(),
    /** Members the body has in all, for the quorum; absent or 0: the participants listed. */
    membersTotal: z.number().int().min(0).max(100_000).optional(),
    /** The documents annexed to the minutes, in order (المرفقات); absent: none. */
    annexes: z.array(annexSchema).max(LIMITS.annexes).optional(),
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
 * meeting.malformed), values are lenient (see the date forms above), and cross-references are not
 * checked on reading: see meetingIntegrityIssues, which every write enforces instead.
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
});
export type Meeting = z.infer<typeof meetingSchema>;

export interface IntegrityIssue {
  path: (string | number)[];
  /** Names the ids involved, so that the same problem reads the same before and after a change. */
  message: string;
}

/**
 * What makes a meeting inconsistent although each field is valid: an id used twice in its list, a
 * segment whose speaker is not a participant, a decision citing a segment that does not exist.
 * A missing list counts as empty (a new meeting starts with empty lists).
 */
export function meetingIntegrityIssues(m: {
  participants?: readonly { id: string }[];
  agenda?: readonly { id: string }[];
  segments?: readonly { id: string; speakerId: string | null }[];
  decisions?: readonly { id: string; segmentIds: readonly string[]; vote?: Vote | null; signatories?: readonly Signatory[] }[];
  annexes?: readonly { id: string }[];
}): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const idsOf = (list: 'participants' | 'agenda' | 'segments' | 'decisions' | 'annexes'): Set<string> => {
    const seen = new Set<string>();
    (m[list] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: [list, i, 'id'], message: `id ${item.id} is used twice in ${list}` });
      seen.add(item.id);
    });
    return seen;
  };
  const participants = idsOf('participants');
  idsOf('agenda');
  const segments = idsOf('segments');
  idsOf('decisions');
  idsOf('annexes');
  (m.segments ?? []).forEach((s, i) => {
    if (s.speakerId !== null && !participants.has(s.speakerId)) {
      issues.push({ path: ['segments', i, 'speakerId'], message: `segment ${s.id} is spoken by ${s.speakerId}, who is not a participant` });
    }
  });
  (m.decisions ?? []).forEach((d, i) => {
    d.segmentIds.forEach((sid, j) => {
      if (!segments.has(sid)) issues.push({ path: ['decisions', i, 'segmentIds', j], message: `decision ${d.id} cites segment ${sid}, which does not exist` });
    });
    // Voters and signatories are participants: removing one of them from the form is refused.
    for (const v of voteIssues(d.vote, participants)) {
      const message =
        v.kind === 'countMismatch'
          ? `decision ${d.id} counts ${v.count} ${v.side} but names ${v.names}`
          : v.kind === 'twice'
            ? `decision ${d.id} names voter ${v.participantId} twice`
            : `decision ${d.id} names voter ${v.participantId}, who is not a participant`;
      issues.push({ path: ['decisions', i, 'vote'], message });
    }
    (d.signatories ?? []).forEach((s, j) => {
      if (!participants.has(s.participantId)) {
        issues.push({ path: ['decisions', i, 'signatories', j], message: `decision ${d.id} is signed by ${s.participantId}, who is not a participant` });
      }
    });
  });
  return issues;
}

/** For superRefine: reports meetingIntegrityIssues as validation issues. */
export function refineIntegrity(value: Parameters<typeof meetingIntegrityIssues>[0], ctx: z.RefinementCtx): void {
  for (const issue of meetingIntegrityIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}
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
