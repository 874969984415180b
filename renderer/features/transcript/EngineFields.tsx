// The choices of a run: the installed model, the spoken language, and the threads.
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { spokenLanguages, type EngineChoice, type SpokenLanguage } from './useEngineChoice.ts';

/** 1..N, N the processors of this computer (at most 16; 4 where the browser does not say). */
const threadChoices = () => Array.from({ length: Math.min(16, navigator.hardwareConcurrency || 4) }, (_, i) => i + 1);

export function EngineFields({ engine, disabled }: { engine: EngineChoice; disabled: boolean }) {
  const { t } = useI18n();
  const installed = engine.models.filter((m) => m.installed);
  return (
    <div className="grid">
      <label className="field">
        <span>{t('model')}</span>
        <select value={engine.modelId} onChange={(e) => engine.setModelId(e.target.value)} disabled={disabled}>
          {installed.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <ChoiceField<SpokenLanguage>
        label={t('transcriptionLanguage')}
        value={engine.language}
        options={spokenLanguages}
        optionLabel={(l) => t(`lang_${l}`)}
        disabled={disabled}
        onChange={engine.setLanguage}
      />
      <label className="field">
        <span>{t('threads')}</span>
        <select value={engine.threads} onChange={(e) => engine.setThreads(Number(e.target.value))} disabled={disabled}>
          <option value={0}>{t('threadsAuto')}</option>
          {threadChoices().map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
