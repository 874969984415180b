// What the live engine and the full pass after stop say of themselves, as lines for the recording
// tab (LiveTextPanel.tsx, AfterRecording.tsx).
import type { useI18n } from '../../i18n/I18nContext.tsx';
import type { Snapshot } from './snapshot.ts';

/** No model: main starts no full pass after stop (the live text said so when it could not start). */
function noModel(s: Snapshot): boolean {
  return s.live.state === 'unavailable' && (!s.live.error || s.live.error.code === 'model.notFound');
}

/** After stop: the full pass main starts by itself is starting or running. */
export function fullPassUnderway(s: Snapshot): boolean {
  if (s.phase !== 'idle' || !s.stopped) return false;
  return s.fullPass ? s.fullPass.status === 'running' : s.live.state !== null && !noModel(s);
}

/** What the live engine says of itself, as a line under the text (null when all is well). */
export function liveStatusLine(s: Snapshot, t: ReturnType<typeof useI18n>['t'], errorMessage: ReturnType<typeof useI18n>['errorMessage']): string | null {
  const { state, error, committed, tentative } = s.live;
  if (state === 'off') return t('recLiveOff');
  if (state === 'unavailable') {
    if (!error || error.code === 'model.notFound') return t('recLiveNoModel');
    if (error.code === 'live.engineMissing') return errorMessage(error);
    return t('recLiveUnavailable', { reason: errorMessage(error) });
  }
  if (state === 'failed') return error ? t('recLiveFailedWhy', { reason: errorMessage(error) }) : t('recLiveFailed');
  if (s.phase === 'idle' || s.phase === 'stopping') return null;
  if (state === 'starting' || state === null) return t('recLiveStarting');
  if (!committed && !tentative) return t('recLiveWaiting');
  return null;
}
