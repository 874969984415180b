// Which model the transcript tab selects when it opens: the settings' model when installed, else
// the model recommended for Arabic when installed (the service makes it the settings' model once
// it is downloaded or imported: main/asr/default-model.ts), else the first installed one.
import type { ModelInfo } from '../../../shared/api.ts';

export function initialModel(models: readonly Pick<ModelInfo, 'id' | 'installed' | 'use'>[], settingsModelId: string | null): string {
  const installed = models.filter((m) => m.installed);
  if (settingsModelId && installed.some((m) => m.id === settingsModelId)) return settingsModelId;
  return (installed.find((m) => m.use === 'arabic') ?? installed[0])?.id ?? '';
}
