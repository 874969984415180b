// The meeting page's top line: back to the library, the meeting's title, its status, and whether
// the form is saved.
import type { Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';
import type { FormFields } from './formFields.ts';
import type { SaveState } from './useAutosave.ts';

export function MeetingHeader(props: { meeting: Meeting; form: FormFields; saveState: SaveState; onBack(): void }) {
  const { t, lang } = useI18n();
  const { meeting, form, saveState } = props;
  return (
    <div className="toolbar">
      <button type="button" className="link" onClick={props.onBack}>
        {t('back')}
      </button>
      <h1 id="meeting-title" {...(form.title ? userText(form.title, lang, form.language) : {})}>
        {form.title || t('untitled')}
      </h1>
      <span className={`status status-${meeting.status}`}>{t(`status_${meeting.status}`)}</span>
      <span className={`save-state save-${saveState}`} role="status" aria-live="polite">
        {saveState === 'saving' ? t('saving') : saveState === 'saved' ? t('saved') : saveState === 'error' ? t('saveFailed') : ''}
      </span>
    </div>
  );
}
