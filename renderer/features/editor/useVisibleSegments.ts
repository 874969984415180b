// The segments the review editor lists: in time order, narrowed by the speaker filter, with the
// lookups the list and the commands need (row of a segment, segment by id, speakers' names and
// colours).
import { useMemo, useState } from 'react';
import type { Meeting, Segment } from '../../../shared/domain.ts';
import { inTimeOrder, speakerColours } from './speakers.ts';

/** 'all', 'none' (segments without a speaker) or a participant's id. */
export type SpeakerFilter = string;

export interface VisibleSegments {
  /** Every segment, in time order (the player's timeline and the playing segment). */
  ordered: readonly Segment[];
  /** The segments listed, in the order shown. */
  visible: readonly Segment[];
  /** Row of each listed segment. */
  indexOf: ReadonlyMap<string, number>;
  byId: ReadonlyMap<string, Segment>;
  names: ReadonlyMap<string, string>;
  colours: Record<string, string>;
  filter: SpeakerFilter;
  setFilter(filter: SpeakerFilter): void;
}

export function useVisibleSegments(meeting: Meeting): VisibleSegments {
  const ordered = useMemo(() => inTimeOrder(meeting.segments), [meeting.segments]);
  const byId = useMemo(() => new Map(meeting.segments.map((s) => [s.id, s])), [meeting.segments]);
  const colours = useMemo(() => speakerColours(meeting.participants), [meeting.participants]);
  const names = useMemo(() => new Map(meeting.participants.map((p) => [p.id, p.name])), [meeting.participants]);
  const [filter, setFilter] = useState<SpeakerFilter>('all');
  const visible = useMemo(
    () => (filter === 'all' ? ordered : ordered.filter((s) => (filter === 'none' ? !s.speakerId : s.speakerId === filter))),
    [ordered, filter],
  );
  const indexOf = useMemo(() => new Map(visible.map((s, i) => [s.id, i])), [visible]);
  return { ordered, visible, indexOf, byId, names, colours, filter, setFilter };
}
