// The commands on the minutes' summaries (shared/domain/summary.ts): the secretary writes,
// accepts or rejects one; a language model adds drafts. Every write records the fingerprint of
// the passages as they are now, so a later change to them shows the summary as "to check".
import { LIMITS, type Meeting, type Summary } from '../domain.ts';
import { MahdarError } from '../errors.ts';
import { fingerprintOf } from '../summaries/fingerprint.ts';
import { checkSegmentIds, freshId } from './checks.ts';
import { withAt, type Lists, type Step } from './lists.ts';
import type { DraftSummaryEdit, EditOf } from './schemas.ts';

const summariesOf = (m: Meeting): Summary[] => m.summaries ?? [];

/** The passages in time order, and their fingerprint now. */
function passages(m: Meeting, ids: readonly string[]): { segmentIds: string[]; basis: string } {
  checkSegmentIds(m, ids);
  const wanted = new Set(ids);
  const segmentIds = m.segments
    .filter((s) => wanted.has(s.id))
    .sort((a, b) => a.start - b.start)
    .map((s) => s.id);
  return { segmentIds, basis: fingerprintOf(m.segments, segmentIds) };
}

/** The fields each kind carries: an agenda point for a point summary only, passages for interventions and points. */
function shapeOf(m: Meeting, kind: Summary['kind'], segmentIds: readonly string[], agendaItemId: string | null | undefined) {
  if (kind === 'opening' || kind === 'closing') {
    if (segmentIds.length || agendaItemId !== undefined) throw new MahdarError('validation', { detail: `summary: ${kind}` });
    return { segmentIds: [], basis: fingerprintOf([], []) };
  }
  if (kind === 'intervention' && (!segmentIds.length || agendaItemId !== undefined)) throw new MahdarError('validation', { detail: 'summary: intervention' });
  if (kind === 'point') {
    if (agendaItemId === undefined) throw new MahdarError('validation', { detail: 'summary: point' });
    if (agendaItemId !== null && !m.agenda.some((a) => a.id === agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
    return { ...passages(m, segmentIds), agendaItemId };
  }
  return passages(m, segmentIds);
}

function indexOf(m: Meeting, id: string): number {
  const i = summariesOf(m).findIndex((s) => s.id === id);
  if (i < 0) throw new MahdarError('edit.summaryNotFound');
  return i;
}

/** One summary of the meeting that the opening, closing or a point's summary replaces rather than doubles. */
function sameSlot(list: readonly Summary[], kind: Summary['kind'], agendaItemId: string | null | undefined, segmentIds: readonly string[]): number {
  if (kind === 'opening' || kind === 'closing') return list.findIndex((s) => s.kind === kind);
  if (kind === 'point') return list.findIndex((s) => s.kind === 'point' && (s.agendaItemId ?? null) === agendaItemId);
  const ids = new Set(segmentIds);
  return list.findIndex((s) => s.kind === 'intervention' && s.segmentIds.some((id) => ids.has(id)));
}

export function writeSummary(m: Meeting, edit: EditOf<'writeSummary'>): Step {
  const list = summariesOf(m);
  const shape = shapeOf(m, edit.kind, edit.segmentIds, edit.agendaItemId);
  if (edit.summaryId && list.some((s) => s.id === edit.summaryId)) {
    const i = indexOf(m, edit.summaryId);
    const old = list[i]!;
    if (old.kind !== edit.kind) throw new MahdarError('validation', { detail: 'summary: kind' });
    const source = old.text === edit.text ? old.source : 'secretary';
    const next: Summary = { ...old, ...shape, text: edit.text, state: 'checked', source };
    if (source === 'secretary') delete next.model;
    return { lists: { summaries: withAt(list, i, next) }, applied: edit };
  }
  // A second opening (or closing, or summary of the same point) would print twice: refused, the client changes the one there is.
  if (edit.kind !== 'intervention' && sameSlot(list, edit.kind, edit.agendaItemId, []) >= 0) throw new MahdarError('edit.duplicateId');
  if (list.length >= LIMITS.summaries) throw new MahdarError('validation', { detail: 'summaries: too many' });
  const id = edit.summaryId ?? freshId('m', list);
  const summary: Summary = { id, kind: edit.kind, ...shape, text: edit.text, state: 'checked', source: 'secretary' };
  return { lists: { summaries: [...list, summary] }, applied: { ...edit, summaryId: id } };
}

export function acceptSummary(m: Meeting, edit: EditOf<'acceptSummary'>): Partial<Lists> {
  const list = summariesOf(m);
  const i = indexOf(m, edit.summaryId);
  const old = list[i]!;
  const shape = shapeOf(m, old.kind, edit.segmentIds ?? old.segmentIds.filter((id) => m.segments.some((s) => s.id === id)), old.agendaItemId);
  return { summaries: withAt(list, i, { ...old, ...shape, state: 'checked' }) };
}

export function deleteSummary(m: Meeting, edit: EditOf<'deleteSummary'>): Partial<Lists> {
  indexOf(m, edit.summaryId);
  return { summaries: summariesOf(m).filter((s) => s.id !== edit.summaryId) };
}

export function draftSummary(m: Meeting, edit: DraftSummaryEdit): Step {
  const list = summariesOf(m);
  const shape = shapeOf(m, edit.kind, edit.segmentIds, edit.agendaItemId);
  const i = sameSlot(list, edit.kind, edit.agendaItemId, shape.segmentIds);
  const base = { kind: edit.kind, ...shape, text: edit.text, state: 'draft' as const, source: 'model' as const, model: edit.model };
  if (i >= 0) {
    const old = list[i]!;
    if (old.state === 'checked') throw new MahdarError('summary.alreadyChecked');
    return { lists: { summaries: withAt(list, i, { id: old.id, ...base }) }, applied: { ...edit, summaryId: old.id } };
  }
  if (list.length >= LIMITS.summaries) throw new MahdarError('validation', { detail: 'summaries: too many' });
  const id = edit.summaryId ?? freshId('m', list);
  return { lists: { summaries: [...list, { id, ...base }] }, applied: { ...edit, summaryId: id } };
}

/**
 * Passages that give way to others (a split, a merge, a passage transcribed again): the summaries
 * that covered them cover their replacements. `replacement` gives, for a removed or split id,
 * the ids that take its place (itself included when it stays).
 */
export function remapSummaries(m: Meeting, replacement: (id: string) => readonly string[] | undefined): Partial<Lists> {
  const list = m.summaries;
  if (!list?.length) return {};
  let changed = false;
  const summaries = list.map((s) => {
    if (!s.segmentIds.some((id) => replacement(id))) return s;
    changed = true;
    const ids = [...new Set(s.segmentIds.flatMap((id) => replacement(id) ?? [id]))].slice(0, LIMITS.segments);
    return { ...s, segmentIds: ids };
  });
  return changed ? { summaries } : {};
}
