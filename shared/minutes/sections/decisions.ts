// Decisions and recommendations, as one table. A decision's vote (and its voters' names, its
// signatories) are lines of their own under its text, in the same cell: a sixth column would
// leave the text column too narrow on an A4 page.
import type { Decision } from '../../domain.ts';
import { formatDeadline } from '../dates.ts';
import { clean, note, orDash, section, type MinutesContext } from '../context.ts';
import { decisionDetails } from '../decisions.ts';
import type { MinutesSection } from '../model.ts';

export function decisionsSection({ meeting, language, L, template }: MinutesContext): MinutesSection {
  const decisionCell = (d: Decision) => {
    const { vote, signing } = decisionDetails(d, meeting.participants, L, template);
    return [clean(d.text), ...vote, ...signing].filter(Boolean).join('\n');
  };
  return section('decisions', L.headings.decisions, [
    meeting.decisions.length
      ? {
          kind: 'table',
          role: 'decisions',
          header: [...L.decisionsHeader],
          rows: meeting.decisions.map((d, i) => [
            String(i + 1),
            L.decisionKinds[d.kind],
            decisionCell(d),
            orDash(d.owner.trim()),
            orDash(formatDeadline(d.deadline, language)),
          ]),
          // The kind is one word: a small share, the decision text takes the room (it wraps most).
          widths: [7, 12, 49, 16, 16],
          signatureColumn: null,
          centered: [0],
        }
      : // "No decision" is a statement the signers make: printed only when the secretary confirmed it.
        note(meeting.noDecisionConfirmed ? L.noDecisions : L.noDecisionsYet),
  ]);
}
