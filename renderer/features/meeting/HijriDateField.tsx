// Beside the meeting date: the Hijri date the minutes will print, where it comes from (the
// Ministry of Habous's announcements, the secretary's confirmation, or the computation), a day
// earlier or later, and a button to confirm it. Approval names a date nobody confirmed.
import { useId } from 'react';
import { hijriKey, hijriSource, moroccanHijri } from '../../../shared/calendar/moroccan-hijri.ts';
import { formatHijri } from '../../../shared/minutes/dates.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { FieldsProps } from './formFields.ts';
import './hijri-date.css';

const sourceLabel = { table: 'hijriFromTable', confirmed: 'hijriConfirmedBySecretary', computed: 'hijriComputed' } as const;

/** The label of the date's source; a day of the Ministry's table moved by the secretary says so. */
function sourceKey(date: string, source: keyof typeof sourceLabel) {
  return source === 'computed' && moroccanHijri(date)?.fromTable ? 'hijriMovedFromTable' : sourceLabel[source];
}

export function HijriDateField({ value: v, onChange, readOnly }: FieldsProps) {
  const { t } = useI18n();
  const labelId = useId();
  const adjust = v.hijriAdjust ?? 0;
  const hijri = moroccanHijri(v.date, adjust);
  const source = hijriSource(v);
  if (!hijri || !source) return null;
  // Moving the day leaves any confirmation behind: it was for the other day.
  const move = (by: number) => onChange({ hijriAdjust: adjust + by });
  return (
    <div className="field hijri-date" role="group" aria-labelledby={labelId}>
      <span id={labelId}>{t('hijriAdjust')}</span>
      <div className="hijri-date-row">
        <output className="hijri-date-value" lang={v.language} aria-live="polite">
          {formatHijri(hijri.day, v.language)}
        </output>
        <button type="button" aria-label={t('hijriAdjust_minus')} disabled={readOnly || adjust <= -1} onClick={() => move(-1)}>
          −1
        </button>
        <button type="button" aria-label={t('hijriAdjust_plus')} disabled={readOnly || adjust >= 1} onClick={() => move(1)}>
          +1
        </button>
        {source === 'computed' && (
          <button type="button" disabled={readOnly} onClick={() => onChange({ hijriConfirmed: { date: v.date, hijri: hijriKey(hijri.day) } })}>
            {t('hijriConfirm')}
          </button>
        )}
      </div>
      <span className={`hijri-date-source ${source}`}>{t(sourceKey(v.date, source))}</span>
    </div>
  );
}
