import { useI18n } from '../../i18n/I18nContext.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { MicProblem } from './capture.ts';
import type { Snapshot } from './snapshot.ts';

const micMessages: Record<MicProblem, MessageKey> = {
  noMicrophone: 'recNoMicrophone',
  permissionDenied: 'recPermissionDenied',
  deviceBusy: 'recDeviceBusy',
  deviceLost: 'recDeviceLost',
  audioFailed: 'recAudioFailed',
};

/** What stops the recording or its sending, each an alert the secretary can act on. */
export function RecordingProblems({ s, error }: { s: Snapshot; error: string | null }) {
  const { t, errorMessage } = useI18n();
  return (
    <>
      {error && (
        <p className="rec-problem" role="alert">
          {error}
        </p>
      )}
      {s.micProblem && (
        <p className="rec-problem" role="alert">
          {t(micMessages[s.micProblem])}
        </p>
      )}
      {s.sendProblem !== null && (
        <p className="rec-problem" role="alert">
          {s.sendProblem === 'connection' ? t('recConnection', { n: s.unsent }) : errorMessage(s.sendProblem)}
        </p>
      )}
    </>
  );
}
