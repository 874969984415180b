// What the secretary does to segments from the list, the toolbar and the side panels: assign a
// speaker or an agenda point to the selection, split, merge, play one, and jump to one.
import { useCallback } from 'react';
import { MAX_RANGE_IDS } from '../../../shared/edits.ts';
import type { Player } from '../common/player/usePlayer.ts';
import type { EditorCommands } from './useEditorCommands.ts';
import type { Selection } from './useSelection.ts';
import type { VisibleSegments } from './useVisibleSegments.ts';

export interface SegmentActions {
  /** The selected segments' speaker (null: none). */
  assign(speakerId: string | null): void;
  /** The selected segments' agenda point (null: none). */
  setAgendaPoint(agendaItemId: string | null): void;
  /** At `at` characters into the text. */
  split(id: string, at: number): void;
  /** With the next segment. */
  merge(id: string): void;
  play(id: string): void;
  /** Shows, selects and plays a segment (from a side panel), clearing a filter that hides it. */
  jump(id: string): void;
}

export function useSegmentActions(readOnly: boolean, list: VisibleSegments, selection: Selection, player: Player, run: EditorCommands['run']): SegmentActions {
  const { byId, filter, setFilter, indexOf } = list;
  const { ids, select } = selection;
  // A selection longer than one command may name goes as its two ends, but only unfiltered:
  // with a filter on, the span between them holds hidden segments; then its first ones go.
  const range = useCallback(() => (ids.length > MAX_RANGE_IDS && filter === 'all' ? { fromId: ids[0]!, toId: ids[ids.length - 1]! } : { ids: ids.slice(0, MAX_RANGE_IDS) }), [ids, filter]);
  const assign = useCallback(
    (speakerId: string | null) => {
      if (readOnly || !ids.length) return;
      void run({ type: 'assignSpeaker', range: range(), speakerId });
    },
    [readOnly, ids, range, run],
  );
  const setAgendaPoint = useCallback(
    (agendaItemId: string | null) => {
      if (readOnly || !ids.length) return;
      void run({ type: 'setAgendaItem', range: range(), agendaItemId });
    },
    [readOnly, ids, range, run],
  );
  const split = useCallback(
    (id: string, at: number) => {
      const s = byId.get(id);
      if (!s || at <= 0 || at >= s.text.length) return;
      // While playing inside the segment, the cut is where the secretary hears it.
      const time = player.playing && player.currentTime > s.start && player.currentTime < s.end ? Math.round(player.currentTime * 1000) / 1000 : undefined;
      void run({ type: 'splitSegment', segmentId: id, at, ...(time !== undefined ? { time } : {}) });
    },
    [byId, player.playing, player.currentTime, run],
  );
  const merge = useCallback((id: string) => void run({ type: 'mergeSegments', segmentId: id }), [run]);
  const play = useCallback(
    (id: string) => {
      const s = byId.get(id);
      if (s && player.available) player.playFrom(s.start);
    },
    [byId, player],
  );
  const jump = useCallback(
    (id: string) => {
      if (filter !== 'all' && !indexOf.has(id)) setFilter('all');
      select(id, { focus: true, scroll: true });
      play(id);
    },
    [filter, setFilter, indexOf, select, play],
  );
  return { assign, setAgendaPoint, split, merge, play, jump };
}
