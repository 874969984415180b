// What the minutes would state without anyone having established it, in the words of the approval
// dialog: passages with no speaker, decision marks never turned into decisions, interventions of
// summary minutes without a checked summary, a Hijri date nobody checked, a blank secretary or
// reference, and so on.
import type { Language } from '../../../shared/domain.ts';
import type { ApprovalCheck } from '../../../shared/minutes/approval.ts';
import { formatHijri } from '../../../shared/minutes/dates.ts';
import { formatClock } from '../../../shared/text/time.ts';
import type { useI18n } from '../../i18n/I18nContext.tsx';

type Translate = ReturnType<typeof useI18n>['t'];

/** How many of the first interventions without a checked summary the dialog names by time. */
const NAMED_TIMES = 3;

/** Interventions without a checked summary: how many, of each kind, and the times of the first ones. */
function noSummaryItem(list: ApprovalCheck['interventionsWithoutSummary'], t: Translate): string {
  const count = (status: string) => list.filter((i) => i.status === status).length;
  const times = list.slice(0, NAMED_TIMES).map((i) => formatClock(i.start));
  return t('approvalNoSummary', {
    n: list.length,
    missing: count('missing'),
    draft: count('draft'),
    toCheck: count('toCheck'),
    at: times.join(' · ') + (list.length > NAMED_TIMES ? ' …' : ''),
  });
}

/** One line per thing still open; empty when all is established. */
export function approvalItems(c: ApprovalCheck, t: Translate, lang: Language): string[] {
  const items: string[] = [];
  if (c.untaggedSegments.length) items.push(t('approvalUntagged', { n: c.untaggedSegments.length, at: formatClock(c.untaggedSegments[0]!.start) }));
  if (c.decisionMarksWithoutDecision.length) items.push(t('approvalMarks', { n: c.decisionMarksWithoutDecision.length }));
  if (c.decisionsUnconfirmed) items.push(t('approvalNoDecision'));
  if (c.decisionsWithoutVote.length) items.push(t('approvalNoVote', { n: c.decisionsWithoutVote.length }));
  if (c.votesWithoutNames.length) items.push(t('approvalNoVoterNames', { n: c.votesWithoutNames.length }));
  if (c.agreementsWithoutSignatories.length) items.push(t('approvalNoSignatories', { n: c.agreementsWithoutSignatories.length }));
  if (c.interventionsWithoutSummary.length) items.push(noSummaryItem(c.interventionsWithoutSummary, t));
  if (c.hijriUnconfirmed) items.push(t('approvalHijri', { hijri: formatHijri(c.hijriUnconfirmed, lang) }));
  if (c.secretaryMissing) items.push(t('approvalNoSecretary'));
  if (c.referenceMissing) items.push(t('approvalNoReference'));
  return items;
}
