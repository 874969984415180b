// A meeting's cross-references: what every write enforces (meeting.json is not checked for them
// on reading, so an old file stays readable).
import type { z } from 'zod';
import { voteIssues, type Signatory, type Vote } from './decision.ts';

export interface IntegrityIssue {
  path: (string | number)[];
  /** Names the ids involved, so that the same problem reads the same before and after a change. */
  message: string;
}

/**
 * What makes a meeting inconsistent although each field is valid: an id used twice in its list, a
 * segment whose speaker is not a participant, a decision citing a segment that does not exist.
 * A missing list counts as empty (a new meeting starts with empty lists).
 */
export function meetingIntegrityIssues(m: {
  participants?: readonly { id: string }[];
  agenda?: readonly { id: string }[];
  segments?: readonly { id: string; speakerId: string | null }[];
  decisions?: readonly { id: string; segmentIds: readonly string[]; vote?: Vote | null; signatories?: readonly Signatory[] }[];
  annexes?: readonly { id: string }[];
  chairs?: readonly { id: string }[];
}): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const idsOf = (list: 'participants' | 'agenda' | 'segments' | 'decisions' | 'annexes' | 'chairs'): Set<string> => {
    const seen = new Set<string>();
    (m[list] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: [list, i, 'id'], message: `id ${item.id} is used twice in ${list}` });
      seen.add(item.id);
    });
    return seen;
  };
  const participants = idsOf('participants');
  idsOf('agenda');
  const segments = idsOf('segments');
  idsOf('decisions');
  idsOf('annexes');
  idsOf('chairs');
  (m.segments ?? []).forEach((s, i) => {
    if (s.speakerId !== null && !participants.has(s.speakerId)) {
      issues.push({ path: ['segments', i, 'speakerId'], message: `segment ${s.id} is spoken by ${s.speakerId}, who is not a participant` });
    }
  });
  (m.decisions ?? []).forEach((d, i) => {
    d.segmentIds.forEach((sid, j) => {
      if (!segments.has(sid)) issues.push({ path: ['decisions', i, 'segmentIds', j], message: `decision ${d.id} cites segment ${sid}, which does not exist` });
    });
    // Voters and signatories are participants: removing one of them from the form is refused.
    for (const v of voteIssues(d.vote, participants)) {
      const message =
        v.kind === 'countMismatch'
          ? `decision ${d.id} counts ${v.count} ${v.side} but names ${v.names}`
          : v.kind === 'twice'
            ? `decision ${d.id} names voter ${v.participantId} twice`
            : `decision ${d.id} names voter ${v.participantId}, who is not a participant`;
      issues.push({ path: ['decisions', i, 'vote'], message });
    }
    (d.signatories ?? []).forEach((s, j) => {
      if (!participants.has(s.participantId)) {
        issues.push({ path: ['decisions', i, 'signatories', j], message: `decision ${d.id} is signed by ${s.participantId}, who is not a participant` });
      }
    });
  });
  return issues;
}

/** For superRefine: reports meetingIntegrityIssues as validation issues. */
export function refineIntegrity(value: Parameters<typeof meetingIntegrityIssues>[0], ctx: z.RefinementCtx): void {
  for (const issue of meetingIntegrityIssues(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}
