// Find and replace in the review editor: the matches in the segments shown (highlighted in their
// rows), stepping from one to the next, and replace all as one command. Matching is
// shared/text/find.ts, the same function the replaceText command runs.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import { MAX_RANGE_IDS } from '../../../shared/edits.ts';
import { findMatches, type TextRange } from '../../../shared/text/find.ts';
import type { SearchState } from './SearchBar.tsx';
import type { EditorCommands } from './useEditorCommands.ts';
import type { Select } from './useSelection.ts';

export interface Matches {
  bySeg: Map<string, TextRange[]>;
  /** In the order shown. */
  flat: { id: string; range: TextRange }[];
}

function matchesIn(visible: readonly Segment[], query: string, opts: { arabicAware: boolean; wholeWord: boolean }): Matches | null {
  if (!query.trim()) return null;
  const bySeg = new Map<string, TextRange[]>();
  const flat: { id: string; range: TextRange }[] = [];
  for (const s of visible) {
    const r = findMatches(s.text, query, opts);
    if (!r.length) continue;
    bySeg.set(s.id, r);
    for (const range of r) flat.push({ id: s.id, range });
  }
  return { bySeg, flat };
}

export interface Search {
  open: boolean;
  /** Opens the bar, or puts the focus back in its field. */
  show(): void;
  hide(): void;
  /** Changes when the bar's find field should take the focus. */
  focusToken: number;
  state: SearchState;
  change(patch: Partial<SearchState>): void;
  matches: Matches | null;
  count: number;
  /** Index of the current match (0 when none). */
  current: number;
  currentMatch: { id: string; range: TextRange } | undefined;
  step(dir: 1 | -1): void;
  replaceAll(): Promise<void>;
  /** "Replaced in n segments", until the search changes. */
  replacedNote: string | null;
}

export function useSearch(visible: readonly Segment[], filter: string, select: Select, run: EditorCommands['run'], replacedText: (n: number) => string): Search {
  const [open, setOpen] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const [state, setState] = useState<SearchState>({ query: '', replace: '', arabicAware: true, wholeWord: false });
  const [replacedNote, setReplacedNote] = useState<string | null>(null);
  const query = useDeferredValue(open ? state.query : '');
  const matches = useMemo(() => matchesIn(visible, query, { arabicAware: state.arabicAware, wholeWord: state.wholeWord }), [visible, query, state.arabicAware, state.wholeWord]);
  const [matchIdx, setMatchIdx] = useState(0);
  useEffect(() => setMatchIdx(0), [query, state.arabicAware, state.wholeWord]);
  const count = matches?.flat.length ?? 0;
  const current = Math.min(matchIdx, Math.max(0, count - 1));

  const show = useCallback(() => {
    setOpen(true);
    setFocusToken((n) => n + 1);
  }, []);
  const step = (dir: 1 | -1) => {
    if (!matches || !count) return;
    const k = (current + dir + count) % count;
    setMatchIdx(k);
    select(matches.flat[k]!.id, { scroll: true });
  };
  const replaceAll = async () => {
    if (!matches || !state.query) return;
    const segmentIds = filter === 'all' ? undefined : [...matches.bySeg.keys()].slice(0, MAX_RANGE_IDS);
    const n = matches.bySeg.size;
    const { query: find, replace, arabicAware, wholeWord } = state;
    const outcome = await run({ type: 'replaceText', find, replace, arabicAware, wholeWord, ...(segmentIds ? { segmentIds } : {}) });
    if (outcome === 'saved') setReplacedNote(replacedText(n));
  };
  const change = (patch: Partial<SearchState>) => {
    setState((s) => ({ ...s, ...patch }));
    setReplacedNote(null);
  };
  const currentMatch = count ? matches!.flat[current] : undefined;
  return { open, show, hide: () => setOpen(false), focusToken, state, change, matches, count, current, currentMatch, step, replaceAll, replacedNote };
}
