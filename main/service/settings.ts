// Settings commands. Storage lives in main/context/settings.ts; the check that a chosen model
// exists is made here, because the model list belongs to main/asr, above main/context.
import type { MahdarService } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { listModels } from '../asr/models.ts';
import type { ServiceContext } from '../context/context.ts';
import { settingsStore } from '../context/settings.ts';

export function settingsCommands(ctx: ServiceContext): Pick<MahdarService, 'getSettings' | 'updateSettings'> {
  const stored = settingsStore(ctx);
  return {
    getSettings: stored.getSettings,
    async updateSettings(input) {
      // Any model Mahdar lists may be chosen (installed, imported, or from the catalogue, to be
      // downloaded); null means "the best installed model".
      const { modelId } = input.settings;
      if (modelId != null && !(await listModels(ctx)).some((m) => m.id === modelId)) {
        throw new MahdarError('model.notFound', { model: modelId });
      }
      return stored.updateSettings(input);
    },
  };
}
