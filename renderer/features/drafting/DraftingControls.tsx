// Drafting the summaries of one meeting: start (or redraft the drafts not yet accepted), cancel,
// and the progress "12 / 150 interventions drafted" as the run goes. Each draft is saved as soon
// as it is written, so a cancelled or failed run keeps what it drafted. Embedded by the transcript
// tab and the editor's summaries view.
import { useCallback, useState } from 'react';
import type { DraftingJob } from '../../../shared/drafting.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { useDraftingJob } from './useDraftingJob.ts';

export interface DraftingControlsProps {
  meetingId: string;
  /** The meeting is approved, or has no passages yet: nothing to draft. */
  disabled?: boolean;
  /** A run ended (done, cancelled, failed): the view may read the meeting again for its drafts. */
  onEnded?(job: DraftingJob): void;
}

export function DraftingControls({ meetingId, disabled = false, onEnded }: DraftingControlsProps) {
  const { t, errorMessage } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(errorMessage(e)), [errorMessage]);
  const { job, start, cancel } = useDraftingJob(meetingId, fail, onEnded);
  const running = job?.status === 'running';
  const run = (redraft: boolean) => {
    setError(null);
    void start(redraft);
  };
  return (
    <div className="drafting-controls">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="actions">
        {running ? (
          <button type="button" className="danger" onClick={() => void cancel()}>
            {t('cancelDrafting')}
          </button>
        ) : (
          <>
            <button type="button" className="primary" disabled={disabled} onClick={() => run(false)}>
              {t('startDrafting')}
            </button>{' '}
            <button type="button" disabled={disabled} onClick={() => run(true)}>
              {t('redraft')}
            </button>
          </>
        )}
      </div>
      {job && <DraftingProgress job={job} />}
    </div>
  );
}

/** Where the run stands: a bar, the count drafted, the model, and how it ended. */
function DraftingProgress({ job }: { job: DraftingJob }) {
  const { t } = useI18n();
  return (
    <div className="job" role="status" aria-live="polite">
      <progress value={job.done} max={Math.max(1, job.total)} aria-label={t('draftingProgress')} />{' '}
      <span>{t('draftedCount', { done: job.done, total: job.total })}</span>
      {/* The model's name is isolated (FSI…PDI): a Latin file name keeps its order in Arabic text. */}
      <span> · {`\u2068${job.modelName}\u2069`}</span>
      {job.skipped > 0 && <span> · {t('draftSkipped', { n: job.skipped })}</span>}
      {job.status === 'done' && <span> · {t('draftingDone')}</span>}
      {job.status === 'cancelled' && <span> · {t('draftingCancelled')}</span>}
      {job.status === 'failed' && <span> · {t('draftingFailed')}</span>}
    </div>
  );
}
