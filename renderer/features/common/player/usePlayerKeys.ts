// The player's keys (scope 'player' in ../keymap.ts), which work while the secretary types in a
// segment's text box: Ctrl plus a key that a textarea in Chromium does nothing with (no word
// jump, selection, undo or browser command a page cannot take).
import { useEffect, useRef } from 'react';
import { actionFor } from '../keymap.ts';
import type { Player } from './usePlayer.ts';

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
      const m = actionFor('player', e);
      if (!m || !current.current.available) return;
      e.preventDefault();
      e.stopPropagation();
      // Holding Ctrl+Space would start and stop many times a second.
      if (m.action === 'playerToggle' && e.repeat) return;
      const p = current.current;
      if (m.action === 'playerToggle') p.toggle();
      else if (m.action === 'playerBack') p.back(3);
      else if (m.action === 'playerFaster') p.faster();
      else if (m.action === 'playerSlower') p.slower();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
