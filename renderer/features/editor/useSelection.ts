// The review editor's selection: from an anchor to the focused segment, in the order shown. A
// segment selected with `focus` or `scroll` is also a request to the list (useSegmentScroll),
// served on the render that shows it.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Segment } from '../../../shared/domain.ts';

export interface SelectOptions {
  /** From the anchor to this segment (Shift). */
  extend?: boolean;
  /** The row takes the focus; with `text`, its text box. */
  focus?: boolean;
  text?: boolean;
  /** Scrolled into view. */
  scroll?: boolean;
}

export interface FocusRequest {
  id: string;
  text: boolean;
  focus: boolean;
  scroll: boolean;
}

export type Select = (id: string, opts?: SelectOptions) => void;

export interface Selection {
  anchor: string | null;
  focus: string | null;
  /** Row of the focused segment in the list, or -1. */
  focusIdx: number;
  /** Selected segment ids, in the order shown. */
  ids: string[];
  has: ReadonlySet<string>;
  /** The focused segment. */
  active: Segment | null;
  select: Select;
  /** The focused segment as of the latest render, for callbacks answered later. */
  latestFocus(): string | null;
  focusRequest: FocusRequest | null;
  setFocusRequest(request: FocusRequest | null): void;
}

export function useSelection(visible: readonly Segment[], indexOf: ReadonlyMap<string, number>): Selection {
  const [sel, setSel] = useState<{ anchor: string | null; focus: string | null }>({ anchor: null, focus: null });
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const focusIdx = sel.focus ? (indexOf.get(sel.focus) ?? -1) : -1;
  const anchorIdx = sel.anchor ? (indexOf.get(sel.anchor) ?? -1) : -1;
  const ids = useMemo(() => {
    if (focusIdx < 0) return [];
    const a = anchorIdx < 0 ? focusIdx : anchorIdx;
    return visible.slice(Math.min(a, focusIdx), Math.max(a, focusIdx) + 1).map((s) => s.id);
  }, [visible, focusIdx, anchorIdx]);
  const has = useMemo(() => new Set(ids), [ids]);
  const select = useCallback<Select>((id, opts = {}) => {
    setSel((s) => (opts.extend ? { anchor: s.anchor ?? s.focus ?? id, focus: id } : { anchor: id, focus: id }));
    if (opts.focus || opts.scroll) setFocusRequest({ id, text: !!opts.text, focus: !!opts.focus, scroll: !!opts.scroll });
  }, []);
  const latest = useRef(sel.focus);
  latest.current = sel.focus;
  const latestFocus = useCallback(() => latest.current, []);
  const active = focusIdx >= 0 ? visible[focusIdx]! : null;
  return { ...sel, focusIdx, ids, has, active, select, latestFocus, focusRequest, setFocusRequest };
}
