// Walking the decisions (D / Shift+D): the next or previous decision, in the order of their first
// passages in the list, as T walks the turns: its passage is selected and played from a few
// seconds before it, the decision is marked in the side panel and said in the status line
// (number and text), so that the secretary checks it against what was said and moves on.
import { useState } from 'react';
import type { Decision, Segment } from '../../../shared/domain.ts';
import type { Player } from '../common/player/usePlayer.ts';
import { decisionExcerpt } from './decision-draft.ts';
import type { EditorT } from './editorText.ts';
import type { Selection } from './useSelection.ts';
import { hearTurn } from './useTurns.ts';

export interface DecisionStop {
  decisionId: string;
  /** Its number in the side panel (and the minutes), from 1. */
  number: number;
  /** Row of its first passage in the list shown. */
  row: number;
}

/** The decisions with a passage in the list shown, by that passage's row (then by number: two may share one). */
export function decisionStops(decisions: readonly Decision[], indexOf: ReadonlyMap<string, number>): DecisionStop[] {
  const stops: DecisionStop[] = [];
  decisions.forEach((d, i) => {
    const rows = d.segmentIds.map((id) => indexOf.get(id)).filter((r) => r !== undefined);
    if (rows.length) stops.push({ decisionId: d.id, number: i + 1, row: Math.min(...rows) });
  });
  return stops.sort((a, b) => a.row - b.row || a.number - b.number);
}

/**
 * The stop after (dir 1) or before (dir -1): from the decision reached last while its passage is
 * still the focused row (so that decisions sharing a passage are each reached), else from the
 * focused row; null past the ends.
 */
export function decisionFrom(stops: readonly DecisionStop[], at: number, reached: string | null, dir: 1 | -1): number | null {
  const k = stops.findIndex((s) => s.decisionId === reached && s.row === at);
  if (k >= 0) return k + dir >= 0 && k + dir < stops.length ? k + dir : null;
  const i = dir > 0 ? stops.findIndex((s) => s.row > at) : stops.findLastIndex((s) => s.row < at);
  return i >= 0 ? i : null;
}

/** The last press: the decision it reached, or the end it met (none: no decision has a passage shown); and the row focused then. */
interface Walked {
  decisionId: string | null;
  end: 1 | -1 | 'none' | null;
  focus: string | null;
}

export interface DecisionWalk {
  next(dir: 1 | -1): void;
  /** The decision reached, while its passage stays focused (the panel marks it). */
  current: string | null;
  /** What the status line says of the last press, while the focus stays where it left it. */
  note: string;
}

export function useDecisionWalk(
  decisions: readonly Decision[],
  visible: readonly Segment[],
  indexOf: ReadonlyMap<string, number>,
  selection: Pick<Selection, 'focus' | 'focusIdx' | 'select'>,
  player: Pick<Player, 'available' | 'playFrom'>,
  t: EditorT,
): DecisionWalk {
  const [walked, setWalked] = useState<Walked | null>(null);
  const next = (dir: 1 | -1) => {
    const stops = decisionStops(decisions, indexOf);
    const k = decisionFrom(stops, selection.focusIdx, walked?.decisionId ?? null, dir);
    if (k === null) {
      // Nothing moves: the status line says why, and the decision reached stays marked.
      setWalked({ decisionId: walked?.focus === selection.focus ? (walked?.decisionId ?? null) : null, end: stops.length ? dir : 'none', focus: selection.focus });
      return;
    }
    const seg = visible[stops[k]!.row]!;
    hearTurn(seg, selection, player);
    setWalked({ decisionId: stops[k]!.decisionId, end: null, focus: seg.id });
  };
  const live = walked && walked.focus === selection.focus ? walked : null;
  const index = live?.decisionId ? decisions.findIndex((d) => d.id === live.decisionId) : -1;
  let note = '';
  if (live?.end === 'none') note = t('decisionWalkNone');
  else if (live?.end) note = t(live.end > 0 ? 'decisionWalkLast' : 'decisionWalkFirst');
  else if (index >= 0) note = t('decisionReached', { n: index + 1, total: decisions.length, text: decisionExcerpt(decisions[index]!.text) });
  return { next, current: index >= 0 ? live!.decisionId : null, note };
}
