// What the rows call back into the editor: one stable object (rows are memoised) that reads the
// editor's latest state through a ref.
import { useMemo, useRef, type MouseEvent } from 'react';
import type { RowActions } from './SegmentRow.tsx';
import type { Drafts } from './useDrafts.ts';
import type { EditorCommands } from './useEditorCommands.ts';
import type { SegmentActions } from './useSegmentActions.ts';
import type { SegmentScroll } from './useSegmentScroll.ts';
import type { Selection } from './useSelection.ts';

export interface RowState {
  selection: Pick<Selection, 'anchor' | 'focus' | 'select'>;
  commands: Pick<EditorCommands, 'undo' | 'redo' | 'saveText'>;
  segments: Pick<SegmentActions, 'play' | 'split'>;
  scroll: Pick<SegmentScroll, 'clickedToPlay'>;
}

/** `caret`: where the caret is in a row's text box (the toolbar's split button cuts there). */
export function useRowActions(state: RowState, register: Drafts['register'], caret: { current: { id: string; at: number } | null }): RowActions {
  const live = useRef(state);
  live.current = state;
  return useMemo<RowActions>(
    () => ({
      mouseDown(id, e: MouseEvent) {
        if (e.button !== 0) return;
        const { selection } = live.current;
        const inText = (e.target as HTMLElement).closest('textarea') !== null;
        // Outside the text box the row itself takes the focus (not the time button), at once, so
        // that the list's keys work on the next key press.
        const rowEl = e.currentTarget as HTMLElement;
        if (e.shiftKey) {
          e.preventDefault();
          rowEl.focus({ preventScroll: true });
          selection.select(id, { extend: true });
          return;
        }
        const wasActive = selection.focus === id && selection.anchor === id;
        if (!inText) {
          e.preventDefault();
          rowEl.focus({ preventScroll: true });
        }
        selection.select(id);
        // A click in the text of the segment being edited places the caret; it does not restart the audio.
        if (!(inText && wasActive)) {
          live.current.scroll.clickedToPlay(id);
          live.current.segments.play(id);
        }
      },
      play: (id) => live.current.segments.play(id),
      focusText(id) {
        const { selection } = live.current;
        if (selection.focus !== id || selection.anchor !== id) selection.select(id);
      },
      saveText: (id, text, leaving) => live.current.commands.saveText(id, text, leaving),
      register,
      caret(id, at) {
        caret.current = { id, at };
      },
      undo: () => void live.current.commands.undo(),
      redo: () => void live.current.commands.redo(),
      split: (id, at) => live.current.segments.split(id, at),
      toRow: (id) => live.current.selection.select(id, { focus: true }),
    }),
    [register, caret],
  );
}
