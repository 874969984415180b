// Saves the meeting form as the secretary types: changes are merged into one pending patch and
// sent after a short pause (well within the "nothing older than a second or two is lost" rule),
// and flushed at once when the page is hidden or the meeting is closed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditableFields, Meeting } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
const DELAY_MS = 400;

export function useAutosave(meetingId: string, onSaved: (m: Meeting) => void, onError: (e: unknown) => void) {
  const pending = useRef<Partial<EditableFields>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  const [state, setState] = useState<SaveState>('idle');
  const callbacks = useRef({ onSaved, onError });
  callbacks.current = { onSaved, onError };

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return inFlight.current;
    pending.current = {};
    setState('saving');
    // Saves are chained so an older patch can never land after a newer one.
    inFlight.current = inFlight.current.then(() =>
      client.api.updateMeeting({ id: meetingId, fields: patch }).then(
        (m) => {
          setState(Object.keys(pending.current).length ? 'saving' : 'saved');
          callbacks.current.onSaved(m);
        },
        (e) => {
          // Keep the unsaved patch so that the next change or a retry sends it again.
          pending.current = { ...patch, ...pending.current };
          setState('error');
          callbacks.current.onError(e);
        },
      ),
    );
    return inFlight.current;
  }, [meetingId]);

  const save = useCallback(
    (patch: Partial<EditableFields>) => {
      pending.current = { ...pending.current, ...patch };
      setState('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return { save, flush, state };
}
