// The model list of the transcript tab: what each model is for, download, and "Measure on this
// computer": the built-in sample transcribed with each installed model (main/asr/calibration/),
// the expected time for one hour of audio per model, and the model recommended from it.
import { useEffect, useState } from 'react';
import type { CalibrationStatus, ModelInfo } from '../../../shared/api.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';

export interface ModelListProps {
  models: ModelInfo[];
  onModels(models: ModelInfo[]): void;
  /** A model was downloaded (the settings may now name it). */
  onDownloaded(modelId: string): void;
  /** The model selected in the form, and "Use it" on the recommendation. */
  selected: string;
  onChoose(modelId: string): void;
  /** Threads chosen in the form: saved before measuring, since the measure runs with the settings' threads. */
  threads: number;
  onError(error: unknown): void;
}

export function ModelList({ models, onModels, onDownloaded, selected, onChoose, threads, onError }: ModelListProps) {
  const { t, errorMessage } = useI18n();
  const [calibration, setCalibration] = useState<CalibrationStatus | null>(null);

  useEffect(() => {
    client.api.getCalibration({}).then(setCalibration).catch(() => undefined);
    let measured = 0;
    return client.onEvent((e) => {
      if (e.type !== 'calibration') return;
      setCalibration(e.calibration);
      // Each model's speed appears as soon as it is measured; the recommendation with the last.
      if (e.calibration.measured.length !== measured || e.calibration.status !== 'running') {
        measured = e.calibration.measured.length;
        client.api.listModels({}).then(onModels).catch(() => undefined);
      }
    });
  }, [onModels]);

  const measure = async () => {
    try {
      await client.api.updateSettings({ settings: { threads } });
      setCalibration(await client.api.calibrateModels({}));
    } catch (e) {
      onError(e);
    }
  };

  const running = calibration?.status === 'running';
  const installed = models.filter((m) => m.installed);
  const recommended = models.find((m) => m.recommended);
  const measuredAny = installed.some((m) => m.speed);
  // Trial models are never recommended (recommend.ts): say so rather than "none keeps up".
  const onlyTrialMeasured = measuredAny && installed.every((m) => !m.speed || m.use === 'trial');
  const failure = (id: string) => calibration?.failed.find((f) => f.modelId === id);
  const labelOf = (id: string | null) => models.find((m) => m.id === id)?.label ?? id ?? '';
  const perHour = (m: ModelInfo) => (m.speed ? t('perHour', { time: clock(m.speed.secPerHour) }) : '');

  return (
    <>
      <ul className="model-list">
        {models.map((m) => (
          <li key={m.id}>
            {/* <bdi>, not a span: "Whisper base (q5_1)" keeps its closing parenthesis in Arabic text. */}
            <bdi dir="ltr">{m.label}</bdi> <span dir="ltr">{(m.sizeBytes / 1e6).toFixed(0)} MB</span>{' '}
            {m.use && <span className="status">{t(m.use === 'arabic' ? 'modelUse_arabic' : 'modelUse_trial')}</span>}{' '}
            {m.installed ? (
              <span className="status status-approved">{t('installed')}</span>
            ) : m.download ? (
              <progress value={m.download.received} max={m.download.total || 1} aria-label={m.label} />
            ) : (
              <button
                type="button"
                className="subtle"
                onClick={() =>
                  client.api
                    .downloadModel({ modelId: m.id })
                    .then(() => onDownloaded(m.id))
                    .catch(onError)
                }
              >
                {t('downloadModel')}
              </button>
            )}
            {m.speed && <span className="model-speed"> · {perHour(m)}</span>}
            {m.recommended && (
              <>
                {' '}
                <span className="status status-approved">{t('recommendedHere')}</span>
              </>
            )}
            {failure(m.id) && <span className="model-failed"> · {errorMessage(failure(m.id)!.error)}</span>}
          </li>
        ))}
      </ul>
      <div className="calibration">
        <p className="notice">{t('measureModelsHint')}</p>
        {running ? (
          <p role="status">
            <progress value={(calibration.measured.length + calibration.failed.length) * 100 + calibration.percent} max={Math.max(1, calibration.modelIds.length) * 100} aria-label={t('measureModels')} />{' '}
            {t('measuring', {
              model: labelOf(calibration.current),
              i: Math.min(calibration.modelIds.length, calibration.measured.length + calibration.failed.length + 1),
              n: calibration.modelIds.length,
            })}{' '}
            <button type="button" onClick={() => client.api.cancelCalibration({}).then(setCalibration).catch(onError)}>
              {t('measureStop')}
            </button>
          </p>
        ) : (
          <button type="button" disabled={installed.length === 0} onClick={() => void measure()}>
            {t('measureModels')}
          </button>
        )}
        {!running && calibration?.error && <p className="model-failed">{errorMessage(calibration.error)}</p>}
        {!running && recommended && (
          <p role="note">
            {/* The label is isolated (FSI…PDI) so that "(q5_0)" keeps its order inside Arabic text. */}
            {t('recommendationLine', { model: `\u2068${recommended.label}\u2069`, time: clock(recommended.speed!.secPerHour) })}{' '}
            {selected !== recommended.id && (
              <button type="button" className="subtle" onClick={() => onChoose(recommended.id)}>
                {t('useRecommended')}
              </button>
            )}
          </p>
        )}
        {!running && !recommended && measuredAny && <p role="note">{t(onlyTrialMeasured ? 'onlyTrialMeasured' : 'noneKeepsUp')}</p>}
      </div>
    </>
  );
}
