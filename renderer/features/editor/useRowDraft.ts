// A row's typing: held in the row and saved as setText SAVE_DELAY_MS after the last key, at
// once when the box is left, and when the page is hidden or closed (the editor calls
// `flush(true)`): nothing typed is lost, and a save that fails is tried again.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import type { FlushDraft } from './useDrafts.ts';
import type { SaveOutcome } from './useEdits.ts';

export const SAVE_DELAY_MS = 400;
const RETRY_MS = 2000;

export interface RowDraft {
  /** What the box shows: the segment's text, or what is being typed over it. */
  text: string;
  /** A key typed: shown, and saved once the typing pauses. */
  type(text: string): void;
  flush: FlushDraft;
  /** Typed and not yet saved (or its save failed). */
  unsaved(): boolean;
}

export function useRowDraft(seg: Pick<Segment, 'id' | 'text'>, save: (id: string, text: string, leaving?: boolean) => Promise<SaveOutcome>, register: (id: string, flush: FlushDraft) => () => void): RowDraft {
  const [draft, setDraft] = useState(seg.text);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The text a leave-save is sending: pagehide and then visibilitychange send it once. */
  const leaving = useRef<string | null>(null);

  // The text changed in the meeting (undo, replace all, another window): shown, unless the
  // secretary has typing of her own not saved yet, which wins and is saved over it.
  useEffect(() => {
    if (!unsaved.current) setDraft(seg.text);
  }, [seg.text]);

  const flush = useCallback(async (onLeave = false): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!unsaved.current) return;
    const text = draftRef.current;
    if (onLeave) {
      if (leaving.current === text) return;
      leaving.current = text;
    }
    const outcome = await save(seg.id, text, onLeave).finally(() => {
      if (onLeave) leaving.current = null;
    });
    if (outcome === 'retry') {
      if (!timer.current) timer.current = setTimeout(() => void flush(), RETRY_MS);
      return;
    }
    // Typing that came during the save keeps its own timer.
    if (draftRef.current === text) unsaved.current = false;
  }, [save, seg.id]);

  useEffect(() => register(seg.id, flush), [register, seg.id, flush]);
  // Leaving the tab or the meeting saves what was typed.
  useEffect(
    () => () => {
      if (unsaved.current) void flush();
    },
    [flush],
  );

  const type = (text: string) => {
    setDraft(text);
    unsaved.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  return { text: draft, type, flush, unsaved: () => unsaved.current };
}
