// Doubtful words (shared/transcript/doubtful.ts): counted in the toolbar, and F8 / Shift+F8
// select the next / previous segment, in the order shown, that has some.
import { useMemo } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import { doubtfulIndexes } from '../../../shared/transcript/doubtful.ts';
import type { Selection } from './useSelection.ts';

export interface Doubtful {
  /** Doubtful words in the segments shown. */
  words: number;
  /** The engine gave word confidences for some segment (else there is nothing to count). */
  known: boolean;
  next(dir: 1 | -1): void;
}

export function useDoubtful(visible: readonly Segment[], selection: Pick<Selection, 'focusIdx' | 'select'>): Doubtful {
  const { words, rows, known } = useMemo(() => {
    let words = 0;
    let known = false;
    const rows: number[] = [];
    visible.forEach((s, i) => {
      if (s.wordConfidence) known = true;
      const n = doubtfulIndexes(s).length;
      if (n) {
        words += n;
        rows.push(i);
      }
    });
    return { words, rows, known };
  }, [visible]);
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
