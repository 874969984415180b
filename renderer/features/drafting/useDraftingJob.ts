// The meeting's drafting run as the service has it: read when the view opens and again after a
// reconnection (a run may have ended, or resumed after a restart), then followed through
// {type:'drafting'} events. Why a run failed is told when it is read and when its event says so.
// A reply can be older than the events that overtook it: the run's first draft may be written and
// announced before the reply to its start arrives, and the reply then put 0 drafted back (the e2e
// test, under load, once saw 0 of 4 after the first draft was saved). A reply is shown only if no
// event came while it was awaited; the events carry the newer state.
import { useEffect, useRef, useState } from 'react';
import type { DraftingJob } from '../../../shared/drafting.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';

export interface DraftingJobState {
  job: DraftingJob | null;
  /** Drafts the interventions without a summary (with `redraft`, also those whose draft was not accepted). */
  start(redraft: boolean): Promise<void>;
  cancel(): Promise<void>;
}

export function useDraftingJob(meetingId: string, onError: (e: unknown) => void, onEnded?: (job: DraftingJob) => void): DraftingJobState {
  const { reconnections } = useConnection();
  const [job, setJob] = useState<DraftingJob | null>(null);
  const eventsSeen = useRef(0);
  const showReply = (asked: number, reply: DraftingJob | null) => {
    if (eventsSeen.current === asked) setJob(reply);
  };

  // The run as the service has it now (why it failed, if it did), then each change of it.
  useEffect(() => {
    const asked = eventsSeen.current;
    client.api
      .getDrafting({ meetingId })
      .then((found) => {
        showReply(asked, found);
        if (found?.error) onError(found.error);
      })
      .catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId, reconnections]);
  useEffect(() => {
    const followRun = (next: DraftingJob) => {
      eventsSeen.current += 1;
      setJob(next);
      if (next.error) onError(next.error);
      if (next.status !== 'running') onEnded?.(next);
    };
    return client.onEvent((e) => {
      if (e.type === 'drafting' && e.job.meetingId === meetingId) followRun(e.job);
    });
  }, [meetingId, onError, onEnded]);

  const start = async (redraft: boolean) => {
    const asked = eventsSeen.current;
    try {
      showReply(asked, await client.api.startDrafting({ meetingId, ...(redraft ? { redraft } : {}) }));
    } catch (e) {
      onError(e);
    }
  };
  const cancel = () => {
    const asked = eventsSeen.current;
    return client.api
      .cancelDrafting({ meetingId })
      .then((j) => {
        if (j) showReply(asked, j);
      })
      .catch(onError);
  };

  return { job, start, cancel };
}
