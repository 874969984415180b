// The review editor's keys, as the keymap (features/common/keymap.ts) binds them: the window's
// (scopes 'editor' and 'global': search, go to a time, undo/redo outside text boxes, F8, the
// next turn or decision and help outside text boxes, Esc closing the search, save now) and
// the focused row's (scope 'list'). A segment's text box handles its own (SegmentRow).
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { AgendaItem, Participant } from '../../../shared/domain.ts';
import { actionFor, isTextField } from '../common/keymap.ts';
import type { SegmentActions } from './useSegmentActions.ts';
import type { Selection } from './useSelection.ts';

export interface WindowKeyHandlers {
  /** The help panel is open: it has the keys. */
  helpOpen: boolean;
  openSearch(): void;
  openHelp(): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  saveNow(): Promise<void>;
  nextDoubt(dir: 1 | -1): void;
  nextTurn(dir: 1 | -1): void;
  nextDecision(dir: 1 | -1): void;
  openGoTo(): void;
  /** Null while the search bar is closed. */
  closeSearch: (() => void) | null;
}

/** Keys of the window that need the focus outside text boxes (or that a text box left alone). */
function onPlainKey(e: KeyboardEvent, h: WindowKeyHandlers): void {
  const key = actionFor('editor', e);
  if (key?.action === 'nextTurn' || key?.action === 'nextDecision') {
    e.preventDefault();
    h[key.action](key.arg as 1 | -1);
  } else if (key?.action === 'help') {
    e.preventDefault();
    h.openHelp();
  } else if (h.closeSearch && !e.defaultPrevented && actionFor('search', e)?.action === 'closeSearch') {
    // Esc from the list or the bar's buttons; in its fields the bar closes itself.
    e.preventDefault();
    h.closeSearch();
  }
}

export function useWindowKeys(handlers: WindowKeyHandlers): void {
  const live = useRef(handlers);
  live.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = actionFor('editor', e) ?? actionFor('global', e);
      const h = live.current;
      const inTextField = isTextField(document.activeElement);
      if (key?.action === 'search') {
        e.preventDefault();
        h.openSearch();
      } else if (key?.action === 'undo' || key?.action === 'redo') {
        // Text boxes keep their own undo (a segment's box hands over to the journal itself).
        if (inTextField || h.helpOpen) return;
        e.preventDefault();
        void (key.action === 'redo' ? h.redo() : h.undo());
      } else if (key?.action === 'save') {
        // The meeting page saves its form on the same key, and takes it from the browser.
        void h.saveNow();
      } else if (key?.action === 'doubtful' && !h.helpOpen) {
        // F8 types nothing, so it works from a segment's text box too.
        e.preventDefault();
        h.nextDoubt(key.arg as 1 | -1);
      } else if (key?.action === 'goToTime' && !h.helpOpen) {
        // Ctrl+G types nothing (the browser's "find next" gives way), so it works from a text box.
        e.preventDefault();
        h.openGoTo();
      } else if (!inTextField && !h.helpOpen) onPlainKey(e, h);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export interface ListKeyContext {
  readOnly: boolean;
  participants: readonly Participant[];
  visible: readonly { id: string }[];
  indexOf: ReadonlyMap<string, number>;
  selection: Selection;
  actions: SegmentActions;
  /** The agenda points with a title, numbered from 1 as the side panel shows them. */
  agenda: readonly AgendaItem[];
  /** Moves the focus to the speaker picker (P). */
  focusPicker(): void;
  /** Opens the decisions panel's form on the selection (Ctrl+D). */
  draftDecision(): void;
}

/** The grid's onKeyDown: the keys of a focused row. Keys typed in a text box belong to it. */
export function listKeyHandler(c: ListKeyContext) {
  const move = (i: number, extend: boolean) => {
    if (!c.visible.length) return;
    const k = Math.max(0, Math.min(c.visible.length - 1, i));
    c.selection.select(c.visible[k]!.id, { extend, focus: true, scroll: true });
  };
  return (e: ReactKeyboardEvent) => {
    const row = e.target as HTMLElement;
    if (row.getAttribute('role') !== 'row') return;
    const key = actionFor('list', e);
    if (!key) return;
    // From the selection, not the event's row: a second key may come before the focus has moved.
    const focus = c.selection.focus;
    const id = focus && c.indexOf.has(focus) ? focus : row.dataset.seg!;
    const i = c.indexOf.get(id) ?? 0;
    let handled = true;
    if (key.action === 'move' || key.action === 'extend') move(i + key.arg!, key.action === 'extend');
    else if (key.action === 'edit') c.selection.select(id, { focus: true, text: true });
    else if (key.action === 'play') c.actions.play(id);
    else if (c.readOnly) handled = false;
    else if (key.action === 'speaker') {
      const p = c.participants[key.arg! - 1];
      if (p) c.actions.assign(p.id);
    } else if (key.action === 'clearSpeaker') c.actions.assign(null);
    else if (key.action === 'picker') c.focusPicker();
    else if (key.action === 'merge') c.actions.merge(id);
    else if (key.action === 'agendaPoint') {
      // Alt+0: no point; Alt+N past the last point does nothing.
      const item = key.arg ? c.agenda[key.arg - 1] : null;
      if (item !== undefined) c.actions.setAgendaPoint(item?.id ?? null);
    } else if (key.action === 'decisionFromSelection') c.draftDecision();
    else handled = false;
    if (handled) e.preventDefault();
  };
}
