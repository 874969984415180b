// Live marks become the transcript's structure: the floor marks give each segment its speaker, the
// agenda marks its agenda item, and each decision mark a draft decision linked to the passage
// around it. A pure function of the meeting, run as the edit command `applyMarks`
// (shared/edits.ts) so that it is journaled and undone like any other edit; it is deterministic
// (the draft decisions' ids come from their marks' ids) because the journal replays it.
import { LIMITS, type Decision, type Mark, type Meeting, type Segment } from './domain.ts';

/**
 * The passage a decision mark draws its draft from, in seconds around the mark, at most. The
 * secretary taps while the decision is being stated, so more of it follows the tap than precedes
 * it. Within it, the passage is cut to the current turn (see decisionSpan).
 */
export const DECISION_WINDOW = { before: 10, after: 30 } as const;

/**
 * How far back (seconds) a floor or agenda mark may move to the pause before it. The secretary
 * presses after hearing the new voice, 0.3 to 2 s into the turn; 3 s covers that without reaching
 * back across a whole sentence of the previous speaker.
 */
export const SNAP_BACK = 3;
/** A gap between two segments at least this long (seconds) is a pause where the floor can change. */
export const MIN_PAUSE = 0.3;

export interface ApplyMarksOptions {
  /** Replace speakers and agenda items already set; by default only empty ones are filled. */
  overwrite?: boolean;
}

type MarkLists = Pick<Meeting, 'segments' | 'decisions'> & { marks: Mark[] };

/** A mark with the time it takes effect from (its own time, or the pause it snapped to). */
interface Placed {
  mark: Mark;
  at: number;
}

/** The segments that hold speech, in time order, each knowing whether a pause comes before it. */
interface Spoken {
  start: number;
  end: number;
  afterPause: boolean;
}

function spokenTimeline(segments: readonly Segment[]): Spoken[] {
  const sorted = segments.filter((s) => s.text.trim()).sort((a, b) => a.start - b.start);
  let heardUntil = -Infinity;
  return sorted.map((s) => {
    const end = Math.max(s.start, s.end);
    const out = { start: s.start, end, afterPause: s.start - heardUntil >= MIN_PAUSE };
    heardUntil = Math.max(heardUntil, end);
    return out;
  });
}

/**
 * Where a floor or agenda mark takes effect. A press follows the voice it marks, so a mark that
 * falls inside speech moves back to the start of the latest segment that follows a pause (where a
 * new voice can begin) no more than SNAP_BACK earlier; if none follows a pause (segments tiled with
 * no gap), to the latest segment start in that reach. A mark that falls in a silence already
 * precedes the next voice and stays; so does one whose segment began too long before it (the engine
 * did not split at the change, and moving back would give the previous speaker's words away).
 */
function snapToPause(at: number, timeline: readonly Spoken[]): number {
  if (!timeline.some((s) => s.start <= at && at < s.end)) return at;
  const reach = timeline.filter((s) => s.start <= at && s.start >= at - SNAP_BACK);
  const paused = reach.filter((s) => s.afterPause);
  const chosen = (paused.length ? paused : reach).at(-1);
  return chosen ? chosen.start : at;
}

/**
 * Marks of one kind in the order they were tapped (by time, equal times in the order made), each
 * placed at its pause. A mark never moves before the one tapped ahead of it, so the later tap wins
 * where two snap to the same place (a correction).
 */
function placed(marks: readonly Mark[], kind: 'floor' | 'agenda', timeline: readonly Spoken[]): Placed[] {
  let notBefore = -Infinity;
  return marks
    .map((m, i) => ({ m, i }))
    .filter((x) => x.m.kind === kind)
    .sort((a, b) => a.m.at - b.m.at || a.i - b.i)
    .map(({ m }) => {
      notBefore = Math.max(notBefore, snapToPause(m.at, timeline));
      return { mark: m, at: notBefore };
    });
}

/** The last placed mark at or before `t` (sorted by time), or null. */
function lastAtOrBefore(sorted: readonly Placed[], t: number): Mark | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]!.mark : null;
}

const midpoint = (s: Pick<Segment, 'start' | 'end'>) => (s.start + Math.max(s.start, s.end)) / 2;

