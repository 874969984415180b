// One meeting in the library list: its title, date, type, attendance count and status, opened by a
// click; or, for a meeting whose files cannot be read, what is wrong with it.
import type { MeetingSummary } from '../../../shared/domain.ts';
import { errorText } from '../../../shared/errors.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';

export function MeetingCard({ meeting: m, onOpen, onDelete }: { meeting: MeetingSummary; onOpen(): void; onDelete(): void }) {
  const { t, lang } = useI18n();
  if (m.damaged) {
    return (
      <li className="meeting-card damaged" role="alert">
        <span className="meeting-open">
          <span className="meeting-title">{t('damagedMeeting')}</span>
          <span className="meeting-meta">{errorText(m.damaged, lang)}</span>
        </span>
      </li>
    );
  }
  return (
    <li className="meeting-card">
      <button type="button" className="meeting-open" onClick={onOpen}>
        {m.title ? (
          <span className="meeting-title" {...userText(m.title, lang)}>
            {m.title}
          </span>
        ) : (
          <span className="meeting-title">{t('untitled')}</span>
        )}
        <span className="meeting-meta">
          <span dir="ltr">{m.date}</span> · {t(`type_${m.type}`)} · {t('participantsCount', { n: m.participants })} ·{' '}
          <span className={`status status-${m.status}`}>{t(`status_${m.status}`)}</span>
        </span>
      </button>
      <button type="button" className="danger subtle" onClick={onDelete} aria-label={`${t('delete')}: ${m.title || t('untitled')}`}>
        {t('delete')}
      </button>
    </li>
  );
}
