import { useI18n } from '../../i18n/I18nContext.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { clock } from '../common/time.ts';
import type { Phase } from './recorder.ts';
import type { Snapshot } from './snapshot.ts';

/** The meter's scale: -60 dBFS (empty) to 0 dBFS (full). */
function levelPercent(peak: number): number {
  if (peak <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round(((20 * Math.log10(peak) + 60) / 60) * 100)));
}

const phaseKeys: Partial<Record<Phase, MessageKey>> = {
  recording: 'recStateRecording',
  paused: 'recStatePaused',
  starting: 'recStateStarting',
  stopping: 'recStateStopping',
};

/** The large level meter, the recording's time and state, and the warnings about the input. */
export function RecordingMeter({ s }: { s: Snapshot }) {
  const { t } = useI18n();
  const pct = levelPercent(s.peak);
  const db = s.peak > 0 ? Math.max(-60, Math.round(20 * Math.log10(s.peak))) : -60;
  const stateKey = phaseKeys[s.phase];
  return (
    <>
      <div className={`rec-live rec-${s.phase}`}>
        <div className="rec-meter" role="meter" aria-label={t('recLevel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={t('recLevelText', { db })}>
          <div className="rec-meter-fill" style={{ inlineSize: `${pct}%` }} />
        </div>
        <div className="rec-clock-row">
          <span className="rec-clock" role="timer" aria-label={t('recTime')}>
            {/* The page's own count of the audio it captured (after a stop, what the file should hold). */}
            {clock(Math.floor(s.phase === 'idle' && !s.stopped ? 0 : s.clockSec))}
          </span>
          <span className="rec-state" role="status">
            {stateKey ? t(stateKey) : ''}
          </span>
        </div>
      </div>

      {/* Always in the page, even empty: a live region added with its text is not read out. */}
      <div className="rec-warnings" role="status">
        {s.silent && <p className="rec-warning">{t('recSilent')}</p>}
        {s.clipping && <p className="rec-warning">{t('recClipping')}</p>}
      </div>
      {s.lowDiskMinutes !== null && s.phase !== 'idle' && (
        // An alert: the recording will stop when the disk is full.
        <p className="rec-warning" role="alert">
          {t('recLowDisk', { n: s.lowDiskMinutes })}
        </p>
      )}
    </>
  );
}
