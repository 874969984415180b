// What the transcript tab will run: the model (from the models known, installed or not), the
// spoken language and the threads, first as the settings have them. Read again after a
// reconnection; a model's download progress arrives as {type:'model'} events.
import { useEffect, useState } from 'react';
import type { ModelInfo } from '../../../shared/api.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';
import { initialModel } from './model-choice.ts';

export const spokenLanguages = ['ar', 'auto', 'fr', 'en'] as const;
export type SpokenLanguage = (typeof spokenLanguages)[number];

/** The models known and the settings, read together. */
const modelsAndSettings = () => Promise.all([client.api.listModels({}), client.api.getSettings({})]);

export interface EngineChoice {
  models: ModelInfo[];
  setModels(models: ModelInfo[]): void;
  modelId: string;
  setModelId(id: string): void;
  language: SpokenLanguage;
  setLanguage(l: SpokenLanguage): void;
  /** 0: as many as the engine chooses. */
  threads: number;
  setThreads(n: number): void;
  /** After a download: the list again, and the downloaded model selected when the settings now name it (the model recommended for Arabic). */
  downloaded(modelId: string): Promise<void>;
  /** Imports an uploaded model file, then selects it. */
  importModel(uploadId: string): Promise<void>;
}

export function useEngineChoice(meetingId: string, onError: (e: unknown) => void): EngineChoice {
  const { reconnections } = useConnection();
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [modelId, setModelId] = useState('');
  const [language, setLanguage] = useState<SpokenLanguage>('ar');
  const [threads, setThreads] = useState(0);

  useEffect(() => {
    modelsAndSettings()
      .then(([list, settings]) => {
        setModels(list);
        setModelId(initialModel(list, settings.modelId));
        setLanguage(settings.transcriptionLanguage);
        setThreads(settings.threads);
      })
      .catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId, reconnections]);

  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'model') setModels((list) => list.map((m) => (m.id === e.model.id ? e.model : m)));
      }),
    [],
  );

  const downloaded = (id: string) =>
    modelsAndSettings()
      .then(([list, settings]) => {
        setModels(list);
        if (settings.modelId === id) setModelId(id);
      })
      .catch(onError);

  const importModel = async (uploadId: string) => {
    const model = await client.api.importModel({ uploadId });
    setModels(await client.api.listModels({}));
    setModelId(model.id);
  };

  return { models, setModels, modelId, setModelId, language, setLanguage, threads, setThreads, downloaded, importModel };
}
