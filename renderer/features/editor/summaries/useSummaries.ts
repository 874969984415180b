// The summaries view's state: its rows (summaryView of the meeting), the focused row, a request to
// scroll to and focus a row (served by the list once the row is rendered), and the commands its
// keys and buttons send. Every change is a journaled edit through the editor's queue (useEdits),
// so undo, redo and version conflicts behave as for the transcript's edits.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Meeting } from '../../../../shared/domain.ts';
import type { EditInput } from '../../../../shared/edits.ts';
import { summaryView } from '../../../../shared/summaries/status.ts';
import type { Player } from '../../common/player/usePlayer.ts';
import type { FlushDraft } from '../useDrafts.ts';
import type { EditorCommands } from '../useEditorCommands.ts';
import type { Edits, SaveOutcome } from '../useEdits.ts';
import { acceptEdit, nextToReview, othersEdits, rejectEdit, stepRow, summaryRows, writeEdit, type SummaryRow } from './summaryRows.ts';
import type { SummariesT } from './summariesText.ts';

/** Scroll to a row and focus it (its text box with `text`), on the render that shows it. */
export interface RowFocusRequest {
  key: string;
  text: boolean;
}

/** What the rows call back into the view; one stable object (rows are memoised). */
export interface SummaryActions {
  /** The secretary's text for a row (a row's typing, saved by useRowDraft). */
  save(key: string, text: string, leaving?: boolean): Promise<SaveOutcome>;
  register(key: string, flush: FlushDraft): () => void;
  /** Accepts the row's draft (unless `written`: its text was just saved) and goes to the next row to review. */
  accept(key: string, opts: { written: boolean; text: boolean }): void;
  reject(key: string): void;
  play(key: string): void;
  /** Moves `step` rows (or, with `unchecked`, to the next row to review in that direction). */
  move(key: string, step: number, opts: { text: boolean; unchecked?: boolean }): void;
  focus(key: string, text: boolean): void;
  /** The row (or its text box) got the focus. */
  seen(key: string): void;
  undo(): void;
  redo(): void;
  /** The row's own text box was left with an empty summary: not saved. */
  emptyRefused(): void;
}

export interface SummariesDeps {
  meeting: Meeting;
  readOnly: boolean;
  edits: Edits;
  commands: Pick<EditorCommands, 'run' | 'undo' | 'redo'>;
  register(id: string, flush: FlushDraft): () => void;
  player: Player;
  setNotice(notice: string | null): void;
  t: SummariesT;
}

/** An id for a summary the secretary adds: chosen here so that saves sent before the first is answered change the same one. */
const newSummaryId = () => `m-${crypto.randomUUID()}`;

function useSummaryCommands(d: SummariesDeps, rowsRef: { current: SummaryRow[] }, go: (i: number, text: boolean) => void, seen: (key: string) => void): SummaryActions {
  const { readOnly, edits, commands, register, player, setNotice, t } = d;
  const newIds = useRef(new Map<string, string>());
  const live = useRef({ readOnly, edits, commands, player, setNotice, t });
  live.current = { readOnly, edits, commands, player, setNotice, t };
  // The other summaries on a row are removed once, however many saves go out before the answer.
  const removing = useRef(new Set<string>());
  const dropOthers = (row: SummaryRow, send: (edit: EditInput) => Promise<SaveOutcome>) => {
    for (const edit of othersEdits(row)) {
      if (edit.type !== 'deleteSummary' || removing.current.has(edit.summaryId)) continue;
      removing.current.add(edit.summaryId);
      void send(edit).finally(() => removing.current.delete(edit.summaryId));
    }
  };
  const rowAt = (key: string) => {
    const i = rowsRef.current.findIndex((r) => r.key === key);
    return { i, row: rowsRef.current[i] };
  };
  return useMemo<SummaryActions>(
    () => ({
      async save(key, text, leaving = false) {
        const { row } = rowAt(key);
        const c = live.current;
        if (!row || c.readOnly) return 'dropped';
        if (!text.trim()) {
          if (!leaving) c.setNotice(c.t('emptyNotSaved'));
          return 'dropped';
        }
        if (!leaving) dropOthers(row, c.edits.apply);
        let id = newIds.current.get(key);
        if (!id) newIds.current.set(key, (id = newSummaryId()));
        const edit = writeEdit(row, text, id);
        return leaving ? c.edits.applyOnLeave(edit) : c.edits.apply(edit);
      },
      register,
      accept(key, opts) {
        const { i, row } = rowAt(key);
        const c = live.current;
        if (!row) return;
        // Nothing to accept: the secretary writes one.
        if (!row.summary && !opts.written) return go(i, true);
        const edit = opts.written || c.readOnly ? null : acceptEdit(row);
        if (edit) {
          dropOthers(row, c.commands.run);
          void c.commands.run(edit);
        }
        go(nextToReview(rowsRef.current, i, 1) ?? i, opts.text);
      },
      reject(key) {
        const { row } = rowAt(key);
        const edit = row && rejectEdit(row);
        if (edit) void live.current.commands.run(edit);
      },
      play(key) {
        const first = rowAt(key).row?.segments[0];
        const p = live.current.player;
        if (first && p.available) p.playFrom(first.start);
      },
      move(key, step, opts) {
        const { i } = rowAt(key);
        const rows = rowsRef.current;
        const to = opts.unchecked ? nextToReview(rows, i, step < 0 ? -1 : 1) : stepRow(rows, i, step);
        if (to !== null) go(to, opts.text);
      },
      focus(key, text) {
        go(rowAt(key).i, text);
      },
      seen,
      undo: () => void live.current.commands.undo(),
      redo: () => void live.current.commands.redo(),
      emptyRefused: () => live.current.setNotice(live.current.t('emptyNotSaved')),
    }),
    [register, go, seen],
  );
}

export function useSummaries(d: SummariesDeps) {
  const { meeting } = d;
  const view = useMemo(() => summaryView(meeting), [meeting.agenda, meeting.segments, meeting.summaries]);
  const rows = useMemo(() => summaryRows(view), [view]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [request, setRequest] = useState<RowFocusRequest | null>(null);
  const go = useCallback((i: number, text: boolean) => {
    const row = rowsRef.current[i];
    if (!row) return;
    setFocusKey(row.key);
    setRequest({ key: row.key, text });
  }, []);
  const actions = useSummaryCommands(d, rowsRef, go, setFocusKey);
  const found = rows.findIndex((r) => r.key === focusKey);
  // The first row still to review is where Tab enters the list.
  const focusIdx = found >= 0 ? found : Math.max(0, nextToReview(rows, -1, 1) ?? 0);
  return { view, rows, focusIdx, setFocusKey, request, setRequest, actions };
}

export type SummariesState = ReturnType<typeof useSummaries>;
