// The summaries view as a flat list of rows, in the order the minutes print them: the opening
// paragraph, then under each agenda point its discussion summary and its interventions, then the
// closing paragraph. What the keys step through, and the edit command each key sends for a row.
import type { Segment, Summary, SummaryKind } from '../../../../shared/domain.ts';
import type { EditInput } from '../../../../shared/edits.ts';
import { statusAgainst, type SummaryStatus, type SummaryView } from '../../../../shared/summaries/status.ts';

export interface SummaryRow {
  /** Stable while the row's slot exists: 'opening', 'closing', 'point:<id>', 'iv:<first passage id>'. */
  key: string;
  kind: SummaryKind;
  summary: Summary | null;
  status: SummaryStatus;
  /** The passages it covers now, in time order (none for the opening and the closing). */
  segments: readonly Segment[];
  /** point rows: the agenda point (null: the passages given no point), and how many interventions it has. */
  agendaItemId?: string | null;
  interventions?: number;
  /** intervention rows: the speaker. */
  speakerId?: string | null;
  /** intervention rows: further summaries that now fall on it (two runs became one). */
  others: readonly Summary[];
}

const noPoint = 'none';

/** The rows of a meeting's summaries view. A point's row only when the meeting goes point by point. */
export function summaryRows(view: SummaryView): SummaryRow[] {
  const rows: SummaryRow[] = [{ key: 'opening', kind: 'opening', summary: view.opening, status: statusAgainst(view.opening, []), segments: [], others: [] }];
  for (const point of view.points) {
    if (view.byPoint) {
      const segments = point.interventions.flatMap((e) => e.intervention.segments).sort((a, b) => a.start - b.start);
      const key = `point:${point.agendaItemId ?? noPoint}`;
      rows.push({ key, kind: 'point', summary: point.summary, status: point.status, segments, agendaItemId: point.agendaItemId, interventions: point.interventions.length, others: [] });
    }
    for (const e of point.interventions)
      rows.push({ key: `iv:${e.intervention.key}`, kind: 'intervention', summary: e.summary, status: e.status, segments: e.intervention.segments, speakerId: e.intervention.speakerId, others: e.others });
  }
  rows.push({ key: 'closing', kind: 'closing', summary: view.closing, status: statusAgainst(view.closing, []), segments: [], others: [] });
  return rows;
}

/**
 * Still to review: an intervention whose summary is not checked (the counter counts these), or a
 * point, opening or closing summary that is a draft or to check (those are optional: none is fine).
 */
export function needsReview(row: SummaryRow): boolean {
  if (row.kind === 'intervention') return row.status !== 'checked';
  return row.status === 'draft' || row.status === 'toCheck';
}

/** The next row after `from` in `dir` still to review, going round the end; null when none is left but `from`. */
export function nextToReview(rows: readonly SummaryRow[], from: number, dir: 1 | -1): number | null {
  for (let k = 1; k < rows.length; k++) {
    const i = (((from + dir * k) % rows.length) + rows.length) % rows.length;
    if (needsReview(rows[i]!)) return i;
  }
  return null;
}

/** The row `step` rows away, kept inside the list. */
export function stepRow(rows: readonly SummaryRow[], from: number, step: number): number {
  return Math.max(0, Math.min(rows.length - 1, from + step));
}

/** The secretary's own text for the row: changes its summary, or adds one under `newId`. */
export function writeEdit(row: SummaryRow, text: string, newId: string): EditInput {
  const base = { type: 'writeSummary', summaryId: row.summary?.id ?? newId, kind: row.kind, text } as const;
  if (row.kind === 'opening' || row.kind === 'closing') return { ...base, segmentIds: [] };
  const segmentIds = row.segments.map((s) => s.id);
  return row.kind === 'point' ? { ...base, segmentIds, agendaItemId: row.agendaItemId ?? null } : { ...base, segmentIds };
}

/** Accepts the row's summary as it stands, against its passages now; null when there is nothing to accept. */
export function acceptEdit(row: SummaryRow): EditInput | null {
  if (!row.summary || row.status === 'checked') return null;
  if (row.kind === 'opening' || row.kind === 'closing') return { type: 'acceptSummary', summaryId: row.summary.id };
  return { type: 'acceptSummary', summaryId: row.summary.id, segmentIds: row.segments.map((s) => s.id) };
}

/** Rejects (removes) the row's summary; null when it has none. */
export function rejectEdit(row: SummaryRow): EditInput | null {
  return row.summary ? { type: 'deleteSummary', summaryId: row.summary.id } : null;
}

/** The summaries that fall on the row besides its own: removed when the secretary settles the row (accepts or writes it). */
export function othersEdits(row: SummaryRow): EditInput[] {
  return row.others.map((s) => ({ type: 'deleteSummary', summaryId: s.id }));
}
