// replacePassage: a passage re-transcribed replaces the segments it covered; the new segments
// take the speaker, tags and agenda point of the old segment they overlap most, and decisions
// drawn from the old segments are drawn from the new ones that cover them.
import type { Meeting, Segment } from '../domain.ts';
import { LIMITS } from '../domain.ts';
import { MahdarError } from '../errors.ts';
import { checkSegmentIds } from './checks.ts';
import type { Lists } from './lists.ts';
import type { ReplacePassageEdit } from './schemas.ts';
import { wordsOf } from './segments.ts';
import { remapSummaries } from './summaries.ts';

export function replacePassage(m: Meeting, edit: ReplacePassageEdit): Partial<Lists> {
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
  return { segments, decisions, ...remapSummaries(m, (id) => replacing.get(id)) };
}
