// The interventions of a meeting as the minutes group them: under each agenda point (once
// passages carry one), the runs of consecutive passages of one speaker. The minutes' proceedings,
// the summaries and the drafting job all read this one grouping.
import type { Meeting, Segment } from '../domain.ts';

export interface Intervention {
  /** Its first passage's id: stable while that passage stays first. */
  key: string;
  speakerId: string | null;
  /** The agenda point, or null (other business, or a meeting whose passages carry no point). */
  agendaItemId: string | null;
  /** Its passages with text, in time order. */
  segments: Segment[];
}

export interface PointInterventions {
  /** null: the passages given no point ("other business"), or all of them when none carries one. */
  agendaItemId: string | null;
  interventions: Intervention[];
}

export interface MeetingInterventions {
  /** True once some passage carries an agenda point: the minutes then print point by point. */
  byPoint: boolean;
  /**
   * byPoint: every agenda point with a title, in agenda order, even one nobody spoke on, then the
   * passages given no point when there are any. Otherwise one entry (agendaItemId null) with all.
   */
  points: PointInterventions[];
}

/** Consecutive segments of the same speaker, in time order, empty ones left out. */
export function groupInterventions(segments: readonly Segment[], agendaItemId: string | null = null): Intervention[] {
  const ordered = segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.text.trim() !== '')
    .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
    .map(({ s }) => s);
  const groups: Intervention[] = [];
  for (const seg of ordered) {
    const last = groups[groups.length - 1];
    if (last && last.speakerId === seg.speakerId) last.segments.push(seg);
    else groups.push({ key: seg.id, speakerId: seg.speakerId, agendaItemId, segments: [seg] });
  }
  return groups;
}

/** The agenda items the minutes number: those with a title. */
export function agendaPoints(m: Pick<Meeting, 'agenda'>): Meeting['agenda'] {
  return m.agenda.filter((a) => a.title.trim() !== '');
}

export function meetingInterventions(m: Pick<Meeting, 'agenda' | 'segments'>): MeetingInterventions {
  const spoken = m.segments.filter((s) => s.text.trim() !== '');
  const points = agendaPoints(m);
  const pointIds = new Set(points.map((a) => a.id));
  const pointOf = (s: Segment) => (s.agendaItemId && pointIds.has(s.agendaItemId) ? s.agendaItemId : null);
  if (!spoken.some((s) => pointOf(s) !== null)) return { byPoint: false, points: [{ agendaItemId: null, interventions: groupInterventions(spoken) }] };
  const out: PointInterventions[] = points.map((a) => ({ agendaItemId: a.id, interventions: groupInterventions(spoken.filter((s) => pointOf(s) === a.id), a.id) }));
  const rest = groupInterventions(spoken.filter((s) => pointOf(s) === null));
  if (rest.length) out.push({ agendaItemId: null, interventions: rest });
  return { byPoint: true, points: out };
}

/** Every intervention, point after point. */
export function allInterventions(m: Pick<Meeting, 'agenda' | 'segments'>): Intervention[] {
  return meetingInterventions(m).points.flatMap((p) => p.interventions);
}
