// The agenda, then the proceedings intervention by intervention; grouped by agenda point once
// passages carry one.
import { agendaPoints, meetingInterventions, type Intervention, type PointInterventions } from '../../summaries/interventions.ts';
import { clean, note, section, type MinutesContext } from '../context.ts';
import type { MinutesBlock, MinutesSection } from '../model.ts';
import { personOf } from '../people.ts';

export function agendaSection({ meeting, L }: MinutesContext): MinutesSection {
  const agenda = meeting.agenda.map((a) => clean(a.title)).filter(Boolean);
  return section('agenda', L.headings.agenda, [agenda.length ? { kind: 'list', ordered: true, items: agenda } : note(L.noAgenda)]);
}

function interventionBlock({ L, people }: MinutesContext, iv: Intervention): MinutesBlock {
  const g = iv.segments;
  const speakerId = iv.speakerId;
  const found = speakerId ? people.get(speakerId) : undefined;
  // A participant without a name is printed as an unidentified speaker, not "تدخل السيد :".
  const p = found?.name.trim() ? found : undefined;
  const text = clean(g.map((s) => s.text).join('\n').replace(/\n(?!\n)/g, ' '));
  return {
    kind: 'intervention',
    heading: p ? L.intervention(personOf(p, L)) : L.unknownSpeakerIntervention,
    paragraphs: text ? [text] : [],
    speakerId: p ? p.id : null,
    segmentIds: g.map((s) => s.id),
    start: g[0]!.start,
    end: g[g.length - 1]!.end,
  };
}

/**
 * Every point of the agenda, in its order, even one nobody spoke on: the signing official sees
 * that it was on the agenda and that nothing was recorded under it. Passages given no point
 * follow under "other business".
 */
function byAgendaPoint(c: MinutesContext, points: readonly PointInterventions[]): MinutesBlock[] {
  const { meeting, L } = c;
  const numbers = new Map(agendaPoints(meeting).map((a, i) => [a.id, { n: i + 1, title: clean(a.title) }]));
  return points.flatMap((p): MinutesBlock[] => {
    const point = p.agendaItemId ? numbers.get(p.agendaItemId)! : null;
    const heading: MinutesBlock = { kind: 'agendaPoint', heading: point ? L.agendaPoint(point.n, point.title) : L.otherBusiness, agendaItemId: p.agendaItemId };
    const body = p.interventions.length ? p.interventions.map((iv) => interventionBlock(c, iv)) : [note(L.noInterventionsOnPoint)];
    return [heading, ...body];
  });
}

export function proceedingsSection(c: MinutesContext): MinutesSection {
  const { meeting, L } = c;
  const { byPoint, points } = meetingInterventions(meeting);
  let proceedings: MinutesBlock[];
  if (!points.some((p) => p.interventions.length)) proceedings = [note(L.noInterventions)];
  else if (!byPoint) proceedings = points[0]!.interventions.map((iv) => interventionBlock(c, iv));
  else proceedings = byAgendaPoint(c, points);
  return section('proceedings', L.headings.proceedings, proceedings);
}
