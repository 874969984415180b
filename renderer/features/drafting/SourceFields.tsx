// Which source drafts by default (an imported model, the server on this computer, or none yet),
// and whether drafting starts by itself after each full transcription.
import type { DraftingSettings, DraftingSource, LanguageModelInfo } from '../../../shared/drafting.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';

/** A source as the value of a <select>: '' none, 'endpoint', or 'model:<id>'. */
const sourceValue = (s: DraftingSource | null) => (!s ? '' : s.kind === 'endpoint' ? 'endpoint' : `model:${s.modelId}`);
const sourceOf = (value: string): DraftingSource | null =>
  value === 'endpoint' ? { kind: 'endpoint' } : value.startsWith('model:') ? { kind: 'model', modelId: value.slice('model:'.length) } : null;

export interface SourceFieldsProps {
  settings: DraftingSettings;
  models: LanguageModelInfo[];
  save(patch: Partial<DraftingSettings>): Promise<boolean>;
}

export function SourceFields({ settings, models, save }: SourceFieldsProps) {
  const { t } = useI18n();
  const current = sourceValue(settings.source);
  const options = ['', ...models.map((m) => sourceValue({ kind: 'model', modelId: m.id })), 'endpoint'];
  // A source whose model was removed stays shown, so the select does not pretend another is chosen.
  if (!options.includes(current)) options.push(current);
  const labelOf = (value: string) => {
    const source = sourceOf(value);
    if (!source) return t('draftSourceNone');
    if (source.kind === 'endpoint') return t('draftSourceEndpoint');
    return models.find((m) => m.id === source.modelId)?.label ?? source.modelId;
  };
  return (
    <div className="grid">
      <ChoiceField label={t('draftSource')} value={current} options={options} optionLabel={labelOf} onChange={(v) => void save({ source: sourceOf(v) })} />
      <label className="field inline">
        <input type="checkbox" checked={settings.afterTranscription} onChange={(e) => void save({ afterTranscription: e.target.checked })} />
        <span>{t('draftAfterTranscription')}</span>
      </label>
    </div>
  );
}
