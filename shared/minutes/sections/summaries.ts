// Summary minutes (محضر): the proceedings print, under each agenda point, the point's discussion
// summary and each intervention's summary led by its speaker, between the opening and closing
// paragraphs; the interventions word for word go to an annex. A summary the secretary has not
// checked prints flagged, and a missing one prints as a flagged placeholder with its time.
import type { Summary } from '../../domain.ts';
import { summaryView, type InterventionEntry, type SummaryStatus } from '../../summaries/status.ts';
import { formatClock } from '../../text/time.ts';
import { clean, section, type MinutesContext } from '../context.ts';
import type { MinutesBlock, MinutesSection } from '../model.ts';
import { personOf } from '../people.ts';
import { pointByPoint, speakerOf, verbatimInterventions } from './proceedings.ts';

type SummaryBlock = Extract<MinutesBlock, { kind: 'summary' }>;

/** A summary whose text is blank counts as missing: it would print nothing. */
export function printedStatus(summary: Summary | null, status: SummaryStatus): SummaryStatus {
  return summary && summary.text.trim() ? status : 'missing';
}

function flagOf({ L }: MinutesContext, status: SummaryStatus, start: number | null): string | null {
  if (status === 'checked') return null;
  if (status === 'missing') return L.summaryFlags.missing(formatClock(start ?? 0));
  return L.summaryFlags[status];
}

function summaryBlock(
  c: MinutesContext,
  of: SummaryBlock['of'],
  lead: string | null,
  summary: Summary | null,
  status: SummaryStatus,
  segmentIds: string[] = [],
  start: number | null = null,
): SummaryBlock {
  const printed = printedStatus(summary, status);
  const text = summary && printed !== 'missing' ? clean(summary.text) : null;
  return { kind: 'summary', of, lead, text, status: printed, flag: flagOf(c, printed, start), segmentIds, start };
}

function interventionSummary(c: MinutesContext, { intervention: iv, summary, status }: InterventionEntry): SummaryBlock {
  const { L } = c;
  const p = speakerOf(c, iv);
  const lead = p ? L.summaryLead(personOf(p, L, ''), p.title.trim(), p.gender) : L.unknownSpeakerIntervention;
  return summaryBlock(
    c,
    'intervention',
    lead,
    summary,
    status,
    iv.segments.map((s) => s.id),
    iv.segments[0]!.start,
  );
}

/** The opening and closing paragraphs are tied to no passage: checked unless still a draft. */
function meetingParagraph(c: MinutesContext, of: 'opening' | 'closing', summary: Summary | null): MinutesBlock[] {
  if (!summary?.text.trim()) return [];
  return [summaryBlock(c, of, null, summary, summary.state === 'draft' ? 'draft' : 'checked')];
}

export function summaryProceedingsSection(c: MinutesContext): MinutesSection {
  const view = summaryView(c.meeting);
  const body = pointByPoint(c, view.byPoint, view.points, (p) => [
    ...(p.summary?.text.trim() ? [summaryBlock(c, 'point', c.L.pointSummary, p.summary, p.status)] : []),
    ...p.interventions.map((e) => interventionSummary(c, e)),
  ]);
  return section('proceedings', c.L.headings.proceedings, [...meetingParagraph(c, 'opening', view.opening), ...body, ...meetingParagraph(c, 'closing', view.closing)]);
}

/** The annex of summary minutes: every intervention word for word, on a page of its own. */
export function verbatimAnnexSection(c: MinutesContext): MinutesSection {
  return section('annex', c.L.headings.verbatimAnnex, verbatimInterventions(c), true);
}
