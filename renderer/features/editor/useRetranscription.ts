// The state of the "transcribe this passage again" dialog: the installed models (the settings'
// model first chosen), the language, and the run in flight. The dialog may close while the engine
// runs: an answer that comes after must not touch the unmounted dialog.
import { useEffect, useRef, useState } from 'react';
import type { ModelInfo } from '../../../shared/api.ts';
import type { EditResult } from '../../../shared/edits.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

export const passageLanguages = ['ar', 'fr', 'en', 'auto'] as const;
export type PassageLanguage = (typeof passageLanguages)[number];

export interface PassageRequest {
  meetingId: string;
  baseVersion: number;
  fromId: string;
  toId: string;
}

export interface Retranscription {
  /** null until the list has come. */
  models: ModelInfo[] | null;
  modelId: string;
  setModelId(id: string): void;
  language: PassageLanguage;
  setLanguage(l: PassageLanguage): void;
  busy: boolean;
  error: string | null;
  run(): Promise<void>;
  /** Stops the engine if it runs; the pending request then fails with passage.cancelled, which nobody shows. */
  stop(): void;
}

export function useRetranscription(request: PassageRequest, onDone: (result: EditResult) => void): Retranscription {
  const { errorMessage } = useI18n();
  const [language, setLanguage] = useState<PassageLanguage>('fr');
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [modelId, setModelId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);

  useEffect(() => {
    Promise.all([client.api.listModels({}), client.api.getSettings({})])
      .then(([all, settings]) => {
        if (!live.current) return;
        const installed = all.filter((m) => m.installed);
        setModels(installed);
        setModelId(installed.find((m) => m.id === settings.modelId)?.id ?? installed[0]?.id ?? '');
      })
      .catch((err: unknown) => live.current && setError(errorMessage(err)));
  }, [errorMessage]);

  const run = async () => {
    if (busy || !modelId) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.api.retranscribePassage({ ...request, language, modelId });
      if (live.current) onDone(result);
    } catch (err) {
      if (live.current) setError(errorMessage(err));
    } finally {
      if (live.current) setBusy(false);
    }
  };

  const stop = () => {
    if (busy) void client.api.cancelRetranscription({ meetingId: request.meetingId }).catch(() => undefined);
  };

  return { models, modelId, setModelId, language, setLanguage, busy, error, run, stop };
}
