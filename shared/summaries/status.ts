// Each intervention with its summary and where that summary stands: the editor's summaries view,
// its counter, the approval check and the minutes all read this.
import type { Meeting, Segment, Summary } from '../domain.ts';
import { passagesFingerprint } from './fingerprint.ts';
import { meetingInterventions, type Intervention } from './interventions.ts';

/**
 * missing: no summary; draft: a model's draft not yet accepted; toCheck: its passages changed
 * (words, speaker, point, or which passages) since it was written or accepted; checked: written or
 * accepted by the secretary, passages unchanged since.
 */
export type SummaryStatus = 'missing' | 'draft' | 'toCheck' | 'checked';

export interface InterventionEntry {
  intervention: Intervention;
  summary: Summary | null;
  /** Further summaries that now fall on this intervention (two runs became one): to check. */
  others: Summary[];
  status: SummaryStatus;
}

export interface PointEntry {
  agendaItemId: string | null;
  /** The point's discussion summary («ملخص المناقشة»), optional. */
  summary: Summary | null;
  status: SummaryStatus;
  interventions: InterventionEntry[];
}

export interface SummaryView {
  byPoint: boolean;
  points: PointEntry[];
  opening: Summary | null;
  closing: Summary | null;
  /** Intervention summaries none of whose passages is in the transcript any more: not printed. */
  orphans: Summary[];
  /** Interventions in all, and those whose summary is not checked (missing, draft or to check). */
  total: number;
  unchecked: number;
}

/** Where one summary stands against the passages it should cover now. */
export function statusAgainst(summary: Summary | null, passages: readonly Segment[]): SummaryStatus {
  if (!summary) return 'missing';
  const ids = new Set(summary.segmentIds);
  const same = ids.size === passages.length && passages.every((s) => ids.has(s.id));
  if (!same || summary.basis !== passagesFingerprint(passages)) return 'toCheck';
  return summary.state === 'draft' ? 'draft' : 'checked';
}

/** Attaches each intervention summary to the intervention holding most of its passages. */
function attach(interventions: readonly Intervention[], summaries: readonly Summary[]): { by: Map<Intervention, Summary[]>; orphans: Summary[] } {
  const at = new Map<string, Intervention>();
  for (const iv of interventions) for (const s of iv.segments) at.set(s.id, iv);
  const by = new Map<Intervention, Summary[]>();
  const orphans: Summary[] = [];
  for (const summary of summaries) {
    if (summary.kind !== 'intervention') continue;
    const count = new Map<Intervention, number>();
    for (const id of summary.segmentIds) {
      const iv = at.get(id);
      if (iv) count.set(iv, (count.get(iv) ?? 0) + 1);
    }
    let best: Intervention | null = null;
    for (const [iv, n] of count) if (!best || n > count.get(best)!) best = iv;
    if (!best) orphans.push(summary);
    else by.set(best, [...(by.get(best) ?? []), summary]);
  }
  return { by, orphans };
}

export function summaryView(m: Pick<Meeting, 'agenda' | 'segments' | 'summaries'>): SummaryView {
  const summaries = m.summaries ?? [];
  const grouped = meetingInterventions(m);
  const { by, orphans } = attach(
    grouped.points.flatMap((p) => p.interventions),
    summaries,
  );
  let total = 0;
  let unchecked = 0;
  const points: PointEntry[] = grouped.points.map((p) => {
    const interventions = p.interventions.map((intervention): InterventionEntry => {
      const [summary = null, ...others] = by.get(intervention) ?? [];
      const status = others.length ? 'toCheck' : statusAgainst(summary, intervention.segments);
      total++;
      if (status !== 'checked') unchecked++;
      return { intervention, summary, others, status };
    });
    const summary = grouped.byPoint ? (summaries.find((s) => s.kind === 'point' && (s.agendaItemId ?? null) === p.agendaItemId) ?? null) : null;
    const passages = p.interventions.flatMap((iv) => iv.segments).sort((a, b) => a.start - b.start);
    return { agendaItemId: p.agendaItemId, summary, status: statusAgainst(summary, passages), interventions };
  });
  const opening = summaries.find((s) => s.kind === 'opening') ?? null;
  const closing = summaries.find((s) => s.kind === 'closing') ?? null;
  return { byPoint: grouped.byPoint, points, opening, closing, orphans, total, unchecked };
}
