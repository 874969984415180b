// The imported GGUF language models, each with its size and architecture and a Remove button
// that asks first; and "Import a GGUF file", with the progress of the copy.
import { useRef, useState } from 'react';
import type { LanguageModelInfo } from '../../../shared/drafting.ts';
import { formatBytes } from '../../../shared/text/bytes.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import type { LanguageModels } from './useLanguageModels.ts';

export function LanguageModelList({ models, importing, importFile, remove }: LanguageModels) {
  const { t } = useI18n();
  const [removing, setRemoving] = useState<LanguageModelInfo | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      {models.length === 0 ? (
        <p className="notice">{t('noLanguageModel')}</p>
      ) : (
        <ul className="model-list" aria-label={t('languageModels')}>
          {models.map((m) => (
            <li key={m.id}>
              {/* <bdi>: a file name keeps its order inside Arabic text. */}
              <bdi dir="ltr">{m.label}</bdi> <span dir="ltr">{formatBytes(m.sizeBytes)}</span>
              {m.architecture && <span dir="ltr"> · {m.architecture}</span>}{' '}
              <button type="button" className="subtle" aria-label={t('removeLanguageModelOf', { name: m.label })} onClick={() => setRemoving(m)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* The chooser stays hidden behind the button; emptied at once so the same file chosen again is seen. */}
      <input
        ref={picker}
        type="file"
        hidden
        accept=".gguf"
        aria-label={t('importLanguageModel')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" disabled={importing !== null} onClick={() => picker.current?.click()}>
        {t('importLanguageModel')}
      </button>
      {importing !== null && (
        <span role="status">
          {' '}
          <progress value={importing} max={1} aria-label={t('importLanguageModel')} /> {t('uploading', { percent: Math.round(importing * 100) })}
        </span>
      )}
      {removing && (
        <ConfirmDialog
          title={t('removeLanguageModelTitle')}
          body={t('removeLanguageModelBody', { name: `\u2068${removing.label}\u2069` })}
          confirmLabel={t('remove')}
          danger
          onConfirm={() => {
            setRemoving(null);
            void remove(removing.id);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </>
  );
}
