// The meeting's drafting run as the service has it: read when the view opens and again after a
// reconnection (a run may have ended, or resumed after a restart), then followed through
// {type:'drafting'} events. Why a run failed is told when it is read and when its event says so.
import { useEffect, useState } from 'react';
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

  // The run as the service has it now (why it failed, if it did), then each change of it.
  useEffect(() => {
    client.api
      .getDrafting({ meetingId })
      .then((found) => {
        setJob(found);
        if (found?.error) onError(found.error);
      })
      .catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId, reconnections]);
  useEffect(() => {
    const followRun = (next: DraftingJob) => {
      setJob(next);
      if (next.error) onError(next.error);
      if (next.status !== 'running') onEnded?.(next);
    };
    return client.onEvent((e) => {
      if (e.type === 'drafting' && e.job.meetingId === meetingId) followRun(e.job);
    });
  }, [meetingId, onError, onEnded]);

  const start = async (redraft: boolean) => {
    try {
      setJob(await client.api.startDrafting({ meetingId, ...(redraft ? { redraft } : {}) }));
    } catch (e) {
      onError(e);
    }
  };
  const cancel = () =>
    client.api
      .cancelDrafting({ meetingId })
      .then((j) => {
        if (j) setJob(j);
      })
      .catch(onError);

  return { job, start, cancel };
}
