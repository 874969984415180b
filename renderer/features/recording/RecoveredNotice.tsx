import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';
import type { Snapshot } from './snapshot.ts';

/** After a crash: what main kept, whether this page went on recording, and Continue recording. */
export function RecoveredNotice({ s, onContinue, onDismiss }: { s: Snapshot; onContinue(): void; onDismiss(): void }) {
  const { t } = useI18n();
  const recovered = s.recovered;
  if (!recovered) return null;
  return (
    <div className="rec-recovered" role="status">
      <p>
        {recovered.attached
          ? t('recRecovered', { duration: clock(recovered.durationSec) })
          : t('recRecoveredKept', { duration: clock(recovered.durationSec), file: recovered.file })}
        {s.continuedAfterCrash ? ` ${t('recContinuedAfterCrash')}` : ''}
      </p>
      <div className="rec-actions">
        {s.phase === 'idle' && recovered.attached && (
          <button type="button" className="primary" onClick={onContinue}>
            {t('recContinue')}
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}
