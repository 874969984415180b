// The edit commands' schemas and types (see shared/edits.ts for what the commands are). zod
// schemas of one union: kept together, as splitting them would only scatter one contract.
import { z } from 'zod';
import {
  cleanMultiLine,
  cleanSingleLine,
  decisionKinds,
  decisionSchema,
  idSchema,
  LIMITS,
  markKinds,
  markSchema,
  participantSchema,
  signatorySchema,
  storedSegmentSchema,
  summaryKinds,
  summarySchema,
  voteSchema,
  type Meeting,
} from '../domain.ts';

/** Most segments one command may name by id (a longer span is named {fromId, toId}). */
export const MAX_RANGE_IDS = 5_000;

const line = z.string().max(LIMITS.shortText).transform(cleanSingleLine);
const longText = z.string().max(LIMITS.longText).transform(cleanMultiLine);
const seconds = z.number().min(0).max(24 * 3600);

const summaryText = z
  .string()
  .max(LIMITS.longText)
  .transform(cleanMultiLine)
  .refine((t) => t.trim() !== '', 'summary text is empty');
const summaryPassages = z.array(idSchema).max(MAX_RANGE_IDS);
/** What a summary is of and says, as the secretary writes it or a model drafts it. */
const summaryFields = {
  kind: z.enum(summaryKinds),
  segmentIds: summaryPassages,
  agendaItemId: idSchema.nullable().optional(),
  text: summaryText,
};

/** Segments named by id, or every segment from one to another (inclusive) in time order. */
export const segmentRangeSchema = z.union([
  z.strictObject({ ids: z.array(idSchema).min(1).max(MAX_RANGE_IDS) }),
  z.strictObject({ fromId: idSchema, toId: idSchema }),
]);
export type SegmentRange = z.infer<typeof segmentRangeSchema>;

const decisionFields = {
  kind: z.enum(decisionKinds),
  text: longText,
  segmentIds: z.array(idSchema).max(1000),
  owner: line,
  deadline: line,
  vote: voteSchema.nullable(),
  signatories: z.array(signatorySchema).max(LIMITS.people),
};

const userEdits = [
  /** Replace a segment's text (marks it edited). */
  z.strictObject({ type: z.literal('setText'), segmentId: idSchema, text: longText }),
  /**
   * Cut a segment at a character index (UTF-16, as a textarea's selectionStart). The cut time is
   * `time` (the playhead) when given, otherwise proportional to the characters before the cut.
   */
  z.strictObject({
    type: z.literal('splitSegment'),
    segmentId: idSchema,
    at: z.number().int().min(0).max(LIMITS.longText),
    time: seconds.optional(),
    /** Filled in by applyEdit when absent, so that the journal replays the same id. */
    newSegmentId: idSchema.optional(),
  }),
  /** Join a segment with the next one in time order. */
  z.strictObject({ type: z.literal('mergeSegments'), segmentId: idSchema }),
  z.strictObject({ type: z.literal('setTimes'), segmentId: idSchema, start: seconds, end: seconds }),
  z.strictObject({ type: z.literal('assignSpeaker'), range: segmentRangeSchema, speakerId: idSchema.nullable() }),
  z.strictObject({ type: z.literal('setAgendaItem'), range: segmentRangeSchema, agendaItemId: idSchema.nullable() }),
  z.strictObject({
    type: z.literal('createDecision'),
    decision: z.strictObject({
      id: idSchema.optional(),
      kind: decisionFields.kind,
      text: decisionFields.text,
      segmentIds: decisionFields.segmentIds.default([]),
      owner: decisionFields.owner.default(''),
      deadline: decisionFields.deadline.default(''),
      vote: decisionFields.vote.default(null),
      // No default: a decision made without signatories keeps the shape it always had.
      signatories: decisionFields.signatories.optional(),
    }),
  }),
  z.strictObject({ type: z.literal('updateDecision'), decisionId: idSchema, changes: z.strictObject(decisionFields).partial() }),
  z.strictObject({ type: z.literal('deleteDecision'), decisionId: idSchema }),
  /** A participant added while reviewing (to give them the floor at once). */
  z.strictObject({
    type: z.literal('addParticipant'),
    participant: participantSchema.extend({ id: idSchema.optional() }),
  }),
  /** Search and replace across the transcript (or the given segments). */
  z.strictObject({
    type: z.literal('replaceText'),
    find: z.string().min(1).max(LIMITS.shortText),
    replace: line,
    /** Ignore diacritics, tatweel and alef/hamza forms (shared/text/find.ts). */
    arabicAware: z.boolean().default(true),
    wholeWord: z.boolean().default(false),
    segmentIds: z.array(idSchema).max(MAX_RANGE_IDS).optional(),
  }),
  /** A live mark (shared/domain.ts markSchema) at a time of the recording. */
  z.strictObject({
    type: z.literal('addMark'),
    mark: z.strictObject({
      /** Filled in by applyEdit when absent, so that the journal replays the same id. */
      id: idSchema.optional(),
      kind: z.enum(markKinds),
      at: seconds,
      participantId: idSchema.optional(),
      agendaItemId: idSchema.optional(),
    }),
  }),
  z.strictObject({ type: z.literal('removeMark'), markId: idSchema }),
  /** A decision mark's text, typed while recording (empty: none). */
  z.strictObject({ type: z.literal('setMarkText'), markId: idSchema, text: longText }),
  /** Every mark goes (a new recording replaces the one they were made on: they are on its clock). */
  z.strictObject({ type: z.literal('clearMarks') }),
  /** The marks become speakers, agenda items and draft decisions (shared/marks.ts). */
  z.strictObject({ type: z.literal('applyMarks'), overwrite: z.boolean().default(false) }),
  /**
   * The secretary writes a summary, or changes one (shared/edits/summaries.ts): it becomes checked,
   * against its passages as they are now.
   */
  z.strictObject({
    type: z.literal('writeSummary'),
    /** An existing summary to change; absent: a new one, its id filled in by applyEdit. */
    summaryId: idSchema.optional(),
    ...summaryFields,
  }),
  /** The secretary accepts a summary as it stands, for the passages given (an intervention's now). */
  z.strictObject({ type: z.literal('acceptSummary'), summaryId: idSchema, segmentIds: summaryPassages.optional() }),
  /** The secretary rejects (removes) a summary. */
  z.strictObject({ type: z.literal('deleteSummary'), summaryId: idSchema }),
] as const;

