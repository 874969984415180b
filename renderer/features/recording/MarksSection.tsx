import type { Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';
import { DecisionText } from './DecisionText.tsx';
import type { Snapshot } from './snapshot.ts';
import type { Marking } from './useMarking.ts';

/** The marking buttons (the keys do the same, useRecordingKeys.ts), the last mark said, and what is saved. */
export function MarksSection({ s, meeting, marks }: { s: Snapshot; meeting: Meeting; marks: Marking }) {
  const { t, errorMessage, lang } = useI18n();
  const { marking, speaker, item } = marks;
  const currentItem = item ? meeting.agenda.findIndex((a) => a.id === item) : -1;
  return (
    <section className="rec-marks card" aria-labelledby="rec-marks-title">
      <h2 id="rec-marks-title">{t('recMarks')}</h2>
      <p className="notice">{t('recMarksHelp')}</p>
      {marks.present.length === 0 ? (
        <p className="notice">{t('recNoParticipants')}</p>
      ) : (
        <div className="rec-speakers" role="group" aria-label={t('recFloor')}>
          {marks.present.map((p, i) => (
            <button key={p.id} type="button" className="rec-speaker" aria-keyshortcuts={i < 9 ? String(i + 1) : undefined} aria-pressed={speaker === p.id} disabled={!marking} onClick={() => marks.floor(p.id)}>
              {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
              <span {...(p.name ? userText(p.name, lang, meeting.language) : {})}>{p.name || t('untitled')}</span>
            </button>
          ))}
        </div>
      )}
      <div className="rec-actions">
        <button type="button" disabled={!marking} onClick={marks.decision} aria-keyshortcuts="D">
          <kbd aria-hidden="true">D</kbd> {t('recDecision')}
        </button>
        <button type="button" disabled={!marking || meeting.agenda.length === 0} onClick={marks.nextItem} aria-keyshortcuts="N">
          <kbd aria-hidden="true">N</kbd> {t('recNextItem')}
        </button>
        <span className="rec-item">{currentItem >= 0 ? t('recCurrentItem', { n: currentItem + 1, title: meeting.agenda[currentItem]?.title ?? '' }) : t('recNoCurrentItem')}</span>
      </div>
      {marks.typing && <DecisionText key={marks.typing.markId} time={marks.typing.time} language={meeting.language} onDone={marks.decisionText} />}
      <p className="rec-announce" role="status" aria-live="polite">
        {marks.announce}
      </p>
      <p className="notice">
        {t('recMarksSaved', { n: s.marksSaved })}
        {s.marksPending > 0 ? ` · ${t('recMarksPending', { n: s.marksPending })}` : ''}
      </p>
      {s.markProblem !== null && (
        <p className="rec-problem" role="alert">
          {s.markProblem === 'connection' ? t('recMarksWaiting') : errorMessage(s.markProblem)}
        </p>
      )}
    </section>
  );
}
