// Which interventions a drafting run writes: those without a summary, and with `redraft` also
// those whose summary is still a model's draft (unchanged or to check). A summary the secretary
// wrote or accepted is never drafted over.
import type { Meeting } from '../../shared/domain.ts';
import { summaryView, type InterventionEntry } from '../../shared/summaries/status.ts';

function wantsDraft(entry: InterventionEntry, redraft: boolean): boolean {
  if (entry.status === 'missing') return true;
  if (!redraft || entry.others.length) return false;
  return entry.summary?.state === 'draft';
}

/** The interventions to draft, point after point, each with its entry as the meeting is now. */
export function pendingInterventions(m: Pick<Meeting, 'agenda' | 'segments' | 'summaries'>, redraft: boolean): InterventionEntry[] {
  return summaryView(m)
    .points.flatMap((p) => p.interventions)
    .filter((e) => wantsDraft(e, redraft));
}

