// An edit the app makes on its own (a draft, the live marks before a run), applied on the
// meeting's current version: an edit the secretary saved meanwhile gets one retry on the new version.
import type { Edit, EditResult } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';

export async function applyOnCurrent(ctx: Pick<ServiceContext, 'journals' | 'events'>, meetingId: string, edit: Edit): Promise<EditResult> {
  for (let attempt = 0; ; attempt++) {
    const { version } = await ctx.journals.state(meetingId);
    try {
      const out = await ctx.journals.apply(meetingId, version, edit);
      // An editor open on the meeting reloads it.
      if (out.version !== version) ctx.events.publish({ type: 'meeting', meetingId });
      return out;
    } catch (err) {
      if (!(err instanceof MahdarError && err.code === 'edit.conflict') || attempt > 0) throw err;
    }
  }
}
