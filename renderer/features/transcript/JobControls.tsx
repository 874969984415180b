// Start, resume, restart or stop the run, and its progress. A finished job is not run again by
// Start (the service answers "done" at once): only "Transcribe again from the start" makes sense
// then. Otherwise starting resumes after the last saved segment.
import type { TranscriptionJob } from '../../../shared/api.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';

export interface JobControlsProps {
  job: TranscriptionJob | null;
  /** Whether the meeting has segments already. */
  hasSegments: boolean;
  /** Audio and a model are there, and the meeting is not approved. */
  canRun: boolean;
  onStart(): void;
  onRestart(): void;
  onStop(): void;
}

export function JobControls({ job, hasSegments, canRun, onStart, onRestart, onStop }: JobControlsProps) {
  const { t } = useI18n();
  const running = job?.status === 'running';
  const finished = job?.status === 'done';
  return (
    <>
      <div className="actions">
        {running ? (
          <button type="button" className="danger" onClick={onStop}>
            {t('cancelTranscription')}
          </button>
        ) : (
          <>
            {!(finished && hasSegments) && (
              <button type="button" className="primary" disabled={!canRun} onClick={onStart}>
                {hasSegments ? t('resumeTranscription') : t('startTranscription')}
              </button>
            )}{' '}
            {hasSegments && (
              <button type="button" disabled={!canRun} onClick={onRestart}>
                {t('restartTranscription')}
              </button>
            )}
          </>
        )}
      </div>
      {job && (
        <div className="job" role="status" aria-live="polite">
          <progress value={job.percent} max={100} aria-label={t('progress')} /> <span dir="ltr">{Math.floor(job.percent)}%</span>
          {running && job.etaSec !== null && <span> · {t('remaining', { time: clock(job.etaSec) })}</span>}
          {job.status === 'done' && <span> · {t('jobDone')}</span>}
          {job.status === 'cancelled' && <span> · {t('jobCancelled')}</span>}
        </div>
      )}
      {running && job?.secondLook && (
        <p className="second-look" role="status">
          {t('secondLook', { done: job.secondLook.done, total: job.secondLook.total })}
        </p>
      )}
      {running && job?.threads && job.threads.now < job.threads.most && (
        <p className="cores-taken" role="status">
          {t('coresTaken', { now: job.threads.now, most: job.threads.most })}
        </p>
      )}
    </>
  );
}
