import type { RecordingState } from '../../../shared/recording.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';
import type { Snapshot } from './snapshot.ts';
import type { Microphones } from './useMicrophones.ts';

export interface RecordingActions {
  /** `continuing`: the new recording begins with the meeting's audio (or adopts the orphan). */
  start(continuing: boolean): void;
  /** Asks before a new recording replaces the meeting's audio and transcript. */
  askNew(): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

/** The microphone list and the buttons the phase allows; the open recording this page may take over. */
export function RecordingControls({ s, mics, orphan, hasAudio, actions }: {
  s: Snapshot;
  mics: Microphones;
  /** A recording open in main with nothing feeding it (the page was reloaded while it recorded). */
  orphan: RecordingState | null;
  hasAudio: boolean;
  actions: RecordingActions;
}) {
  const { t } = useI18n();
  const idle = s.phase === 'idle';
  const active = s.phase === 'recording' || s.phase === 'paused';
  return (
    <>
      <div className="rec-controls">
        <label className="field rec-device">
          <span>{t('recMicrophone')}</span>
          <select value={mics.shownDevice} onChange={(e) => mics.choose(e.target.value)} disabled={s.phase === 'recording' || s.phase === 'starting' || s.phase === 'stopping'}>
            <option value="">{t('recDefaultMic')}</option>
            {mics.devices.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label || t('recMicN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        <div className="rec-actions">
          {idle && orphan && (
            <button type="button" className="primary" onClick={() => actions.start(false)}>
              {t('recAdopt')}
            </button>
          )}
          {idle && !orphan && hasAudio && (
            <>
              <button type="button" className="primary" onClick={() => actions.start(true)}>
                {t('recContinue')}
              </button>
              <button type="button" onClick={actions.askNew}>
                {t('recNew')}
              </button>
            </>
          )}
          {idle && !orphan && !hasAudio && (
            <button type="button" className="primary rec-start" onClick={() => actions.start(false)}>
              {t('recStart')}
            </button>
          )}
          {s.phase === 'recording' && (
            <button type="button" onClick={actions.pause}>
              {t('recPause')}
            </button>
          )}
          {s.phase === 'paused' && (
            <button type="button" className="primary" onClick={actions.resume}>
              {t('recResume')}
            </button>
          )}
          {(active || (idle && orphan)) && (
            <button type="button" className="danger" onClick={actions.stop}>
              {t('recStop')}
            </button>
          )}
        </div>
      </div>
      {idle && orphan && (
        <p className="notice" role="status">
          {t('recOrphan', { duration: clock(orphan.durationSec) })}
        </p>
      )}
    </>
  );
}
