// Service commands for the meetings archive: list, create, read, update, delete, people.
import type { MahdarService } from '../../shared/api.ts';
import type { Meeting, Participant } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import type { TranscriptionJobs } from '../asr/job.ts';

type MeetingCommands = Pick<
  MahdarService,
  'listMeetings' | 'createMeeting' | 'getMeeting' | 'updateMeeting' | 'deleteMeeting' | 'listPeople'
>;

/**
 * A participant who speaks in the transcript stays: removing them would leave segments spoken by
 * nobody known, and clearing those links instead could not be undone by the form's undo, which
 * restores the participant but not the links. Checked inside the locked update, against the
 * segments as saved at that moment.
 */
function refuseRemovingSpeakers(current: Meeting, next: readonly Participant[]): void {
  const kept = new Set(next.map((p) => p.id));
  for (const p of current.participants) {
    if (kept.has(p.id)) continue;
    const count = current.segments.filter((s) => s.speakerId === p.id).length;
    if (count) throw new MahdarError('meeting.speakerInUse', { name: p.name.trim() || p.id, count });
  }
}

export function meetingCommands(ctx: ServiceContext, jobs: TranscriptionJobs): MeetingCommands {
  const { archive, events } = ctx;
  return {
    async listMeetings({ query }) {
      const { meetings, damaged } = await archive.list(query);
      return [...meetings, ...damaged];
    },
    async createMeeting({ fields }) {
      // No Hijri adjustment is carried over from the last meeting: the Ministry's month starts
      // (shared/calendar/moroccan-hijri.ts) settle most days, and a day carried over would move them.
      const m = await archive.create(fields);
      events.publish({ type: 'meeting', meetingId: m.id });
      return m;
    },
    getMeeting({ id }) {
      return archive.read(id);
    },
    async updateMeeting({ id, fields }) {
      const m = await archive.update(id, (current) => {
        if (current.status === 'approved') throw new MahdarError('meeting.readOnly');
        if (fields.participants) refuseRemovingSpeakers(current, fields.participants);
        // fields holds no segments or decisions (the API refuses them), so this merge cannot
        // overwrite what a transcription appended since the form was loaded.
        return { ...current, ...fields };
      });
      events.publish({ type: 'meeting', meetingId: id });
      return m;
    },
    async deleteMeeting({ id }) {
      // Deleting is confirmed in the UI: a transcription still running on the meeting is of no
      // use any more, so it is cancelled (its engine stopped) before the folder goes.
      await jobs.exclusive(id, null, () => archive.delete(id));
      jobs.forget(id);
      events.publish({ type: 'meeting', meetingId: id });
      return { deleted: true };
    },
    listPeople() {
      return archive.people();
    },
  };
}
