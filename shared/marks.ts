// Live marks become the transcript's structure: the floor marks give each segment its speaker, the
// agenda marks its agenda item, and each decision mark a draft decision linked to the passage
// around it. A pure function of the meeting, run as the edit command `applyMarks`
// (shared/edits.ts) so that it is journaled and undone like any other edit; it is deterministic
// (the draft decisions' ids come from their marks' ids) because the journal replays it.
import { LIMITS, type Decision, type Mark, type Meeting, type Segment } from './domain.ts';

/**
 * The passage a decision mark draws its draft from, in seconds around the mark. The secretary taps
 * while the decision is being stated, so more of it follows the tap than precedes it.
 */
export const DECISION_WINDOW = { before: 10, after: 30 } as const;

export interface ApplyMarksOptions {
  /** Replace speakers and agenda items already set; by default only empty ones are filled. */
  overwrite?: boolean;
}

type MarkLists = Pick<Meeting, 'segments' | 'decisions'> & { marks: Mark[] };

/** Marks sorted by time, equal times kept in the order they were made. */
function byTime(marks: readonly Mark[], kind: Mark['kind']): Mark[] {
  return marks
    .map((m, i) => ({ m, i }))
    .filter((x) => x.m.kind === kind)
    .sort((a, b) => a.m.at - b.m.at || a.i - b.i)
    .map((x) => x.m);
}

/** The last mark at or before `t` (marks sorted by time), or null. */
function lastAtOrBefore(sorted: readonly Mark[], t: number): Mark | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]! : null;
}

const midpoint = (s: Pick<Segment, 'start' | 'end'>) => (s.start + Math.max(s.start, s.end)) / 2;

/**
 * The meeting's segments, decisions and marks with the marks applied. Unchanged items are the same
 * objects (so the edit's diff is small). A mark naming a participant or agenda item that no longer
 * exists stops the previous mark's effect without assigning anyone.
 */
export function applyMarks(meeting: Meeting, opts: ApplyMarksOptions = {}): MarkLists {
  const marks = meeting.marks ?? [];
  const participants = new Set(meeting.participants.map((p) => p.id));
  const agenda = new Set(meeting.agenda.map((a) => a.id));
  const floor = byTime(marks, 'floor');
  const items = byTime(marks, 'agenda');

  const segments = meeting.segments.map((s) => {
    const t = midpoint(s);
    let next = s;
    const f = lastAtOrBefore(floor, t);
    const speakerId = f?.participantId && participants.has(f.participantId) ? f.participantId : null;
    if (speakerId && speakerId !== s.speakerId && (opts.overwrite || s.speakerId === null)) next = { ...next, speakerId };
    const a = lastAtOrBefore(items, t);
    const agendaItemId = a?.agendaItemId && agenda.has(a.agendaItemId) ? a.agendaItemId : null;
    if (agendaItemId && agendaItemId !== s.agendaItemId && (opts.overwrite || s.agendaItemId == null)) next = { ...next, agendaItemId };
    return next;
  });

  const decisions: Decision[] = meeting.decisions.slice();
  const taken = new Set(decisions.map((d) => d.id));
  const inTimeOrder = segments
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.start - y.s.start || x.i - y.i)
    .map((x) => x.s);
  const outMarks = marks.map((mark) => {
    // A mark already turned into a draft is not turned again, even if the draft was deleted since.
    if (mark.kind !== 'decision' || mark.decisionId) return mark;
    if (decisions.length >= LIMITS.decisions) return mark;
    const from = mark.at - DECISION_WINDOW.before;
    const to = mark.at + DECISION_WINDOW.after;
    const passage = inTimeOrder.filter((s) => Math.max(s.start, s.end) > from && s.start < to && s.text.trim());
    // No transcript there yet: the mark waits for one.
    if (!passage.length) return mark;
    const id = decisionIdFor(mark.id, taken);
    taken.add(id);
    decisions.push({
      id,
      kind: 'decision',
      text: mark.text || passage.map((s) => s.text.trim()).join(' ').slice(0, LIMITS.longText),
      segmentIds: passage.slice(0, 1000).map((s) => s.id),
      owner: '',
      deadline: '',
      vote: null,
    });
    return { ...mark, decisionId: id };
  });

  return { segments, decisions: decisions.length === meeting.decisions.length ? meeting.decisions : decisions, marks: outMarks };
}

/** `d-<mark id>`, or with a number after it if that id is taken: the same on every replay. */
function decisionIdFor(markId: string, taken: ReadonlySet<string>): string {
  const base = `d-${markId}`.slice(0, 58);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
