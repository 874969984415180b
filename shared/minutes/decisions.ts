// The text cell of one decision in the minutes' decisions table: its text, then how it was voted
// (the counts, and for a meeting type that records them the names on each side), then for an
// agreement (اتفاقية) who signs it, each with the capacity they sign in. Lines of one cell rather
// than more columns: the text column must stay wide enough on an A4 page.
import { voteSides, type Decision, type Participant } from '../domain.ts';
import type { MinutesLabels } from './labels.ts';
import { personOf, shortName } from './people.ts';
import type { MinutesTemplate } from './template.ts';

export interface DecisionDetails {
  /** The vote's line, then one line per side naming its voters; empty when no vote was recorded. */
  vote: string[];
  /** An agreement's signatories: a heading line, then one line per signatory; empty otherwise. */
  signing: string[];
}

/** The lines under a decision's text (the minutes' table and the decisions panel print the same). */
export function decisionDetails(d: Decision, participants: readonly Participant[], L: MinutesLabels, template: MinutesTemplate): DecisionDetails {
  const lines: string[] = [];
  const signing: string[] = [];
  if (d.vote) lines.push(L.vote(d.vote));
  const voters = d.vote?.kind === 'counts' ? d.vote.voters : undefined;
  if (voters && template.nominalVotes) {
    for (const side of voteSides) {
      // In the order of the attendance sheet, whatever order they were picked in.
      const chosen = new Set(voters[side]);
      const people = participants.filter((p) => chosen.has(p.id) && p.name.trim());
      if (people.length) lines.push(L.voterNames(side, people.map((p) => shortName(p, L)), people.map((p) => p.gender)));
    }
  }
  if (d.kind === 'agreement' && d.signatories?.length) {
    const byId = new Map(participants.map((p) => [p.id, p]));
    const signers = d.signatories
      .map((s) => ({ p: byId.get(s.participantId), capacity: s.capacity?.trim() }))
      .filter((s): s is { p: Participant; capacity: string | undefined } => !!s.p?.name.trim());
    if (signers.length) {
      signing.push(L.signatories(signers.map((s) => s.p.gender)));
      // The capacity they sign in; when none was typed, their title, else the body they represent.
      for (const s of signers) signing.push(personOf(s.p, L, s.capacity || s.p.title.trim() || s.p.organisation.trim()));
    }
  }
  return { vote: lines, signing };
}
