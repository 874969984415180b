// A decision, recommendation, agreement or action of the minutes, with how it was voted and who
// signs it; and what can be wrong with a vote's names.
import { z } from 'zod';
import { idSchema, LIMITS, longText, shortText } from './fields.ts';

export const decisionKinds = ['decision', 'recommendation', 'agreement', 'action'] as const;
export const voteSides = ['for', 'against', 'abstain'] as const;
export type VoteSide = (typeof voteSides)[number];
/**
 * A nominal vote: who voted for, against, and abstained, by participant id. When it is given,
 * each count of the vote is the number of names on its side (voteIssues); an empty side is nobody.
 */
export const votersSchema = z.strictObject({
  for: z.array(idSchema).max(LIMITS.people),
  against: z.array(idSchema).max(LIMITS.people),
  abstain: z.array(idSchema).max(LIMITS.people),
});
export type Voters = z.infer<typeof votersSchema>;
/** How a decision was taken: unanimously, or by counted votes (with the voters' names, optionally). */
export const voteSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unanimous') }),
  z.strictObject({
    kind: z.literal('counts'),
    for: z.number().int().min(0).max(100_000),
    against: z.number().int().min(0).max(100_000),
    abstain: z.number().int().min(0).max(100_000),
    // Optional: older files and meeting types that record no names have none.
    voters: votersSchema.optional(),
  }),
]);
export type Vote = z.infer<typeof voteSchema>;
/** Who signs an agreement (اتفاقية): a participant, and the capacity they sign in (absent: their title). */
export const signatorySchema = z.strictObject({
  participantId: idSchema,
  capacity: shortText.optional(),
});
export type Signatory = z.infer<typeof signatorySchema>;
export const decisionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(decisionKinds),
  text: longText,
  segmentIds: z.array(idSchema).max(1000).default([]),
  owner: shortText.default(''),
  deadline: shortText.default(''),
  vote: voteSchema.nullable().optional(),
  /** Agreements only: who signs it. Optional so that older files and other kinds stay as they were. */
  signatories: z.array(signatorySchema).max(LIMITS.people).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** What is wrong with a vote's names, if anything (the edit commands refuse it with these). */
export type VoteIssue =
  | { kind: 'countMismatch'; side: VoteSide; count: number; names: number }
  | { kind: 'twice'; participantId: string }
  | { kind: 'notParticipant'; participantId: string };

/**
 * A nominal vote names each voter once, only participants, and its counts are the numbers of
 * names: the minutes print both, and they must not say two different things.
 */
export function voteIssues(vote: Vote | null | undefined, participantIds: ReadonlySet<string>): VoteIssue[] {
  if (!vote || vote.kind !== 'counts' || !vote.voters) return [];
  const issues: VoteIssue[] = [];
  const seen = new Set<string>();
  for (const side of voteSides) {
    const names = vote.voters[side];
    if (names.length !== vote[side]) issues.push({ kind: 'countMismatch', side, count: vote[side], names: names.length });
    for (const id of names) {
      if (seen.has(id)) issues.push({ kind: 'twice', participantId: id });
      else if (!participantIds.has(id)) issues.push({ kind: 'notParticipant', participantId: id });
      seen.add(id);
    }
  }
  return issues;
}
