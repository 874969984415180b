// Service commands of the review editor: apply an edit command, undo, redo, and the history's
// state. The work (version check, status check, journal, meeting.json) is in
// main/archive/journal.ts; here the result is announced so other windows on the meeting refetch.
import type { z } from 'zod';
import { editApiInputs, type EditApiOutputs } from '../../shared/edits.ts';
import type { ServiceContext } from '../context/context.ts';
import type { MeetingJournals } from '../archive/journal.ts';

type Parsed<M extends keyof typeof editApiInputs> = z.output<(typeof editApiInputs)[M]>;
export type EditCommands = { [M in keyof EditApiOutputs]: (input: Parsed<M>) => Promise<EditApiOutputs[M]> };

export function editCommands(ctx: Pick<ServiceContext, 'events'>, journals: MeetingJournals): EditCommands {
  const announce = <T extends { version: number }>(meetingId: string, baseVersion: number, r: T): T => {
    if (r.version !== baseVersion) ctx.events.publish({ type: 'meeting', meetingId });
    return r;
  };
  return {
    async applyEdit({ meetingId, baseVersion, edit }) {
      return announce(meetingId, baseVersion, await journals.apply(meetingId, baseVersion, edit));
    },
    async undoEdit({ meetingId, baseVersion }) {
      return announce(meetingId, baseVersion, await journals.undo(meetingId, baseVersion));
    },
    async redoEdit({ meetingId, baseVersion }) {
      return announce(meetingId, baseVersion, await journals.redo(meetingId, baseVersion));
    },
    getEditState({ meetingId }) {
      return journals.state(meetingId);
    },
  };
}