/** Commands a client may send. */
export const editSchema = z.discriminatedUnion('type', [...userEdits]);
export type EditInput = z.input<typeof editSchema>;
export type UserEdit = z.infer<typeof editSchema>;

function listPatchSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({
    replace: z.array(item),
    remove: z.array(idSchema),
    /** Ascending indexes in the list as it is after the patch. */
    insert: z.array(z.strictObject({ index: z.number().int().min(0), item })),
  });
}

/**
 * Puts items back as they were: written by applyEdit as the inverse (undo) and the forward (redo)
 * of a command. Not accepted from clients: only the journal holds it.
 */
export const restoreSchema = z.strictObject({
  type: z.literal('restore'),
  segments: listPatchSchema(storedSegmentSchema).optional(),
  decisions: listPatchSchema(decisionSchema).optional(),
  participants: listPatchSchema(participantSchema).optional(),
  marks: listPatchSchema(markSchema).optional(),
  summaries: listPatchSchema(summarySchema).optional(),
});
export type RestoreEdit = z.infer<typeof restoreSchema>;

/**
 * A passage transcribed again (main/service/passage.ts): the segments `removeIds` give way to
 * `segments`, in one step that undo reverts exactly. Each new segment takes the speaker, agenda
 * item and tags of the removed segment it overlaps most, so the secretary's tagging survives.
 * Not accepted from clients: the server builds it from the engine's output.
 */
export const replacePassageSchema = z.strictObject({
  type: z.literal('replacePassage'),
  removeIds: z.array(idSchema).min(1).max(MAX_RANGE_IDS),
  segments: z
    .array(
      z.strictObject({
        id: idSchema,
        start: seconds,
        end: seconds,
        text: longText,
        /** The engine's confidence in each word of `text` (see storedSegmentSchema). */
        wordConfidence: storedSegmentSchema.shape.wordConfidence,
      }),
    )
    .min(1)
    .max(MAX_RANGE_IDS),
});
export type ReplacePassageEdit = z.infer<typeof replacePassageSchema>;

/**
 * A language model's draft of a summary (main/summaries/): added as a draft, or replacing the
 * draft of the same intervention, point, opening or closing; refused (summary.alreadyChecked)
 * where the secretary has written or accepted one meanwhile. Not accepted from clients.
 */
export const draftSummarySchema = z.strictObject({
  type: z.literal('draftSummary'),
  /** Filled in by applyEdit when absent, so that the journal replays the same id. */
  summaryId: idSchema.optional(),
  ...summaryFields,
  model: line,
});
export type DraftSummaryEdit = z.infer<typeof draftSummarySchema>;

/** Any command the journal may hold. */
export const journalEditSchema = z.discriminatedUnion('type', [...userEdits, restoreSchema, replacePassageSchema, draftSummarySchema]);
export type Edit = z.infer<typeof journalEditSchema>;
/** One kind of command: EditOf<'setText'>. */
export type EditOf<T extends Edit['type']> = Extract<Edit, { type: T }>;

export interface ListPatch<T> {
  replace: T[];
  remove: string[];
  insert: { index: number; item: T }[];
}

export interface EditOutcome {
  meeting: Meeting;
  /** The command as applied, with generated ids filled in (what the journal keeps). */
  edit: Edit;
  /** Applied to `meeting`, gives back the meeting it was made on. */
  inverse: RestoreEdit;
  /** Applied to the meeting it was made on, gives `meeting` (what the UI patches its copy with). */
  forward: RestoreEdit;
  /** False when the command changed nothing (same text, same speaker...): nothing to journal. */
  changed: boolean;
}
