// The transcript tab's engine: the choices of a run, the models (what each is for, download,
// measure, import a model file), and the run itself.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { EngineFields } from './EngineFields.tsx';
import { FileButton } from './FileButton.tsx';
import { ModelList } from './ModelList.tsx';
import type { EngineChoice } from './useEngineChoice.ts';

export interface EngineCardProps {
  engine: EngineChoice;
  running: boolean;
  /** A file is being sent: no second one. */
  uploading: boolean;
  onImportModel(file: File): void;
  onError(e: unknown): void;
  /** The run's buttons and progress (JobControls). */
  children: ReactNode;
}

export function EngineCard({ engine, running, uploading, onImportModel, onError, children }: EngineCardProps) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="engine-h">
      <h2 id="engine-h">{t('model')}</h2>
      {!engine.models.some((m) => m.installed) && <p>{t('noModel')}</p>}
      <EngineFields engine={engine} disabled={running} />
      <details>
        <summary>{t('modelsSummary')}</summary>
        <ModelList
          models={engine.models}
          onModels={engine.setModels}
          onDownloaded={(id) => void engine.downloaded(id)}
          selected={engine.modelId}
          onChoose={engine.setModelId}
          threads={engine.threads}
          onError={onError}
        />
        <FileButton label={t('importModel')} accept=".bin" disabled={uploading} onFile={onImportModel} />
      </details>
      {children}
    </section>
  );
}
