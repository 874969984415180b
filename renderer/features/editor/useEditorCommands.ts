// The review editor's commands (shared/edits.ts) as the toolbar, the keys, the rows and the side
// panels send them: nothing in a read-only meeting, and the rows' pending typing saved first.
// After an undo or redo, the segment it changed is shown and selected: it may be far from the
// rows in view.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { EditInput, RestoreEdit } from '../../../shared/edits.ts';
import type { Edits, SaveOutcome } from './useEdits.ts';
import type { Select, Selection } from './useSelection.ts';

export interface EditorCommands {
  run(edit: EditInput): Promise<SaveOutcome>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** For the side panels, which show their own errors: theirs are thrown back to them. */
  panelEdit(edit: EditInput): Promise<void>;
  /** A row's typing; it does not wait for the rows' pending typing: it is that typing being saved. */
  saveText(id: string, text: string, leaving?: boolean): Promise<SaveOutcome>;
}

/**
 * The segment to show after an undo or redo: the focused one when the step changed it (a
 * replace-all touches many), else the first in time it put back or changed; none when it only
 * removed segments or changed none.
 */
export function changedSegment(changes: RestoreEdit, focused: string | null): string | null {
  const p = changes.segments;
  if (!p) return null;
  const touched = [...p.replace, ...p.insert.map((i) => i.item)];
  if (!touched.length) return null;
  if (focused && touched.some((s) => s.id === focused)) return focused;
  return touched.reduce((a, b) => (b.start < a.start ? b : a)).id;
}

/** Shows the segment an undo or redo changed, on the render that has the changed meeting (a segment put back by undoing a merge exists only from then on). */
function useRevealStep(focused: () => string | null, listRef: RefObject<HTMLElement | null>, indexOf: ReadonlyMap<string, number>, select: Select) {
  const [reveal, setReveal] = useState<{ id: string; focus: boolean } | null>(null);
  useEffect(() => {
    if (!reveal) return;
    setReveal(null);
    // Filtered out of the list: nothing to show.
    if (indexOf.has(reveal.id)) select(reveal.id, { scroll: true, focus: reveal.focus });
  }, [reveal, indexOf, select]);
  return useCallback(
    (changes: RestoreEdit) => {
      const id = changedSegment(changes, focused());
      // The focus follows only when it was in the list: from the toolbar, the button keeps it.
      if (id) setReveal({ id, focus: !!listRef.current?.contains(document.activeElement) });
    },
    [focused, listRef],
  );
}

export function useEditorCommands(opts: {
  readOnly: boolean;
  edits: Edits;
  flushAll(): Promise<void>;
  selection: Pick<Selection, 'latestFocus' | 'select'>;
  indexOf: ReadonlyMap<string, number>;
  listRef: RefObject<HTMLElement | null>;
}): EditorCommands {
  const { readOnly, edits, flushAll } = opts;
  const onStep = useRevealStep(opts.selection.latestFocus, opts.listRef, opts.indexOf, opts.selection.select);
  const run = useCallback(
    async (edit: EditInput): Promise<SaveOutcome> => {
      if (readOnly) return 'dropped';
      await flushAll();
      return edits.apply(edit);
    },
    [readOnly, flushAll, edits],
  );
  const step = useCallback(
    async (which: 'undo' | 'redo') => {
      if (readOnly) return;
      await flushAll();
      await edits[which](onStep);
    },
    [readOnly, flushAll, edits, onStep],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);
  const panelEdit = useCallback(
    async (edit: EditInput): Promise<void> => {
      if (readOnly) return;
      await flushAll();
      await edits.apply(edit, { rethrow: true });
    },
    [readOnly, flushAll, edits],
  );
  const saveText = useCallback(
    (id: string, text: string, leaving = false): Promise<SaveOutcome> => {
      if (readOnly) return Promise.resolve('dropped');
      const edit = { type: 'setText', segmentId: id, text } as const;
      return leaving ? edits.applyOnLeave(edit) : edits.apply(edit);
    },
    [readOnly, edits],
  );
  return { run, undo, redo, panelEdit, saveText };
}
