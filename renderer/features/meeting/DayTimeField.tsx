// A date (dd/mm/yyyy) or time (24 h) field typed as text: what she types stays on screen; the
// meeting is changed only once it reads as a real date or time, and until then the field says why.
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { formatDayMonthYear, formatTime24, parseDayMonthYear, parseTime24 } from './localDate.ts';

const kinds = {
  date: { format: formatDayMonthYear, parse: parseDayMonthYear, placeholder: 'datePlaceholder', error: 'dateInvalid', maxLength: 10 },
  time: { format: formatTime24, parse: parseTime24, placeholder: 'timePlaceholder', error: 'timeInvalid', maxLength: 5 },
} as const;

interface DayTimeFieldProps {
  name: string;
  label: string;
  kind: keyof typeof kinds;
  stored: string;
  readOnly: boolean;
  onChange(stored: string): void;
}

export function DayTimeField({ name, label, kind, stored, readOnly, onChange }: DayTimeFieldProps) {
  const { t } = useI18n();
  const { format, parse, placeholder, error, maxLength } = kinds[kind];
  const [text, setText] = useState(() => format(stored));
  const errorId = useId();
  // A stored value changed elsewhere (another meeting opened, an undo) replaces the text,
  // unless the text already says the same.
  useEffect(() => {
    setText((current) => (parse(current) === stored ? current : format(stored)));
  }, [stored, format, parse]);
  const invalid = parse(text) === null;
  return (
    <div className="field">
      <label htmlFor={`${errorId}-input`}>{label}</label>
      <input
        id={`${errorId}-input`}
        name={name}
        dir="ltr"
        inputMode="numeric"
        placeholder={t(placeholder)}
        maxLength={maxLength + 2}
        value={text}
        readOnly={readOnly}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parse(e.target.value);
          if (parsed !== null && parsed !== stored) onChange(parsed);
        }}
      />
      {invalid && (
        <span id={errorId} className="field-error" role="alert">
          {t(error)}
        </span>
      )}
    </div>
  );
}
