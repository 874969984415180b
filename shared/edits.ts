// The review editor's commands: every change to the transcript, the decisions and the people
// on the fly is one small command, validated here and applied by a pure function. main/ runs it
// under the meeting's lock and journals it (main/archive/journal.ts); the UI may run the same
// function to show the result before the answer comes back.
//
// applyEdit returns, besides the new meeting, a `restore` command that undoes it exactly (the
// previous versions of the items it touched, where they stood) and one that redoes it. Undo and
// redo apply those, so they never depend on re-running a command against a changed meeting.
//
// A segment's `wordConfidence` (one value per word, the engine's) describes the engine's text:
// a command that changes the words drops it (setText, replaceText); split and merge keep it
// where the words stay the engine's and still line up one to one, and drop it otherwise.
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
  meetingIntegrityIssues,
  newId,
  participantSchema,
  signatorySchema,
  storedSegmentSchema,
  voteIssues,
  voteSchema,
  type Decision,
  type Mark,
  type Meeting,
  type Participant,
  type Segment,
} from './domain.ts';
import { MahdarError } from './errors.ts';
import { applyMarks } from './marks.ts';
import { replaceMatches } from './text/find.ts';

/** Most segments one command may name by id (a longer span is named {fromId, toId}). */
export const MAX_RANGE_IDS = 5_000;

const line = z.string().max(LIMITS.shortText).transform(cleanSingleLine);
const longText = z.string().max(LIMITS.longText).transform(cleanMultiLine);
const seconds = z.number().min(0).max(24 * 3600);

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
  /** The marks become speakers, agenda items and draft decisions (shared/marks.ts). */
  z.strictObject({ type: z.literal('applyMarks'), overwrite: z.boolean().default(false) }),
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

/** Any command the journal may hold. */
export const journalEditSchema = z.discriminatedUnion('type', [...userEdits, restoreSchema, replacePassageSchema]);
export type Edit = z.infer<typeof journalEditSchema>;

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

type Lists = Pick<Meeting, 'segments' | 'decisions' | 'participants'> & { marks: Mark[] };
const listKeys = ['segments', 'decisions', 'participants', 'marks'] as const;
/** A list of the meeting; `marks` is absent from meetings that never had one. */
const listOf = (m: Meeting, key: (typeof listKeys)[number]): { id: string }[] => m[key] ?? [];

/**
 * Applies one command to a meeting (which is not modified). Throws MahdarError on a reference
 * that does not resolve or a change that would make the meeting inconsistent. Does not touch
 * `version`, `status` or `updatedAt`: the caller owns those.
 */
export function applyEdit(meeting: Meeting, edit: Edit): EditOutcome {
  const { lists, applied } = run(meeting, edit);
  const next: Meeting = { ...meeting, ...lists };
  // No marks is no field, as in meetings that never had one: undoing the first mark gives them back exactly.
  if (lists.marks && !lists.marks.length) delete next.marks;
  const inverse: RestoreEdit = { type: 'restore' };
  const forward: RestoreEdit = { type: 'restore' };
  let changed = false;
  for (const key of listKeys) {
    const d = diffList<{ id: string }>(listOf(meeting, key), listOf(next, key));
    if (!d) continue;
    changed = true;
    (inverse as Record<string, unknown>)[key] = d.inverse;
    (forward as Record<string, unknown>)[key] = d.forward;
  }
  if (changed) checkConsistency(meeting, next, forward);
  return { meeting: changed ? next : meeting, edit: applied, inverse, forward, changed };
}

