// Walking the turns (T / Shift+T): the next or previous segment where the speaker or the agenda
// point changes, selected and played from a few seconds before it, so that the secretary hears
// the change itself; then 1-9 retags the turn, Enter edits it, T moves on.
import type { Segment } from '../../../shared/domain.ts';
import type { Player } from '../common/player/usePlayer.ts';
import type { Selection } from './useSelection.ts';

/** Heard before the change: a key pressed late moves the change a second or two after the new voice. */
export const TURN_LEAD_SEC = 3;

/** Rows (in the order shown) that start a turn: the first, and each whose speaker or agenda point differs from the row before. */
export function turnStarts(visible: readonly Segment[]): number[] {
  const starts: number[] = [];
  visible.forEach((s, i) => {
    const prev = visible[i - 1];
    if (!prev || (prev.speakerId ?? null) !== (s.speakerId ?? null) || (prev.agendaItemId ?? null) !== (s.agendaItemId ?? null)) starts.push(i);
  });
  return starts;
}

/** The turn start after row `at` (dir 1) or before it (dir -1); null past the ends. */
export function turnFrom(starts: readonly number[], at: number, dir: 1 | -1): number | null {
  const k = dir > 0 ? starts.find((i) => i > at) : starts.findLast((i) => i < at);
  return k ?? null;
}

/** Selects the segment a walk reached and plays from TURN_LEAD_SEC before it (the decisions walk does the same). */
export function hearTurn(seg: Segment, selection: Pick<Selection, 'select'>, player: Pick<Player, 'available' | 'playFrom'>): void {
  selection.select(seg.id, { focus: true, scroll: true });
  if (player.available) player.playFrom(Math.max(0, seg.start - TURN_LEAD_SEC));
}

export function useTurns(visible: readonly Segment[], selection: Pick<Selection, 'focusIdx' | 'select'>, player: Pick<Player, 'available' | 'playFrom'>) {
  return (dir: 1 | -1) => {
    const k = turnFrom(turnStarts(visible), selection.focusIdx, dir);
    if (k !== null) hearTurn(visible[k]!, selection, player);
  };
}
