// The language-model server on this computer (llama-server, Ollama): its address and the model
// to ask it for, saved when a field is left, and "Test", which saves them, then shows the
// server's short reply or why it failed. main refuses an address that is not on this computer;
// what was typed stays in the field to be corrected.
import { useState } from 'react';
import type { DraftingSettings } from '../../../shared/drafting.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

type Endpoint = DraftingSettings['endpoint'];
type TestResult = { ok: true; model: string; reply: string } | { ok: false; error: string } | null;

export function EndpointFields({ endpoint, save }: { endpoint: Endpoint; save(endpoint: Endpoint): Promise<boolean> }) {
  const { t, errorMessage } = useI18n();
  const [url, setUrl] = useState(endpoint.url);
  const [model, setModel] = useState(endpoint.model);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestResult>(null);

  const changed = url.trim() !== endpoint.url || model.trim() !== endpoint.model;
  const keep = () => (changed ? save({ url: url.trim(), model: model.trim() }) : Promise.resolve(true));
  const test = async () => {
    setResult(null);
    setTesting(true);
    try {
      if (await keep()) setResult({ ok: true, ...(await client.api.testDraftingEndpoint({})) });
    } catch (e) {
      setResult({ ok: false, error: errorMessage(e) });
    }
    setTesting(false);
  };

  return (
    <fieldset className="endpoint">
      <legend>{t('draftEndpoint')}</legend>
      <p className="notice">{t('draftEndpointHint')}</p>
      <div className="grid">
        <label className="field">
          <span>{t('draftEndpointUrl')}</span>
          <input dir="ltr" type="url" value={url} placeholder="http://127.0.0.1:8080/v1" onChange={(e) => setUrl(e.target.value)} onBlur={() => void keep()} />
        </label>
        <label className="field">
          <span>{t('draftEndpointModel')}</span>
          <input dir="ltr" value={model} onChange={(e) => setModel(e.target.value)} onBlur={() => void keep()} />
        </label>
      </div>
      <div className="actions">
        <button type="button" disabled={testing || !url.trim()} onClick={() => void test()}>
          {testing ? t('draftEndpointTesting') : t('draftEndpointTest')}
        </button>
      </div>
      {result?.ok && (
        <p role="status">
          {/* The model's name and its reply are isolated (FSI…PDI): they may be Latin inside Arabic text. */}
          {t('draftEndpointReplied', { model: `\u2068${result.model}\u2069`, reply: `\u2068${result.reply}\u2069` })}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="model-failed">
          {result.error}
        </p>
      )}
    </fieldset>
  );
}
