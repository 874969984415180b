// Go to a time (Ctrl+G): the secretary types 1:39, 99 or 1:02:03 (Arabic-Indic digits too), and
// the player moves there and the list selects the segment heard at that time.
import { useState } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import type { Player } from '../common/player/usePlayer.ts';
import type { Selection } from './useSelection.ts';

const INDIC = /[٠-٩۰-۹]/g;

/** Seconds from "99", "1:39" or "1:02:03" (a decimal part allowed on the seconds); null when it is no time. */
export function parseTime(text: string): number | null {
  // Both Arabic-Indic ranges start at a multiple of 16: a digit's value is its low four bits.
  const latin = text.trim().replace(INDIC, (d) => String(d.codePointAt(0)! & 0xf));
  if (!/^\d+(?::\d{1,2}){0,2}(?:[.,]\d+)?$/.test(latin)) return null;
  const parts = latin.replace(',', '.').split(':').map(Number);
  if (parts.slice(1).some((p) => p >= 60)) return null;
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** Row (in the order shown) heard at `sec`: the last that starts at or before it, else the first. */
export function rowAt(visible: readonly Segment[], sec: number): number {
  if (!visible.length) return -1;
  const k = visible.findLastIndex((s) => s.start <= sec);
  return Math.max(0, k);
}

export type GoToOutcome = 'ok' | 'invalid' | 'beyond';

export function useGoToTime(visible: readonly Segment[], selection: Pick<Selection, 'select'>, player: Pick<Player, 'available' | 'duration' | 'seek'>) {
  const [open, setOpen] = useState(false);
  // Ctrl+G with the field already open brings the focus back to it.
  const [focusToken, setFocusToken] = useState(0);
  const go = (text: string): GoToOutcome => {
    const sec = parseTime(text);
    if (sec === null) return 'invalid';
    const end = player.duration || visible[visible.length - 1]?.end || 0;
    if (sec > end) return 'beyond';
    if (player.available) player.seek(sec);
    const k = rowAt(visible, sec);
    if (k >= 0) selection.select(visible[k]!.id, { focus: true, scroll: true });
    setOpen(false);
    return 'ok';
  };
  const show = () => {
    setOpen(true);
    setFocusToken((n) => n + 1);
  };
  return { open, focusToken, show, hide: () => setOpen(false), go };
}

export type GoToTime = ReturnType<typeof useGoToTime>;
