// The GGUF language models imported into the app: read when the card opens and again after a
// reconnection; a file chosen by the secretary is sent in chunks, then checked and kept by main
// (importLanguageModel), with its progress shown until main has answered.
import { useEffect, useState } from 'react';
import type { LanguageModelInfo } from '../../../shared/drafting.ts';
import { client } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useConnection } from '../../api/useConnection.ts';

export interface LanguageModels {
  models: LanguageModelInfo[];
  /** 0..1 while a file is sent and checked; null otherwise. */
  importing: number | null;
  importFile(file: File): Promise<void>;
  remove(modelId: string): Promise<void>;
}

export function useLanguageModels(onError: (e: unknown) => void): LanguageModels {
  const { reconnections } = useConnection();
  const [models, setModels] = useState<LanguageModelInfo[]>([]);
  const [importing, setImporting] = useState<number | null>(null);
  const reload = () => client.api.listLanguageModels({}).then(setModels);

  useEffect(() => {
    reload().catch(onError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reconnections]);

  const importFile = async (file: File) => {
    setImporting(0);
    try {
      const uploadId = await uploadFile(file, setImporting);
      await client.api.importLanguageModel({ uploadId });
      await reload();
    } catch (e) {
      onError(e);
    }
    setImporting(null);
  };

  const remove = (modelId: string) =>
    client.api
      .removeLanguageModel({ modelId })
      .then(reload)
      .catch(onError);

  return { models, importing, importFile, remove };
}
