// Drafting summaries with a language model on this computer: the imported GGUF models, the
// server on this computer, which of them drafts by default, and drafting after each full pass.
// What it may and may not do is said first: nothing leaves the computer, drafts are drafts.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { EndpointFields } from './EndpointFields.tsx';
import { LanguageModelList } from './LanguageModelList.tsx';
import { SourceFields } from './SourceFields.tsx';
import { useDraftingSettings } from './useDraftingSettings.ts';
import { useLanguageModels } from './useLanguageModels.ts';

/** `children`: the meeting's drafting controls (DraftingControls), under the setup. */
export function LanguageModelCard({ children }: { children?: ReactNode }) {
  const { t, errorMessage } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(errorMessage(e)), [errorMessage]);
  const models = useLanguageModels(fail);
  const { settings, save } = useDraftingSettings(fail);
  // The setup opens by itself while no source is chosen; otherwise it stays folded until asked for.
  const [setupShown, setSetupShown] = useState(false);
  const noSourceYet = settings !== null && settings.source === null;
  useEffect(() => {
    if (noSourceYet) setSetupShown(true);
  }, [noSourceYet]);
  const saveAfterClearing: typeof save = (patch) => {
    setError(null);
    return save(patch);
  };
  return (
    <section className="card drafting-card" aria-labelledby="drafting-h">
      <h2 id="drafting-h">{t('draftingTitle')}</h2>
      <p role="note">{t('draftPrivacy')}</p>
      <p className="notice">{t('draftAreDrafts')}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <button type="button" className="subtle" aria-expanded={setupShown} aria-controls="drafting-setup" onClick={() => setSetupShown(!setupShown)}>
        <span aria-hidden="true">{setupShown ? '−' : '+'}</span> {t('draftingSetup')}
      </button>
      <div id="drafting-setup" hidden={!setupShown}>
        <h3>{t('languageModels')}</h3>
        <LanguageModelList
          {...models}
          importFile={(file) => {
            setError(null);
            return models.importFile(file);
          }}
        />
        {settings && (
          <>
            <EndpointFields endpoint={settings.endpoint} save={(endpoint) => saveAfterClearing({ endpoint })} />
            <SourceFields settings={settings} models={models.models} save={saveAfterClearing} />
          </>
        )}
      </div>
      {children}
    </section>
  );
}
