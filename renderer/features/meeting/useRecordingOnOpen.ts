// A recording still open (the page was reloaded while it recorded) or recovered after a crash is
// the first thing the secretary must see: its tab opens. Main says a recovery only once, so it is
// kept here and handed to the recording panel.
import { useEffect, useState } from 'react';
import type { RecoveredRecording } from '../../../shared/recording.ts';
import { client } from '../../api/client.ts';

export function useRecordingOnOpen(meetingId: string, openRecordingTab: () => void): RecoveredRecording | null {
  const [recovered, setRecovered] = useState<RecoveredRecording | null>(null);
  useEffect(() => {
    client.api
      .getRecording({ meetingId })
      .then((st) => {
        if (st.recovered) setRecovered(st.recovered);
        if (st.recording || st.recovered) openRecordingTab();
      })
      .catch(() => undefined); // the panel asks again and shows the error
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId]);
  return recovered;
}
