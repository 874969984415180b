// How a main-process event changes a meeting's recording session (recorder.ts), as a pure function:
// which events are this session's, and what of its snapshot they change.
import type { ApiEvent } from '../../../shared/api.ts';
import { nextLiveText } from './live-text.ts';
import type { Snapshot } from './snapshot.ts';

export interface SessionView {
  meetingId: string;
  snap: Snapshot;
  /** The recordings whose live text the session shows (a continued one after a crash adds one). */
  liveIds: ReadonlySet<string>;
  /** Set by stop: the job events that follow are the full pass main started by itself. */
  afterStop: boolean;
}

/**
 * What `e` changes in the session's snapshot (null: nothing, the event is not its), and the
 * recording whose live text it now shows.
 */
export function sessionPatch(view: SessionView, e: ApiEvent): { patch: Partial<Snapshot>; liveId?: string } | null {
  const { meetingId, snap } = view;
  if (e.type === 'job') {
    return e.job.meetingId === meetingId && view.afterStop ? { patch: { fullPass: e.job } } : null;
  }
  if (e.type === 'recording') {
    // During a break no chunk is answered: how far the full pass reaches comes by event.
    const r = e.recording;
    return e.meetingId === meetingId && r && r.recordingId === snap.recordingId && snap.phase !== 'idle' ? { patch: { followed: r.followed } } : null;
  }
  if ((e.type !== 'liveText' && e.type !== 'liveStatus') || e.meetingId !== meetingId) return null;
  // Events of another window's recording of this meeting are not ours once this page is idle.
  if (snap.phase === 'idle' && !view.liveIds.has(e.recordingId)) return null;
  return { patch: { live: nextLiveText(snap.live, e) }, liveId: e.recordingId };
}
