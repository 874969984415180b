import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';

/**
 * At D: a field for the decision's text, focused so that she types it at once without leaving
 * the recording. Enter saves it with the mark, Esc closes it (the marking keys work again).
 */
export function DecisionText({ time, language, onDone }: { time: string; language: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  return (
    <form
      className="rec-decision-text"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(text);
      }}
    >
      <label className="field">
        <span>{t('recDecisionText', { time })}</span>
        <input
          type="text"
          value={text}
          lang={language}
          dir="auto"
          autoFocus
          aria-describedby="rec-decision-text-help"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone('');
          }}
        />
      </label>
      <button type="submit">{t('recDecisionTextSave')}</button>
      <p id="rec-decision-text-help" className="notice">
        {t('recDecisionTextHelp')}
      </p>
    </form>
  );
}
