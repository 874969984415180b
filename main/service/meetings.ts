// Service commands for the meetings archive: list, create, read, update, delete, people.
import type { MahdarService } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';

type MeetingCommands = Pick<
  MahdarService,
  'listMeetings' | 'createMeeting' | 'getMeeting' | 'updateMeeting' | 'deleteMeeting' | 'listPeople'
>;

export function meetingCommands(ctx: ServiceContext): MeetingCommands {
  const { archive, events } = ctx;
  return {
    async listMeetings({ query }) {
      const { meetings, damaged } = await archive.list(query);
      return [...meetings, ...damaged];
    },
    async createMeeting({ fields }) {
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
        return { ...current, ...fields };
      });
      events.publish({ type: 'meeting', meetingId: id });
      return m;
    },
    async deleteMeeting({ id }) {
      await archive.delete(id);
      events.publish({ type: 'meeting', meetingId: id });
      return { deleted: true };
    },
    listPeople() {
      return archive.people();
    },
  };
}
