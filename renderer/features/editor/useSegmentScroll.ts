// The review editor's list as a scrolling window: a virtualised list (only the rows in view
// exist, so a three-hour meeting opens at once), scrolled and focused on request once the row is
// rendered, following the playing segment (from the moment playback starts) unless the secretary
// scrolls, types or has just clicked the row being played, and as tall as the window leaves room for.
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import type { Player } from '../common/player/usePlayer.ts';
import { isTextField } from '../common/keymap.ts';
import { segmentAt } from './speakers.ts';
import type { Selection } from './useSelection.ts';

/** After the secretary scrolls the list herself, the playing segment is not followed for this long. */
const FOLLOW_PAUSE_MS = 4000;

export interface SegmentScroll {
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Called on the secretary's own scrolling (wheel, touch, scrollbar). */
  userScrolled(): void;
  /**
   * Called when a click on a row starts its playback: the list stays still until that row is the
   * one playing, so the row does not move under the pointer (a double-click lands on its word).
   */
  clickedToPlay(id: string): void;
  /** Pixels, once measured. */
  listHeight: number | null;
}

/** The segment playing, highlighted once playback has started; null otherwise. */
export function playingSegment(ordered: readonly Segment[], player: Player): string | null {
  const i = player.available ? segmentAt(ordered, player.currentTime) : -1;
  return i >= 0 && (player.playing || player.currentTime > 0) ? ordered[i]!.id : null;
}

function useVirtualRows(visible: readonly Segment[], focusIdx: number, scrollRef: RefObject<HTMLDivElement | null>) {
  // The focused row stays rendered when scrolled away: its focus and unsaved typing live there.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const out = defaultRangeExtractor(range);
      if (focusIdx >= 0 && focusIdx < range.count && !out.includes(focusIdx)) {
        out.push(focusIdx);
        out.sort((a, b) => a - b);
      }
      return out;
    },
    [focusIdx],
  );
  const getItemKey = useCallback((i: number) => visible[i]?.id ?? i, [visible]);
  return useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => 64, overscan: 6, getItemKey, rangeExtractor });
}

/** Scrolling to a segment and focusing it wait for the render that shows it (after a filter change too). */
function useFocusRequests(selection: Selection, indexOf: ReadonlyMap<string, number>, scrollRef: RefObject<HTMLDivElement | null>, virtualizer: Virtualizer<HTMLDivElement, Element>) {
  const { focusRequest: request, setFocusRequest } = selection;
  useEffect(() => {
    if (!request) return;
    if (request.scroll) {
      const i = indexOf.get(request.id);
      if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
      setFocusRequest({ ...request, scroll: false });
      return;
    }
    if (!request.focus) return setFocusRequest(null);
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-seg="${CSS.escape(request.id)}"]`);
    if (!row) return;
    const target = request.text ? row.querySelector('textarea') : row;
    target?.focus({ preventScroll: true });
    setFocusRequest(null);
  });
}

/** The list takes the height left in the window, so that the page itself does not scroll; measured again when what is above it changes (`above`). */
export function useFillHeight(scrollRef: RefObject<HTMLDivElement | null>, above: DependencyList): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const el = scrollRef.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(320, window.innerHeight - top - 16));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, above);
  return height;
}

export interface SegmentScrollOptions {
  /** The scrolling element (created by the editor, which also asks whether the focus is in it). */
  scrollRef: RefObject<HTMLDivElement | null>;
  visible: readonly Segment[];
  indexOf: ReadonlyMap<string, number>;
  selection: Selection;
  playingId: string | null;
  playing: boolean;
  /** What is shown above the list: its height is measured again when one changes. */
  above: DependencyList;
}

export function useSegmentScroll(opts: SegmentScrollOptions): SegmentScroll {
  const { scrollRef, visible, indexOf, selection, playingId, playing } = opts;
  const virtualizer = useVirtualRows(visible, selection.focusIdx, scrollRef);
  useFocusRequests(selection, indexOf, scrollRef, virtualizer);

  const lastUserScroll = useRef(0);
  const userScrolled = useCallback(() => {
    lastUserScroll.current = Date.now();
  }, []);
  const clicked = useRef<string | null>(null);
  const now = useRef({ playingId, playing });
  now.current = { playingId, playing };
  const clickedToPlay = useCallback((id: string) => {
    // The row already playing, restarted: nothing changes that would move the list.
    clicked.current = now.current.playing && now.current.playingId === id ? null : id;
  }, []);
  // The playing segment is followed unless the secretary scrolled a moment ago, types, or clicked
  // the row now starting (until then the player may still report where it was before the click).
  useEffect(() => {
    if (!playingId || !playing) return;
    if (clicked.current) {
      if (clicked.current === playingId) clicked.current = null;
      return;
    }
    if (Date.now() - lastUserScroll.current < FOLLOW_PAUSE_MS) return;
    if (isTextField(document.activeElement) && scrollRef.current?.contains(document.activeElement)) return;
    const i = indexOf.get(playingId);
    if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
    // Only a change of segment, or playback starting (after a seek on the timeline), moves the list.
  }, [playingId, playing]);

  const listHeight = useFillHeight(scrollRef, [...opts.above, visible.length === 0]);
  return { scrollRef, virtualizer, userScrolled, clickedToPlay, listHeight };
}
