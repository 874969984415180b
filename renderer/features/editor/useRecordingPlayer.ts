// The review editor's player. While the meeting records and the full pass that follows the
// recording saves into its transcript, the player plays that recording as far as it is written
// (main serves it by meeting id, service/media.ts): reloaded when the transcript has grown, but
// never while it plays, so that listening is not cut. Otherwise, the meeting's audio.
import { useEffect, useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { usePlayer, type Player } from '../common/player/usePlayer.ts';

/** The recording the page runs, while it runs (features/meeting/useRecordingUnderReview.ts). */
export interface RecordingUnderReview {
  recordingId: string;
  /** A full pass follows it (false: no model installed; it is transcribed after the stop, by hand). */
  following: boolean;
  /** The second up to which the full pass has transcribed it. */
  transcribedSec: number;
  /** That text is the meeting's transcript (else it replaces it at the stop). */
  inTranscript: boolean;
}

export function useRecordingPlayer(meeting: Meeting, recording: RecordingUnderReview | null | undefined): Player {
  const live = recording?.inTranscript ? recording : null;
  const wanted = live ? `${live.recordingId}-${live.transcribedSec}` : null;
  const [loaded, setLoaded] = useState<string | null>(null);
  const player = usePlayer(meeting.id, !!meeting.audio || !!live, wanted ? (loaded ?? wanted) : meeting.audio?.file);
  useEffect(() => {
    if (wanted !== loaded && (!wanted || !player.playing)) setLoaded(wanted);
  }, [wanted, loaded, player.playing]);
  return player;
}