function run(m: Meeting, edit: Edit): { lists: Partial<Lists>; applied: Edit } {
  switch (edit.type) {
    case 'setText': {
      const i = segmentIndex(m, edit.segmentId);
      const seg = m.segments[i]!;
      if (seg.text === edit.text) return { lists: {}, applied: edit };
      return { lists: { segments: withAt(m.segments, i, { ...withoutConfidence(seg), text: edit.text, edited: true }) }, applied: edit };
    }
    case 'splitSegment':
      return splitSegment(m, edit);
    case 'mergeSegments':
      return { lists: mergeSegments(m, edit.segmentId), applied: edit };
    case 'setTimes': {
      if (edit.start > edit.end) throw new MahdarError('edit.badTimes');
      const i = segmentIndex(m, edit.segmentId);
      return { lists: { segments: withAt(m.segments, i, { ...m.segments[i]!, start: edit.start, end: edit.end }) }, applied: edit };
    }
    case 'assignSpeaker': {
      if (edit.speakerId !== null && !m.participants.some((p) => p.id === edit.speakerId)) throw new MahdarError('edit.unknownSpeaker');
      const ids = resolveRange(m, edit.range);
      const segments = m.segments.map((s) => (ids.has(s.id) && s.speakerId !== edit.speakerId ? { ...s, speakerId: edit.speakerId } : s));
      return { lists: { segments }, applied: edit };
    }
    case 'setAgendaItem': {
      if (edit.agendaItemId !== null && !m.agenda.some((a) => a.id === edit.agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
      const ids = resolveRange(m, edit.range);
      const segments = m.segments.map((s) =>
        ids.has(s.id) && (s.agendaItemId ?? null) !== edit.agendaItemId ? { ...s, agendaItemId: edit.agendaItemId } : s,
      );
      return { lists: { segments }, applied: edit };
    }
    case 'createDecision': {
      const id = edit.decision.id ?? freshId('d', m.decisions);
      if (m.decisions.some((d) => d.id === id)) throw new MahdarError('edit.duplicateId');
      checkSegmentIds(m, edit.decision.segmentIds);
      checkVoteAndSignatories(m, edit.decision);
      const decision = { ...edit.decision, id };
      return { lists: { decisions: [...m.decisions, decision] }, applied: { ...edit, decision } };
    }
    case 'updateDecision': {
      const i = m.decisions.findIndex((d) => d.id === edit.decisionId);
      if (i < 0) throw new MahdarError('edit.decisionNotFound');
      if (edit.changes.segmentIds) checkSegmentIds(m, edit.changes.segmentIds);
      checkVoteAndSignatories(m, edit.changes);
      const changes = Object.fromEntries(Object.entries(edit.changes).filter(([, v]) => v !== undefined));
      return { lists: { decisions: withAt(m.decisions, i, { ...m.decisions[i]!, ...changes }) }, applied: edit };
    }
    case 'deleteDecision': {
      if (!m.decisions.some((d) => d.id === edit.decisionId)) throw new MahdarError('edit.decisionNotFound');
      return { lists: { decisions: m.decisions.filter((d) => d.id !== edit.decisionId) }, applied: edit };
    }
    case 'addParticipant': {
      const id = edit.participant.id ?? freshId('p', m.participants);
      if (m.participants.some((p) => p.id === id)) throw new MahdarError('edit.duplicateId');
      if (!edit.participant.name.trim()) throw new MahdarError('validation', { detail: 'participant.name' });
      if (m.participants.length >= LIMITS.people) throw new MahdarError('validation', { detail: 'participants: too many' });
      const participant: Participant = { ...edit.participant, id };
      return { lists: { participants: [...m.participants, participant] }, applied: { ...edit, participant } };
    }
    case 'replaceText':
      return { lists: replaceText(m, edit), applied: edit };
    case 'addMark':
      return addMark(m, edit);
    case 'removeMark': {
      const marks = m.marks ?? [];
      if (!marks.some((k) => k.id === edit.markId)) throw new MahdarError('edit.markNotFound');
      return { lists: { marks: marks.filter((k) => k.id !== edit.markId) }, applied: edit };
    }
    case 'applyMarks':
      return { lists: applyMarks(m, { overwrite: edit.overwrite }), applied: edit };
    case 'restore':
      return { lists: applyRestore(m, edit), applied: edit };
    case 'replacePassage':
      return { lists: replacePassage(m, edit), applied: edit };
  }
}

function addMark(m: Meeting, edit: Extract<Edit, { type: 'addMark' }>): { lists: Partial<Lists>; applied: Edit } {
  const marks = m.marks ?? [];
  const { kind, participantId, agendaItemId } = edit.mark;
  // Each kind names exactly what it needs: a floor mark a participant, an agenda mark an item.
  if (kind === 'floor' ? !participantId || agendaItemId : kind === 'agenda' ? !agendaItemId || participantId : participantId || agendaItemId) {
    throw new MahdarError('validation', { detail: `mark: ${kind}` });
  }
  if (participantId && !m.participants.some((p) => p.id === participantId)) throw new MahdarError('edit.unknownSpeaker');
  if (agendaItemId && !m.agenda.some((a) => a.id === agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
  const id = edit.mark.id ?? freshId('k', marks);
  if (marks.some((k) => k.id === id)) throw new MahdarError('edit.duplicateId');
  if (marks.length >= LIMITS.marks) throw new MahdarError('validation', { detail: 'marks: too many' });
  const mark: Mark = { ...edit.mark, id };
  // Kept in time order (a tap sent late lands where it belongs), after marks of the same time.
  let i = marks.length;
  while (i > 0 && marks[i - 1]!.at > mark.at) i--;
  return { lists: { marks: [...marks.slice(0, i), mark, ...marks.slice(i)] }, applied: { ...edit, mark } };
}

function splitSegment(m: Meeting, edit: Extract<Edit, { type: 'splitSegment' }>): { lists: Partial<Lists>; applied: Edit } {
  const i = segmentIndex(m, edit.segmentId);
  const seg = m.segments[i]!;
  const len = seg.text.length;
  if (edit.at <= 0 || edit.at >= len) throw new MahdarError('edit.badSplit');
  const head = seg.text.slice(0, edit.at).trimEnd();
  const tail = seg.text.slice(edit.at).trimStart();
  if (!head || !tail) throw new MahdarError('edit.badSplit');
  let t: number;
  if (edit.time !== undefined) {
    if (!(edit.time > seg.start && edit.time < seg.end)) throw new MahdarError('edit.badSplit');
    t = edit.time;
  } else {
    // Segments from older files may end before they start: the cut then stays at the start.
    t = seg.start + Math.max(0, seg.end - seg.start) * (edit.at / len);
    t = Math.min(Math.max(Math.round(t * 1000) / 1000, seg.start), Math.max(seg.start, seg.end));
  }
  const newSegmentId = edit.newSegmentId ?? freshId('s', m.segments);
  if (m.segments.some((s) => s.id === newSegmentId)) throw new MahdarError('edit.duplicateId');
  if (m.segments.length >= LIMITS.segments) throw new MahdarError('validation', { detail: 'segments: too many' });
  const first: Segment = { ...withoutConfidence(seg), end: t, text: head };
  const second: Segment = { ...withoutConfidence(seg), id: newSegmentId, start: t, text: tail };
  // Cut between two words, each half keeps its words' confidences; a word cut in two has none.
  const ps = confidenceOf(seg);
  const nHead = wordsOf(head).length;
  if (ps && nHead + wordsOf(tail).length === ps.length) {
    first.wordConfidence = ps.slice(0, nHead);
    second.wordConfidence = ps.slice(nHead);
  }
  const segments = [...m.segments.slice(0, i), first, second, ...m.segments.slice(i + 1)];
  // A decision drawn from the passage is drawn from both halves.
  const decisions = m.decisions.map((d) => {
    const k = d.segmentIds.indexOf(seg.id);
    if (k < 0 || d.segmentIds.includes(newSegmentId) || d.segmentIds.length >= 1000) return d;
    return { ...d, segmentIds: [...d.segmentIds.slice(0, k + 1), newSegmentId, ...d.segmentIds.slice(k + 1)] };
  });
  return { lists: { segments, decisions }, applied: { ...edit, newSegmentId } };
}

function mergeSegments(m: Meeting, segmentId: string): Partial<Lists> {
  const i = segmentIndex(m, segmentId);
  const a = m.segments[i]!;
  // The next segment in time order (start, then position in the list for equal starts).
  let j = -1;
  m.segments.forEach((s, k) => {
    if (k === i) return;
    const after = s.start > a.start || (s.start === a.start && k > i);
    if (!after) return;
    const best = j >= 0 ? m.segments[j]! : null;
    if (!best || s.start < best.start || (s.start === best.start && k < j)) j = k;
  });
  if (j < 0) throw new MahdarError('edit.noNextSegment');
  const b = m.segments[j]!;
  const text = !a.text.trim() ? b.text : !b.text.trim() ? a.text : `${a.text.trimEnd()} ${b.text.trimStart()}`;
  if (text.length > LIMITS.longText) throw new MahdarError('validation', { detail: 'text: too long' });
  const merged: Segment = {
    ...withoutConfidence(a),
    end: Math.max(a.end, b.end),
    text,
    speakerId: a.speakerId ?? b.speakerId,
    tags: [...new Set([...a.tags, ...b.tags])].slice(0, LIMITS.tags),
    edited: a.edited || b.edited,
  };
  const agendaItemId = a.agendaItemId ?? b.agendaItemId;
  if (agendaItemId !== undefined) merged.agendaItemId = agendaItemId;
  // The merged text is a's words then b's: their confidences follow, when both have them.
  const pa = confidenceOf(a);
  const pb = confidenceOf(b);
  if (pa && pb) merged.wordConfidence = [...pa, ...pb];
  const segments = m.segments.flatMap((s, k) => (k === i ? [merged] : k === j ? [] : [s]));
  // Decisions that cited the second passage now cite the merged one.
  const decisions = m.decisions.map((d) => {
    if (!d.segmentIds.includes(b.id)) return d;
    const ids = [...new Set(d.segmentIds.map((id) => (id === b.id ? a.id : id)))];
    return { ...d, segmentIds: ids };
  });
  return { segments, decisions };
}

function replacePassage(m: Meeting, edit: ReplacePassageEdit): Partial<Lists> {
  const gone = new Set(edit.removeIds);
  if (gone.size !== edit.removeIds.length) throw new MahdarError('edit.duplicateId');
  checkSegmentIds(m, edit.removeIds);
  const known = new Set(m.segments.map((s) => s.id));
  const fresh = new Set<string>();
  for (const s of edit.segments) {
    if (known.has(s.id) || fresh.has(s.id)) throw new MahdarError('edit.duplicateId');
    fresh.add(s.id);
    if (s.start > s.end) throw new MahdarError('edit.badTimes');
  }
  if (m.segments.length - gone.size + edit.segments.length > LIMITS.segments) throw new MahdarError('validation', { detail: 'segments: too many' });
  const removed = m.segments.filter((s) => gone.has(s.id));
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const distance = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.abs(a.start + a.end - b.start - b.end);
  /** The item of `among` that overlaps `x` most; the nearest one when none overlaps (zero-length segments). */
  const best = <T extends { start: number; end: number }>(x: { start: number; end: number }, among: readonly T[]): T => {
    let pick = among[0]!;
    for (const y of among) {
      const dy = overlap(x, y);
      const dp = overlap(x, pick);
      if (dy > dp || (dy === dp && dp === 0 && distance(x, y) < distance(x, pick))) pick = y;
    }
    return pick;
  };
  const added: Segment[] = edit.segments.map((s) => {
    const from = best(s, removed);
    const seg: Segment = { id: s.id, start: s.start, end: s.end, text: s.text, speakerId: from.speakerId, tags: from.tags.slice(), edited: false };
    if (from.agendaItemId !== undefined) seg.agendaItemId = from.agendaItemId;
    if (s.wordConfidence && s.wordConfidence.length === wordsOf(s.text).length) seg.wordConfidence = s.wordConfidence.slice();
    return seg;
  });
  // The new passage stands where the first removed segment stood.
  const at = m.segments.findIndex((s) => gone.has(s.id));
  const kept = m.segments.filter((s) => !gone.has(s.id));
  const before = m.segments.slice(0, at).filter((s) => !gone.has(s.id)).length;
  const segments = [...kept.slice(0, before), ...added, ...kept.slice(before)];
  // A decision drawn from a removed segment is now drawn from the new segments that cover it.
  const replacing = new Map(
    removed.map((r) => {
      const covering = added.filter((a) => overlap(a, r) > 0);
      return [r.id, covering.length ? covering.map((a) => a.id) : [best(r, added).id]];
    }),
  );
  const decisions = m.decisions.map((d) => {
    if (!d.segmentIds.some((id) => gone.has(id))) return d;
    const ids = [...new Set(d.segmentIds.flatMap((id) => replacing.get(id) ?? [id]))].slice(0, 1000);
    return { ...d, segmentIds: ids };
  });
  return { segments, decisions };
}

function replaceText(m: Meeting, edit: Extract<Edit, { type: 'replaceText' }>): Partial<Lists> {
  const scope = edit.segmentIds ? new Set(edit.segmentIds) : null;
  if (scope) checkSegmentIds(m, [...scope]);
  const opts = { arabicAware: edit.arabicAware, wholeWord: edit.wholeWord };
  let total = 0;
  const segments = m.segments.map((s) => {
    if (scope && !scope.has(s.id)) return s;
    const r = replaceMatches(s.text, edit.find, edit.replace, opts);
    if (r.count === 0) return s;
    if (r.text.length > LIMITS.longText) throw new MahdarError('validation', { detail: 'text: too long' });
    total += r.count;
    return { ...withoutConfidence(s), text: r.text, edited: true };
  });
  if (total === 0) throw new MahdarError('edit.noMatch');
  return { segments };
}

/** Applies a restore patch: replace in place, then remove, then insert at ascending indexes. */
function applyRestore(m: Meeting, edit: RestoreEdit): Partial<Lists> {
  const out: Partial<Lists> = {};
  for (const key of listKeys) {
    const patch = edit[key] as ListPatch<{ id: string }> | undefined;
    if (!patch) continue;
    const missing = () =>
      new MahdarError(
        key === 'segments' ? 'edit.segmentNotFound' : key === 'decisions' ? 'edit.decisionNotFound' : key === 'marks' ? 'edit.markNotFound' : 'edit.unknownSpeaker',
      );
    let list: { id: string }[] = listOf(m, key).slice();
    const index = new Map(list.map((x, i) => [x.id, i]));
    for (const item of patch.replace) {
      const i = index.get(item.id);
      if (i === undefined) throw missing();
      list[i] = item;
    }
    if (patch.remove.length) {
      const gone = new Set(patch.remove);
      for (const id of gone) if (!index.has(id)) throw missing();
      list = list.filter((x) => !gone.has(x.id));
    }
    if (patch.insert.length) {
      const present = new Set(list.map((x) => x.id));
      const merged: { id: string }[] = [];
      let src = 0;
      for (const { index: at, item } of patch.insert) {
        if (present.has(item.id)) throw new MahdarError('edit.duplicateId');
        present.add(item.id);
        while (merged.length < at && src < list.length) merged.push(list[src++]!);
        if (merged.length !== at) throw missing();
        merged.push(item);
      }
      while (src < list.length) merged.push(list[src++]!);
      list = merged;
    }
    (out as Record<string, unknown>)[key] = list;
  }
  return out;
}

/**
 * The two patches between two versions of a list whose kept items stay in the same order (true of
 * every command here). Unchanged items are the same objects, so the comparison is by reference
 * first; a rebuilt but equal item is not a change.
 */
function diffList<T extends { id: string }>(before: readonly T[], after: readonly T[]): { forward: ListPatch<T>; inverse: ListPatch<T> } | null {
  if (before === after) return null;
  const forward: ListPatch<T> = { replace: [], remove: [], insert: [] };
  const inverse: ListPatch<T> = { replace: [], remove: [], insert: [] };
  const beforeIndex = new Map(before.map((x, i) => [x.id, i]));
  const afterIds = new Set<string>();
  after.forEach((x, i) => {
    afterIds.add(x.id);
    const j = beforeIndex.get(x.id);
    if (j === undefined) {
      forward.insert.push({ index: i, item: x });
      inverse.remove.push(x.id);
    } else if (before[j] !== x && !deepEqual(before[j], x)) {
      forward.replace.push(x);
      inverse.replace.push(before[j]!);
    }
  });
  before.forEach((x, j) => {
    if (afterIds.has(x.id)) return;
    forward.remove.push(x.id);
    inverse.insert.push({ index: j, item: x });
  });
  const empty = (p: ListPatch<T>) => !p.replace.length && !p.remove.length && !p.insert.length;
  return empty(forward) ? null : { forward, inverse };
}

/**
 * Refuses a result that breaks a reference (a speaker who is not a participant, a decision citing
 * a missing segment, an agenda item that does not exist, a segment ending before it starts).
 * Problems that were already there before the command (an old file) do not block unrelated edits.
 */
function checkConsistency(before: Meeting, after: Meeting, forward: RestoreEdit): void {
  const touched = [...(forward.segments?.replace ?? []), ...(forward.segments?.insert.map((x) => x.item) ?? [])];
  const agenda = new Set(after.agenda.map((a) => a.id));
  for (const s of touched) {
    if (s.end < s.start) throw new MahdarError('edit.badTimes');
    if (s.agendaItemId != null && !agenda.has(s.agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
  }
  const issues = meetingIntegrityIssues(after);
  if (!issues.length) return;
  const old = new Set(meetingIntegrityIssues(before).map((i) => i.message));
  const fresh = issues.find((i) => !old.has(i.message));
  if (fresh) throw new MahdarError('meeting.inconsistent', { detail: fresh.message.slice(0, 200) });
}

/**
 * A nominal vote and an agreement's signatories name present participants, each once, and a
 * nominal vote's counts are its numbers of names (the panel derives them; other clients are held
 * to it here, with a message that says which side does not add up).
 */
function checkVoteAndSignatories(m: Meeting, d: Partial<Pick<Decision, 'vote' | 'signatories'>>): void {
  const people = new Map(m.participants.map((p) => [p.id, p]));
  const nameOf = (id: string) => people.get(id)?.name.trim() || id;
  for (const issue of voteIssues(d.vote, new Set(people.keys()))) {
    if (issue.kind === 'countMismatch') throw new MahdarError('edit.voteCountMismatch', { side: issue.side, count: issue.count, names: issue.names });
    if (issue.kind === 'twice') throw new MahdarError('edit.voterTwice', { name: nameOf(issue.participantId) });
    throw new MahdarError('edit.unknownParticipant');
  }
  if (d.vote?.kind === 'counts' && d.vote.voters) {
    for (const id of [...d.vote.voters.for, ...d.vote.voters.against, ...d.vote.voters.abstain]) {
      // Someone recorded absent or excused did not vote: the minutes would contradict themselves.
      if ((people.get(id)?.attendance ?? 'present') !== 'present') throw new MahdarError('edit.voterAbsent', { name: nameOf(id) });
    }
  }
  const signing = new Set<string>();
  for (const s of d.signatories ?? []) {
    if (!people.has(s.participantId)) throw new MahdarError('edit.unknownParticipant');
    if (signing.has(s.participantId)) throw new MahdarError('edit.signatoryTwice', { name: nameOf(s.participantId) });
    signing.add(s.participantId);
  }
}

function resolveRange(m: Meeting, range: SegmentRange): Set<string> {
  if ('ids' in range) {
    checkSegmentIds(m, range.ids);
    return new Set(range.ids);
  }
  const order = m.segments.map((s, k) => ({ s, k })).sort((x, y) => x.s.start - y.s.start || x.k - y.k);
  let from = order.findIndex((x) => x.s.id === range.fromId);
  let to = order.findIndex((x) => x.s.id === range.toId);
  if (from < 0 || to < 0) throw new MahdarError('edit.segmentNotFound');
  if (from > to) [from, to] = [to, from];
  return new Set(order.slice(from, to + 1).map((x) => x.s.id));
}

function segmentIndex(m: Meeting, id: string): number {
  const i = m.segments.findIndex((s) => s.id === id);
  if (i < 0) throw new MahdarError('edit.segmentNotFound');
  return i;
}

function checkSegmentIds(m: Meeting, ids: readonly string[]): void {
  const known = new Set(m.segments.map((s) => s.id));
  if (ids.some((id) => !known.has(id))) throw new MahdarError('edit.segmentNotFound');
}

function freshId(prefix: string, list: readonly { id: string }[]): string {
  for (;;) {
    const id = newId(prefix);
    if (!list.some((x) => x.id === id)) return id;
  }
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The segment's word confidences when they still give one value per word of its text. */
function confidenceOf(s: Segment): number[] | null {
  return s.wordConfidence && s.wordConfidence.length === wordsOf(s.text).length ? s.wordConfidence : null;
}

/** The segment without word confidences (no key at all, so an undo gives back the same object shape). */
function withoutConfidence(s: Segment): Segment {
  if (!('wordConfidence' in s)) return s;
  const { wordConfidence: _dropped, ...rest } = s;
  return rest;
}

function withAt<T>(list: readonly T[], i: number, item: T): T[] {
  const copy = list.slice();
  copy[i] = item;
  return copy;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether a restore patch is empty (nothing to undo or redo). */
export function isEmptyRestore(r: RestoreEdit): boolean {
  return !listKeys.some((k) => r[k]);
}

/** What an edit, an undo or a redo answers. */
export interface EditResult {
  /** The meeting's version now: the base for the next command. */
  version: number;
  /** Applied (applyEdit) to the client's copy at the version it sent, gives the meeting now. */
  changes: RestoreEdit;
  canUndo: boolean;
  canRedo: boolean;
}

/** Where a meeting's edit history stands (the editor's undo/redo buttons on opening). */
export interface EditState {
  version: number;
  canUndo: boolean;
  canRedo: boolean;
}

const baseVersion = z.number().int().min(0);
/** Inputs of the edit commands, to spread into apiInputs (shared/api.ts). */
export const editApiInputs = {
  applyEdit: z.strictObject({ meetingId: idSchema, baseVersion, edit: editSchema }),
  undoEdit: z.strictObject({ meetingId: idSchema, baseVersion }),
  redoEdit: z.strictObject({ meetingId: idSchema, baseVersion }),
  getEditState: z.strictObject({ meetingId: idSchema }),
} as const;

/** Outputs of the edit commands, to add to ApiOutputs (shared/api.ts). */
export interface EditApiOutputs {
  applyEdit: EditResult;
  undoEdit: EditResult;
  redoEdit: EditResult;
  getEditState: EditState;
}
