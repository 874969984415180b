// A meeting as meeting.json holds it, for tests of pure functions on meetings: a draft council
// session with the fields given on top. One builder, so each test names only what it is about.
import { emptyMeetingFields, meetingSchema, type Meeting, type Segment } from '../../shared/domain.ts';

export function storedMeeting(fields: Partial<Meeting> = {}): Meeting {
  return meetingSchema.parse({
    schemaVersion: 1,
    id: 'm-test',
    status: 'draft',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    audio: null,
    ...emptyMeetingFields(),
    title: 'دورة',
    type: 'council',
    ...fields,
  });
}

/** The i-th passage: 8 s long, every 10 s, with the given speaker and agenda point. */
export function passageAt(i: number, text: string, speakerId: string | null = null, agendaItemId?: string): Segment {
  return {
    id: `s-${String(i).padStart(3, '0')}`,
    start: i * 10,
    end: i * 10 + 8,
    text,
    speakerId,
    tags: [],
    edited: false,
    ...(agendaItemId ? { agendaItemId } : {}),
  };
}
