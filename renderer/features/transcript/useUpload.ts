// A file sent to main in chunks, then used by a command (import the audio, import a model). The
// progress stays shown until that command has answered: importing decodes the file, which takes
// a while after the last chunk.
import { useState } from 'react';
import { uploadFile } from '../../api/upload.ts';

export interface Upload {
  /** 0..1 while a file is sent and imported; null otherwise. */
  progress: number | null;
  send(file: File, use: (uploadId: string) => Promise<void>): Promise<void>;
}

export function useUpload(onError: (e: unknown) => void): Upload {
  const [progress, setProgress] = useState<number | null>(null);
  const send = async (file: File, use: (uploadId: string) => Promise<void>) => {
    try {
      setProgress(0);
      await use(await uploadFile(file, setProgress));
    } catch (e) {
      onError(e);
    } finally {
      setProgress(null);
    }
  };
  return { progress, send };
}
