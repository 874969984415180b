// Segments decoded by a running transcription arrive one by one, in time order except those of the
// second look, which fill holes (placeSegment). When the run ends, segments
// already here come again with the engine's word confidences: taken only onto the same text.
import { useEffect } from 'react';
import { placeSegment } from '../../../shared/transcript/place-segment.ts';
import { client } from '../../api/client.ts';
import type { MeetingUpdate } from './useEdits.ts';

export function useStreamedSegments(meetingId: string, onMeeting: MeetingUpdate): void {
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type !== 'segment' || e.meetingId !== meetingId) return;
        onMeeting((prev) => {
          const i = prev.segments.findIndex((s) => s.id === e.segment.id);
          if (i < 0) return { ...prev, segments: placeSegment(prev.segments, e.segment) };
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
