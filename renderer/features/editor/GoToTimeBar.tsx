// The field that Ctrl+G opens above the list: a time typed as 1:39 (or 99), Enter goes there,
// Esc closes. A time that is not one, or past the recording's end, is said and kept to correct.
import { useEffect, useRef, useState } from 'react';
import { clock } from '../common/time.ts';
import type { EditorT } from './editorText.ts';
import type { GoToTime } from './goToTime.ts';

export function GoToTimeBar({ t, goTo, duration, onClose }: { t: EditorT; goTo: GoToTime; duration: number; onClose(): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), [goTo.focusToken]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const outcome = goTo.go(text);
    if (outcome === 'invalid') setError(t('goToInvalid'));
    else if (outcome === 'beyond') setError(t('goToBeyond', { duration: clock(duration) }));
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose();
  };
  return (
    <form className="editor-search editor-goto" aria-label={t('goToTime')} onSubmit={submit} onKeyDown={onKey}>
      <label className="field inline">
        <span>{t('goToTime')}</span>
        <input ref={inputRef} type="text" dir="ltr" inputMode="numeric" placeholder="1:39" value={text} aria-invalid={!!error} aria-describedby={error ? 'goto-error' : undefined} onChange={(e) => (setText(e.target.value), setError(null))} />
      </label>
      <button type="submit">{t('goToGo')}</button>
      <button type="button" className="subtle" onClick={onClose} aria-label={t('closeGoTo')}>
        ×
      </button>
      {error && (
        <span id="goto-error" className="side-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
