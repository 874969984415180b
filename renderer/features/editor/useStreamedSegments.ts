// Segments decoded by a running transcription arrive one by one. When the run ends, segments
// already here come again with the engine's word confidences: taken only onto the same text.
import { useEffect } from 'react';
import { client } from '../../api/client.ts';
import type { MeetingUpdate } from './useEdits.ts';

export function useStreamedSegments(meetingId: string, onMeeting: MeetingUpdate): void {
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type !== 'segment' || e.meetingId !== meetingId) return;
        onMeeting((prev) => {
          const i = prev.segments.findIndex((s) => s.id === e.segment.id);
          if (i < 0) return { ...prev, segments: [...prev.segments, e.segment] };
          const cur = prev.segments[i]!;
          if (!e.segment.wordConfidence || cur.wordConfidence || cur.edited || cur.text !== e.segment.text) return prev;
          const segments = prev.segments.slice();
          segments[i] = { ...cur, wordConfidence: e.segment.wordConfidence };
          return { ...prev, segments };
        });
      }),
    [meetingId, onMeeting],
  );
}
