// One model of the list: its name and size, what it is for, installed or a download (with its
// progress), its measured time per hour of audio, recommended here, or why its measure failed.
import type { ModelInfo } from '../../../shared/api.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';

export interface ModelRowProps {
  model: ModelInfo;
  /** Why measuring this model failed, if it did. */
  failure: ErrorPayload | undefined;
  onDownloaded(modelId: string): void;
  onError(error: unknown): void;
}

export function ModelRow({ model: m, failure, onDownloaded, onError }: ModelRowProps) {
  const { t, errorMessage } = useI18n();
  const download = () =>
    client.api
      .downloadModel({ modelId: m.id })
      .then(() => onDownloaded(m.id))
      .catch(onError);
  return (
    <li>
      {/* <bdi>, not a span: "Whisper base (q5_1)" keeps its closing parenthesis in Arabic text. */}
      <bdi dir="ltr">{m.label}</bdi> <span dir="ltr">{(m.sizeBytes / 1e6).toFixed(0)} MB</span>{' '}
      {m.use && <span className="status">{t(m.use === 'arabic' ? 'modelUse_arabic' : 'modelUse_trial')}</span>}{' '}
      {m.installed ? (
        <span className="status status-approved">{t('installed')}</span>
      ) : m.download ? (
        <progress value={m.download.received} max={m.download.total || 1} aria-label={m.label} />
      ) : (
        <button type="button" className="subtle" onClick={download}>
          {t('downloadModel')}
        </button>
      )}
      {m.speed && <span className="model-speed"> · {t('perHour', { time: clock(m.speed.secPerHour) })}</span>}
      {m.recommended && (
        <>
          {' '}
          <span className="status status-approved">{t('recommendedHere')}</span>
        </>
      )}
      {failure && <span className="model-failed"> · {errorMessage(failure)}</span>}
    </li>
  );
}
