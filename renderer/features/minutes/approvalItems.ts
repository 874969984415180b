// What the minutes would state without anyone having established it, in the words of the approval
// dialog: passages with no speaker, decision marks never turned into decisions, and so on.
import type { ApprovalCheck } from '../../../shared/minutes/approval.ts';
import { formatClock } from '../../../shared/text/time.ts';
import type { useI18n } from '../../i18n/I18nContext.tsx';

type Translate = ReturnType<typeof useI18n>['t'];

/** One line per thing still open; empty when all is established. */
export function approvalItems(c: ApprovalCheck, t: Translate): string[] {
  const items: string[] = [];
  if (c.untaggedSegments.length) items.push(t('approvalUntagged', { n: c.untaggedSegments.length, at: formatClock(c.untaggedSegments[0]!.start) }));
  if (c.decisionMarksWithoutDecision.length) items.push(t('approvalMarks', { n: c.decisionMarksWithoutDecision.length }));
  if (c.decisionsUnconfirmed) items.push(t('approvalNoDecision'));
  if (c.decisionsWithoutVote.length) items.push(t('approvalNoVote', { n: c.decisionsWithoutVote.length }));
  if (c.votesWithoutNames.length) items.push(t('approvalNoVoterNames', { n: c.votesWithoutNames.length }));
  if (c.agreementsWithoutSignatories.length) items.push(t('approvalNoSignatories', { n: c.agreementsWithoutSignatories.length }));
  return items;
}
