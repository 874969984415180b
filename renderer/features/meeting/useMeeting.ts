// The meeting a page shows, kept current: read on opening, read again when a transcription streams
// segments or another window changes it, and after a reconnection; a read answered after a newer
// edit was applied here never takes the page back to an older version.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';

/**
 * `followsChanges` says whether the page reads the meeting again on a change event now (the review
 * editor follows changes itself).
 */
export function useMeeting(meetingId: string, fail: (e: unknown) => void, clearError: () => void, followsChanges: () => boolean) {
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const handlers = useRef({ fail, clearError, followsChanges });
  handlers.current = { fail, clearError, followsChanges };

  const load = useCallback(() => {
    client.api
      .getMeeting({ id: meetingId })
      .then((m) => {
        setMeeting(m);
        handlers.current.clearError();
      })
      .catch((e) => handlers.current.fail(e));
  }, [meetingId]);
  useEffect(load, [load]);

  const keepNewer = useCallback((m: Meeting) => setMeeting((prev) => (prev && (prev.version ?? 0) > (m.version ?? 0) ? prev : m)), []);
  // A refresh that fails leaves the meeting as it is: the next event or reconnection reads it again.
  const refresh = useCallback(() => void client.api.getMeeting({ id: meetingId }).then(keepNewer).catch(() => undefined), [meetingId, keepNewer]);

  // Segments streamed by a transcription, or changes from another window, refresh the meeting.
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'meeting' && e.meetingId === meetingId && handlers.current.followsChanges()) refresh();
      }),
    [meetingId, refresh],
  );

  // Events sent while the server was away are lost: after a reconnection, read the meeting again
  // (the form keeps what the secretary typed; its unsaved changes are still pending in autosave).
  const { reconnections } = useConnection();
  useEffect(() => {
    if (reconnections > 0) refresh();
  }, [reconnections, refresh]);

  // The transcript panel applies live segments to the latest meeting, not to the one it last rendered.
  const updateMeeting = useCallback((update: Meeting | ((prev: Meeting) => Meeting)) => {
    setMeeting((prev) => (typeof update === 'function' ? (prev ? update(prev) : prev) : update));
  }, []);

  return { meeting, setMeeting, load, refresh, keepNewer, updateMeeting };
}
