// Doubtful words (shared/transcript/doubtful.ts): those left are counted in the toolbar, and F8 / Shift+F8
// select the next / previous segment, in the order shown, that has some.
import { useMemo } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import { countDoubtful } from '../../../shared/transcript/doubtful.ts';
import type { Selection } from './useSelection.ts';

export interface Doubtful {
  /** Doubtful words left in the segments shown. */
  words: number;
  /** The engine gave word confidences for some segment (else there is nothing to count). */
  known: boolean;
  next(dir: 1 | -1): void;
}

export function useDoubtful(visible: readonly Segment[], selection: Pick<Selection, 'focusIdx' | 'select'>): Doubtful {
  // Recounted on every change of the list: an edited segment's words drop out of what is left.
  const { words, rows, known } = useMemo(() => countDoubtful(visible), [visible]);
  const next = (dir: 1 | -1) => {
    if (!rows.length) return;
    const at = selection.focusIdx;
    // Past the last one it goes round to the first, as the search does.
    const k = dir > 0 ? (rows.find((i) => i > at) ?? rows[0]!) : (rows.findLast((i) => i < at) ?? rows[rows.length - 1]!);
    // The row, not its text box, takes the focus: the underline shows while the box is not edited.
    selection.select(visible[k]!.id, { focus: true, scroll: true });
  };
  return { words, known, next };
}
