// The player's keys, which work while the secretary types in a segment's text box: Ctrl plus a
// key that a textarea in Chromium does nothing with (no word jump, selection, undo or browser
// command a page cannot take). Matched on the physical key (KeyboardEvent.code), so that they
// work the same with the Arabic, French (AZERTY) and English layouts.
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { Player } from './usePlayer.ts';

export interface PlayerShortcut {
  action: 'toggle' | 'back' | 'faster' | 'slower';
  /** As shown in the help panel. */
  keys: string;
  /** For aria-keyshortcuts. */
  aria: string;
  label: MessageKey;
  code: string;
  shift: boolean;
}

/** For the editor's help panel, and the buttons' aria-keyshortcuts. */
export const playerShortcuts: readonly PlayerShortcut[] = [
  { action: 'toggle', keys: 'Ctrl+Space', aria: 'Control+Space', label: 'playerPlayPause', code: 'Space', shift: false },
  { action: 'back', keys: 'Ctrl+B', aria: 'Control+B', label: 'playerBack', code: 'KeyB', shift: false },
  { action: 'faster', keys: 'Ctrl+Shift+.', aria: 'Control+Shift+.', label: 'playerFaster', code: 'Period', shift: true },
  { action: 'slower', keys: 'Ctrl+Shift+,', aria: 'Control+Shift+,', label: 'playerSlower', code: 'Comma', shift: true },
];

export function shortcutFor(action: PlayerShortcut['action']): PlayerShortcut {
  return playerShortcuts.find((s) => s.action === action)!;
}

/** The shortcut a key press means, or null. */
export function matchPlayerShortcut(e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'isComposing'>): PlayerShortcut | null {
  if (!e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return null;
  return playerShortcuts.find((s) => s.code === e.code && s.shift === e.shiftKey) ?? null;
}

/**
 * Listens on the window in the capture phase, so that the keys reach the player before any text
 * box or list handles them, and takes them (preventDefault) so that nothing else acts on them.
 */
export function usePlayerKeys(player: Player, enabled = true): void {
  const current = useRef(player);
  current.current = player;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const s = matchPlayerShortcut(e);
      if (!s || !current.current.available) return;
      e.preventDefault();
      e.stopPropagation();
      // Holding Ctrl+Space would start and stop many times a second.
      if (s.action === 'toggle' && e.repeat) return;
      const p = current.current;
      if (s.action === 'toggle') p.toggle();
      else if (s.action === 'back') p.back(3);
      else if (s.action === 'faster') p.faster();
      else p.slower();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
