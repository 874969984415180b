// PLACEHOLDER: owned by the transcription work (issue 3); replaced by the real implementation.
import type { MahdarService } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from './context.ts';

type Commands = Pick<MahdarService, 'importAudio' | 'listModels' | 'importModel' | 'downloadModel' | 'startTranscription' | 'cancelTranscription' | 'getTranscription'>;
export function transcriptionCommands(_ctx: ServiceContext): Commands {
  const notYet = async (): Promise<never> => {
    throw new MahdarError('internal');
  };
  return { importAudio: notYet, listModels: async () => [], importModel: notYet, downloadModel: notYet, startTranscription: notYet, cancelTranscription: async () => null, getTranscription: async () => null };
}
