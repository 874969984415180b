// The model list of the transcript tab: what each model is for, download, and "Measure on this
// computer": the built-in sample transcribed with each installed model (main/asr/calibration/),
// the expected time for one hour of audio per model, and the model recommended from it.
import type { CalibrationStatus, ModelInfo } from '../../../shared/api.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';
import { ModelRow } from './ModelRow.tsx';
import { useCalibration } from './useCalibration.ts';

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
  const { calibration, measure, stop } = useCalibration(onModels, onError);
  const running = calibration?.status === 'running';
  const installed = models.filter((m) => m.installed);
  const recommended = models.find((m) => m.recommended);
  const measuredAny = installed.some((m) => m.speed);
  // Trial models are never recommended (recommend.ts): say so rather than "none keeps up".
  const onlyTrialMeasured = measuredAny && installed.every((m) => !m.speed || m.use === 'trial');

  return (
    <>
      <ul className="model-list">
        {models.map((m) => (
          <ModelRow key={m.id} model={m} failure={calibration?.failed.find((f) => f.modelId === m.id)?.error} onDownloaded={onDownloaded} onError={onError} />
        ))}
      </ul>
      <div className="calibration">
        <p className="notice">{t('measureModelsHint')}</p>
        {running ? (
          <MeasureProgress calibration={calibration} models={models} onStop={stop} />
        ) : (
          <button type="button" disabled={installed.length === 0} onClick={() => void measure(threads)}>
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

/** The measure running: which model of how many, the progress over all of them, and Stop. */
function MeasureProgress({ calibration: c, models, onStop }: { calibration: CalibrationStatus; models: ModelInfo[]; onStop(): void }) {
  const { t } = useI18n();
  const done = c.measured.length + c.failed.length;
  const current = models.find((m) => m.id === c.current)?.label ?? c.current ?? '';
  return (
    <p role="status">
      <progress value={done * 100 + c.percent} max={Math.max(1, c.modelIds.length) * 100} aria-label={t('measureModels')} />{' '}
      {t('measuring', { model: current, i: Math.min(c.modelIds.length, done + 1), n: c.modelIds.length })}{' '}
      <button type="button" onClick={onStop}>
        {t('measureStop')}
      </button>
    </p>
  );
}
