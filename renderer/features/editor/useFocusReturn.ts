// Where focus goes back once a form or a dialog of a side panel closes. The form replaces the
// button that opened it while it is open, so the button is remembered by its data-focus key and
// found again in the list drawn anew; if it is gone (the item was deleted), the panel's heading.
import { useRef, type RefObject } from 'react';

export interface FocusReturn {
  /** The data-focus key of the button that opens the form or the dialog. */
  remember(key: string): void;
  /** Focus that button again (or the heading), once React has drawn the panel. */
  restore(): void;
}

export function useFocusReturn(panel: RefObject<HTMLElement | null>): FocusReturn {
  const opener = useRef<string | null>(null);
  const remember = (key: string) => {
    opener.current = key;
  };
  const restore = () => {
    const key = opener.current;
    opener.current = null;
    if (!key) return;
    // After React has drawn the list again.
    setTimeout(() => {
      const root = panel.current;
      const el = root?.querySelector<HTMLElement>(`[data-focus="${key}"]:not(:disabled)`) ?? root?.querySelector<HTMLElement>('h2');
      el?.focus();
    }, 0);
  };
  return { remember, restore };
}
