// The recording this page runs, as the review editor needs it during the recording: how far the
// full pass that follows it has transcribed, and whether that text is the meeting's transcript
// (the editor then plays the recording as far as it is written). Null when the page records nothing.
import { useSyncExternalStore } from 'react';
import type { RecordingUnderReview } from '../editor/useRecordingPlayer.ts';
import { sessionFor } from '../recording/recorder.ts';

export function useRecordingUnderReview(meetingId: string): RecordingUnderReview | null {
  const session = sessionFor(meetingId);
  const s = useSyncExternalStore(session.subscribe, () => session.snapshot);
  if ((s.phase !== 'recording' && s.phase !== 'paused') || !s.recordingId) return null;
  return { recordingId: s.recordingId, following: !!s.followed, transcribedSec: s.followed?.endSec ?? 0, inTranscript: !!s.followed?.inTranscript };
}
