import { useMemo } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';
import { fullPassUnderway } from './live-status.ts';
import { marksPending } from './marks-pending.ts';
import type { Snapshot } from './snapshot.ts';

/** After a stop (or with marks from before): transcribe first; then the marks, applied or to apply. */
export function AfterRecording({ s, meeting, onTranscribe, onApplyMarks }: {
  s: Snapshot;
  meeting: Meeting;
  onTranscribe(): void;
  onApplyMarks(): void;
}) {
  const { t } = useI18n();
  const marksCount = meeting.marks?.length ?? 0;
  const pending = useMemo(() => marksPending(meeting), [meeting]);
  return (
    <section className="rec-after card" aria-labelledby="rec-after-title">
      <h2 id="rec-after-title">{t('recAfter')}</h2>
      {s.stopped?.audio && <p role="status">{t('recStopped', { duration: clock(s.stopped.audio.durationSec) })}</p>}
      {meeting.segments.length === 0 ? (
        <>
          {/* While the full pass main started by itself runs, the live text panel says so. */}
          {!fullPassUnderway(s) && <p className="notice">{t('recTranscribeFirst', { n: marksCount })}</p>}
          <button type="button" className="primary" onClick={onTranscribe}>
            {t('recGoTranscribe')}
          </button>
        </>
      ) : pending ? (
        <button type="button" className="primary" onClick={onApplyMarks}>
          {t('recApplyMarks', { n: marksCount })}
        </button>
      ) : (
        marksCount > 0 && (
          <>
            <p role="status">{t('recMarksApplied', { n: marksCount })}</p>
            <button type="button" className="primary" onClick={onTranscribe}>
              {t('recSeeTranscript')}
            </button>
          </>
        )
      )}
    </section>
  );
}
