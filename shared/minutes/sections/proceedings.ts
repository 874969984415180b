// The agenda, then the proceedings intervention by intervention; grouped by agenda point once
// passages carry one.
import type { Segment } from '../../domain.ts';
import { clean, note, section, type MinutesContext } from '../context.ts';
import type { MinutesBlock, MinutesSection } from '../model.ts';
import { personOf } from '../people.ts';

export function agendaSection({ meeting, L }: MinutesContext): MinutesSection {
  const agenda = meeting.agenda.map((a) => clean(a.title)).filter(Boolean);
  return section('agenda', L.headings.agenda, [agenda.length ? { kind: 'list', ordered: true, items: agenda } : note(L.noAgenda)]);
}

/** Consecutive segments of the same speaker, in time order, empty ones left out. */
export function groupInterventions(segments: readonly Segment[]): Segment[][] {
  const ordered = segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.text.trim() !== '')
    .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
    .map(({ s }) => s);
  const groups: Segment[][] = [];
  for (const seg of ordered) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.speakerId === seg.speakerId) last.push(seg);
    else groups.push([seg]);
  }
  return groups;
}

function interventionBlock({ L, people }: MinutesContext, g: Segment[]): MinutesBlock {
  const speakerId = g[0]!.speakerId;
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
function byAgendaPoint(c: MinutesContext, spoken: readonly Segment[], pointOf: (s: Segment) => string | null): MinutesBlock[] {
  const { meeting, L } = c;
  const blocks: MinutesBlock[] = [];
  // The points as the agenda section lists and numbers them (items with a title).
  meeting.agenda
    .filter((a) => clean(a.title) !== '')
    .forEach((a, i) => {
      blocks.push({ kind: 'agendaPoint', heading: L.agendaPoint(i + 1, clean(a.title)), agendaItemId: a.id });
      const groups = groupInterventions(spoken.filter((s) => pointOf(s) === a.id));
      if (groups.length) blocks.push(...groups.map((g) => interventionBlock(c, g)));
      else blocks.push(note(L.noInterventionsOnPoint));
    });
  const rest = groupInterventions(spoken.filter((s) => pointOf(s) === null));
  if (rest.length) blocks.push({ kind: 'agendaPoint', heading: L.otherBusiness, agendaItemId: null }, ...rest.map((g) => interventionBlock(c, g)));
  return blocks;
}

export function proceedingsSection(c: MinutesContext): MinutesSection {
  const { meeting, L } = c;
  const spoken = meeting.segments.filter((s) => s.text.trim() !== '');
  const pointIds = new Set(meeting.agenda.filter((a) => clean(a.title) !== '').map((a) => a.id));
  const pointOf = (s: Segment) => (s.agendaItemId && pointIds.has(s.agendaItemId) ? s.agendaItemId : null);
  let proceedings: MinutesBlock[];
  if (!spoken.length) proceedings = [note(L.noInterventions)];
  else if (!spoken.some((s) => pointOf(s) !== null)) proceedings = groupInterventions(spoken).map((g) => interventionBlock(c, g));
  else proceedings = byAgendaPoint(c, spoken, pointOf);
  return section('proceedings', L.headings.proceedings, proceedings);
}