/**
 * The span a decision mark drafts from: the current turn, i.e. from the last floor or agenda mark
 * before it to the next one after it, never wider than DECISION_WINDOW, and without the passages
 * of the decision marks tapped before and after it in the same turn (the segment each was tapped
 * in is its own). The secretary taps D during the speaker's statement; the next floor or agenda
 * mark is where someone else speaks or the meeting moves on.
 */
function decisionSpan(mark: Mark, turnBounds: readonly number[], decisionMarks: readonly Mark[], timeline: readonly Spoken[]) {
  let from = mark.at - DECISION_WINDOW.before;
  let to = mark.at + DECISION_WINDOW.after;
  const heldIn = (t: number) => timeline.find((s) => s.start <= t && t < s.end);
  const bounds = turnBounds.map((t) => ({ low: t, high: t }));
  for (const d of decisionMarks) {
    if (d.at !== mark.at) bounds.push({ low: heldIn(d.at)?.end ?? d.at, high: heldIn(d.at)?.start ?? d.at });
  }
  for (const { low, high } of bounds) {
    if (low <= mark.at && low > from) from = low;
    if (high > mark.at && high < to) to = high;
  }
  return { from, to };
}

/** Segments with text whose middle lies in the span, or that hold the mark itself, in time order. */
function passageOf(inTimeOrder: readonly Segment[], at: number, span: { from: number; to: number }): Segment[] {
  return inTimeOrder.filter((s) => {
    if (!s.text.trim()) return false;
    const mid = midpoint(s);
    return (mid >= span.from && mid < span.to) || (s.start <= at && at < Math.max(s.start, s.end));
  });
}

/**
 * The meeting's segments, decisions and marks with the marks applied. Unchanged items are the same
 * objects (so the edit's diff is small). A mark naming a participant or agenda item that no longer
 * exists stops the previous mark's effect without assigning anyone. Speech before the first agenda
 * mark (the chair's opening words) goes under the first agenda item, not under no item at all.
 */
export function applyMarks(meeting: Meeting, opts: ApplyMarksOptions = {}): MarkLists {
  const marks = meeting.marks ?? [];
  const participants = new Set(meeting.participants.map((p) => p.id));
  const agenda = new Set(meeting.agenda.map((a) => a.id));
  const timeline = spokenTimeline(meeting.segments);
  const floor = placed(marks, 'floor', timeline);
  const items = placed(marks, 'agenda', timeline);
  const firstItem = items.length ? (meeting.agenda[0]?.id ?? null) : null;

  const segments = meeting.segments.map((s) => {
    const t = midpoint(s);
    let next = s;
    const f = lastAtOrBefore(floor, t);
    const speakerId = f?.participantId && participants.has(f.participantId) ? f.participantId : null;
    if (speakerId && speakerId !== s.speakerId && (opts.overwrite || s.speakerId === null)) next = { ...next, speakerId };
    const a = lastAtOrBefore(items, t);
    const agendaItemId = a ? (a.agendaItemId && agenda.has(a.agendaItemId) ? a.agendaItemId : null) : firstItem;
    if (agendaItemId && agendaItemId !== s.agendaItemId && (opts.overwrite || s.agendaItemId == null)) next = { ...next, agendaItemId };
    return next;
  });

  const decisions: Decision[] = meeting.decisions.slice();
  const taken = new Set(decisions.map((d) => d.id));
  const inTimeOrder = segments
    .map((s, i) => ({ s, i }))
    .sort((x, y) => x.s.start - y.s.start || x.i - y.i)
    .map((x) => x.s);
  const turnBounds = [...floor, ...items].map((p) => p.at);
  const decisionMarks = marks.filter((k) => k.kind === 'decision');
  const outMarks = marks.map((mark) => {
    // A mark already turned into a draft is not turned again, even if the draft was deleted since.
    if (mark.kind !== 'decision' || mark.decisionId) return mark;
    if (decisions.length >= LIMITS.decisions) return mark;
    const passage = passageOf(inTimeOrder, mark.at, decisionSpan(mark, turnBounds, decisionMarks, timeline));
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
