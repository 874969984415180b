// The meeting's transcription job as the service has it: read when the tab opens and again after
// a reconnection (a job may have ended, or died with the server), then followed through events.
// Segments arrive one by one while it runs, each already saved; the meeting is read again when
// the job ends.
import { useEffect, useRef, useState } from 'react';
import type { TranscriptionJob } from '../../../shared/api.ts';
import type { Meeting } from '../../../shared/domain.ts';
import { placeSegment } from '../../../shared/transcript/place-segment.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';
import type { SpokenLanguage } from './useEngineChoice.ts';

export interface JobSettings {
  modelId: string;
  language: SpokenLanguage;
  threads: number;
}

export interface TranscriptionJobState {
  job: TranscriptionJob | null;
  /** Saves the choices as the settings, then starts (or resumes after the last saved segment; from the start with `restart`). */
  start(settings: JobSettings, restart: boolean): Promise<void>;
  cancel(): void;
  /** New audio: the old job (its "100 %") belonged to the old recording. */
  audioReplaced(): Promise<void>;
}

type MeetingUpdate = (update: Meeting | ((prev: Meeting) => Meeting)) => void;

export function useTranscriptionJob(meeting: Meeting, onMeeting: MeetingUpdate, onError: (e: unknown) => void): TranscriptionJobState {
  const { reconnections } = useConnection();
  const [job, setJob] = useState<TranscriptionJob | null>(null);
  const jobRef = useRef(job);
  jobRef.current = job;

  useEffect(() => {
    client.api.getTranscription({ meetingId: meeting.id }).then(setJob).catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meeting.id, reconnections]);

  const refresh = () =>
    client.api
      .getTranscription({ meetingId: meeting.id })
      .then(setJob)
      .catch(() => undefined);

  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'job' && e.job.meetingId === meeting.id) {
          setJob(e.job);
          if (e.job.error) onError(e.job.error);
          if (e.job.status !== 'running') client.api.getMeeting({ id: meeting.id }).then(onMeeting).catch(() => undefined);
        } else if (e.type === 'segment' && e.meetingId === meeting.id) {
          // Several segments arrive in one burst, before React renders: each must add to the
          // latest meeting, or only the last of the burst would be shown.
          const seg = e.segment;
          onMeeting((m) => ({ ...m, segments: placeSegment(m.segments, seg) }));
        } else if (e.type === 'meeting' && e.meetingId === meeting.id && jobRef.current?.status !== 'running') {
          // The meeting changed (new audio here or in another window, a restart): show the job as the service has it now.
          void refresh();
        }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [meeting.id, onMeeting, onError],
  );

  const start = async ({ modelId, language, threads }: JobSettings, restart: boolean) => {
    try {
      await client.api.updateSettings({ settings: { modelId, transcriptionLanguage: language, threads } });
      setJob(await client.api.startTranscription({ meetingId: meeting.id, modelId, language, restart, ...(threads ? { threads } : {}) }));
    } catch (e) {
      onError(e);
    }
  };

  const cancel = () => void client.api.cancelTranscription({ meetingId: meeting.id }).then(setJob).catch(onError);

  const audioReplaced = async () => {
    setJob(null);
    await refresh();
  };

  return { job, start, cancel, audioReplaced };
}
