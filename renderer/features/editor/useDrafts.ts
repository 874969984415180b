// The rows' typing not saved yet: each rendered row registers how to save its own, so that a
// command that depends on the text (undo, split, a panel's edit) saves it first, and so that a
// page closed or reloaded, which runs no timer and no blur, sends it as the page is hidden, in
// requests that outlive it.
import { useCallback, useEffect, useRef } from 'react';

/** Saves a row's pending typing; `leaving`: the page is going away. */
export type FlushDraft = (leaving?: boolean) => Promise<void>;

export interface Drafts {
  /** Saves every row's pending typing. */
  flushAll(): Promise<void>;
  /** Returns the unregistering function (for an effect's cleanup). */
  register(id: string, flush: FlushDraft): () => void;
}

export function useDrafts(): Drafts {
  const drafts = useRef(new Map<string, FlushDraft>());
  const flushAll = useCallback(() => Promise.all([...drafts.current.values()].map((f) => f())).then(() => undefined), []);
  const register = useCallback((id: string, flush: FlushDraft) => {
    drafts.current.set(id, flush);
    return () => {
      if (drafts.current.get(id) === flush) drafts.current.delete(id);
    };
  }, []);
  useEffect(() => {
    const leave = () => {
      for (const f of drafts.current.values()) void f(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  return { flushAll, register };
}
