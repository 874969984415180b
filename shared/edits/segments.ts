// The commands on the transcript's segments: text, times, speaker, agenda point, split, merge,
// search and replace.
//
// A segment's `wordConfidence` (one value per word, the engine's) describes the engine's text:
// a command that changes the words drops it (setText, replaceText); split and merge keep it
// where the words stay the engine's and still line up one to one, and drop it otherwise.
import { LIMITS, type Meeting, type Segment } from '../domain.ts';
import { MahdarError } from '../errors.ts';
import { replaceMatches } from '../text/find.ts';
import { checkSegmentIds, freshId, resolveRange, segmentIndex } from './checks.ts';
import { withAt, type Lists, type Step } from './lists.ts';
import type { EditOf } from './schemas.ts';
import { remapSummaries } from './summaries.ts';

export const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The segment's word confidences when they still give one value per word of its text. */
export function confidenceOf(s: Segment): number[] | null {
  return s.wordConfidence && s.wordConfidence.length === wordsOf(s.text).length ? s.wordConfidence : null;
}

/** The segment without word confidences (no key at all, so an undo gives back the same object shape). */
export function withoutConfidence(s: Segment): Segment {
  if (!('wordConfidence' in s)) return s;
  const { wordConfidence: _dropped, ...rest } = s;
  return rest;
}


export function setText(m: Meeting, edit: EditOf<'setText'>): Partial<Lists> {
  const i = segmentIndex(m, edit.segmentId);
  const seg = m.segments[i]!;
  if (seg.text === edit.text) return {};
  return { segments: withAt(m.segments, i, { ...withoutConfidence(seg), text: edit.text, edited: true }) };
}

export function setTimes(m: Meeting, edit: EditOf<'setTimes'>): Partial<Lists> {
  if (edit.start > edit.end) throw new MahdarError('edit.badTimes');
  const i = segmentIndex(m, edit.segmentId);
  return { segments: withAt(m.segments, i, { ...m.segments[i]!, start: edit.start, end: edit.end }) };
}

export function assignSpeaker(m: Meeting, edit: EditOf<'assignSpeaker'>): Partial<Lists> {
  if (edit.speakerId !== null && !m.participants.some((p) => p.id === edit.speakerId)) throw new MahdarError('edit.unknownSpeaker');
  const ids = resolveRange(m, edit.range);
  return { segments: m.segments.map((s) => (ids.has(s.id) && s.speakerId !== edit.speakerId ? { ...s, speakerId: edit.speakerId } : s)) };
}

export function setAgendaItem(m: Meeting, edit: EditOf<'setAgendaItem'>): Partial<Lists> {
  if (edit.agendaItemId !== null && !m.agenda.some((a) => a.id === edit.agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
  const ids = resolveRange(m, edit.range);
  const segments = m.segments.map((s) =>
    ids.has(s.id) && (s.agendaItemId ?? null) !== edit.agendaItemId ? { ...s, agendaItemId: edit.agendaItemId } : s,
  );
  return { segments };
}

export function splitSegment(m: Meeting, edit: EditOf<'splitSegment'>): Step {
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
  const summaries = remapSummaries(m, (id) => (id === seg.id ? [seg.id, newSegmentId] : undefined));
  return { lists: { segments, decisions, ...summaries }, applied: { ...edit, newSegmentId } };
}

export function mergeSegments(m: Meeting, segmentId: string): Partial<Lists> {
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
  return { segments, decisions, ...remapSummaries(m, (id) => (id === b.id ? [a.id] : undefined)) };
}

export function replaceText(m: Meeting, edit: EditOf<'replaceText'>): Partial<Lists> {
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
