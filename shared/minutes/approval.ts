// What is still unestablished in a meeting about to be approved: the Minutes panel lists it and
// asks before approving (approvalCheck). Approval is not refused for it: the secretary may know
// that a passage has no identifiable speaker, but has to see it first.
import type { Meeting } from '../domain.ts';
import { summaryView, type SummaryStatus } from '../summaries/status.ts';
import { minutesStyleOf } from '../summaries/style.ts';
import { detailsCheck, detailsClean, type DetailsCheck } from './approval-details.ts';
import { printedStatus } from './sections/summaries.ts';
import { minutesTemplates } from './template.ts';

/** The details' checks (Hijri date, secretary, reference) are in approval-details.ts. */
export interface ApprovalCheck extends DetailsCheck {
  /** Passages with text and no speaker: they print as an unidentified intervention. */
  untaggedSegments: { id: string; start: number }[];
  /**
   * Decision marks tapped while recording that were never turned into a draft decision (applyMarks).
   * A mark whose draft the secretary later deleted is not listed: that was a choice.
   */
  decisionMarksWithoutDecision: { id: string; at: number }[];
  /** No decision is recorded and the secretary has not stated that none was taken. */
  decisionsUnconfirmed: boolean;
  /** Decisions without a vote, for meeting types whose decisions are voted (council). */
  decisionsWithoutVote: { id: string }[];
  /** Votes counted without the voters' names, for meeting types that record them (council). */
  votesWithoutNames: { id: string }[];
  /** Agreements (اتفاقية) with nobody recorded as signing them. */
  agreementsWithoutSignatories: { id: string }[];
  /**
   * Summary minutes only: interventions whose summary is missing, a draft not accepted, or to
   * check (its passages changed), in the order printed. They print flagged (shared/minutes/sections/summaries.ts).
   */
  interventionsWithoutSummary: { key: string; start: number; status: Exclude<SummaryStatus, 'checked'> }[];
  /** True when nothing above needs the secretary's attention. */
  clean: boolean;
}

export function approvalCheck(meeting: Meeting): ApprovalCheck {
  const untaggedSegments = meeting.segments
    .filter((s) => s.speakerId === null && s.text.trim() !== '')
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ id: s.id, start: s.start }));
  const decisionMarksWithoutDecision = (meeting.marks ?? [])
    .filter((m) => m.kind === 'decision' && !m.decisionId)
    .sort((a, b) => a.at - b.at)
    .map((m) => ({ id: m.id, at: m.at }));
  const decisionsUnconfirmed = meeting.decisions.length === 0 && !meeting.noDecisionConfirmed;
  const decisionsWithoutVote = minutesTemplates[meeting.type].votesRequired
    ? meeting.decisions.filter((d) => (d.kind === 'decision' || d.kind === 'recommendation') && !d.vote).map((d) => ({ id: d.id }))
    : [];
  const votesWithoutNames = minutesTemplates[meeting.type].nominalVotes
    ? meeting.decisions.filter((d) => d.vote?.kind === 'counts' && !d.vote.voters).map((d) => ({ id: d.id }))
    : [];
  const agreementsWithoutSignatories = meeting.decisions.filter((d) => d.kind === 'agreement' && !d.signatories?.length).map((d) => ({ id: d.id }));
  const interventionsWithoutSummary = minutesStyleOf(meeting) === 'summary' ? unsummarised(meeting) : [];
  const details = detailsCheck(meeting);
  const clean =
    detailsClean(details) &&
    !untaggedSegments.length &&
    !decisionMarksWithoutDecision.length &&
    !decisionsUnconfirmed &&
    !decisionsWithoutVote.length &&
    !votesWithoutNames.length &&
    !agreementsWithoutSignatories.length &&
    !interventionsWithoutSummary.length;
  return {
    untaggedSegments,
    decisionMarksWithoutDecision,
    decisionsUnconfirmed,
    decisionsWithoutVote,
    votesWithoutNames,
    agreementsWithoutSignatories,
    interventionsWithoutSummary,
    ...details,
    clean,
  };
}

function unsummarised(meeting: Meeting): ApprovalCheck['interventionsWithoutSummary'] {
  return summaryView(meeting).points.flatMap((p) =>
    p.interventions.flatMap(({ intervention, summary, status }) => {
      const printed = printedStatus(summary, status);
      return printed === 'checked' ? [] : [{ key: intervention.key, start: intervention.segments[0]!.start, status: printed }];
    }),
  );
}
