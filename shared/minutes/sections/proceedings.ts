// The agenda, then the proceedings intervention by intervention, word for word (verbatim
// minutes, and the annex of summary minutes); grouped by agenda point once passages carry one.
import type { Participant } from '../../domain.ts';
import { agendaPoints, meetingInterventions, type Intervention } from '../../summaries/interventions.ts';
import { clean, note, section, type MinutesContext } from '../context.ts';
import type { MinutesBlock, MinutesSection } from '../model.ts';
import { personOf } from '../people.ts';

export function agendaSection({ meeting, L }: MinutesContext): MinutesSection {
  const agenda = meeting.agenda.map((a) => clean(a.title)).filter(Boolean);
  return section('agenda', L.headings.agenda, [agenda.length ? { kind: 'list', ordered: true, items: agenda } : note(L.noAgenda)]);
}

/** The intervention's speaker; a participant without a name counts as unidentified, not "تدخل السيد :". */
export function speakerOf({ people }: MinutesContext, iv: Intervention): Participant | undefined {
  const found = iv.speakerId ? people.get(iv.speakerId) : undefined;
  return found?.name.trim() ? found : undefined;
}

function interventionBlock(c: MinutesContext, iv: Intervention): MinutesBlock {
  const { L } = c;
  const g = iv.segments;
  const p = speakerOf(c, iv);
  const text = clean(g.map((s) => s.text).join('\n').replace(/\n(?!\n)/g, ' '));
  return {
    kind: 'intervention',
    heading: p ? L.intervention(personOf(p, L), p.gender) : L.unknownSpeakerIntervention,
    paragraphs: text ? [text] : [],
    speakerId: p ? p.id : null,
    segmentIds: g.map((s) => s.id),
    start: g[0]!.start,
    end: g[g.length - 1]!.end,
  };
}

interface PointOf {
  agendaItemId: string | null;
  interventions: readonly unknown[];
}

/**
 * What `blocksOf` prints for each point, under its heading. Every point of the agenda, in its
 * order, even one nobody spoke on: the signing official sees that it was on the agenda and that
 * nothing was recorded under it. Passages given no point follow under "other business". Without
 * points, the one group's blocks alone.
 */
export function pointByPoint<P extends PointOf>(c: MinutesContext, byPoint: boolean, points: readonly P[], blocksOf: (p: P) => MinutesBlock[]): MinutesBlock[] {
  const { meeting, L } = c;
  if (!points.some((p) => p.interventions.length)) return [note(L.noInterventions)];
  if (!byPoint) return blocksOf(points[0]!);
  const numbers = new Map(agendaPoints(meeting).map((a, i) => [a.id, { n: i + 1, title: clean(a.title) }]));
  return points.flatMap((p): MinutesBlock[] => {
    const point = p.agendaItemId ? numbers.get(p.agendaItemId)! : null;
    const heading: MinutesBlock = { kind: 'agendaPoint', heading: point ? L.agendaPoint(point.n, point.title) : L.otherBusiness, agendaItemId: p.agendaItemId };
    return [heading, ...(p.interventions.length ? blocksOf(p) : [note(L.noInterventionsOnPoint)])];
  });
}

/** Every intervention word for word, point by point. */
export function verbatimInterventions(c: MinutesContext): MinutesBlock[] {
  const { byPoint, points } = meetingInterventions(c.meeting);
  return pointByPoint(c, byPoint, points, (p) => p.interventions.map((iv) => interventionBlock(c, iv)));
}

export function proceedingsSection(c: MinutesContext): MinutesSection {
  return section('proceedings', c.L.headings.proceedings, verbatimInterventions(c));
}
