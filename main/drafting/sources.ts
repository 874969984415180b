// The drafter of each source: the endpoint of the drafting settings (loopback only, checked by
// main/llm before any request), or an imported GGUF model run in a child process.
import type { DraftingSettings, DraftingSource } from '../../shared/drafting.ts';
import type { ServiceContext } from '../context/context.ts';
import type { Drafter } from '../llm/drafter.ts';
import { endpointDrafter } from '../llm/endpoint.ts';
import { checkLoopback } from '../llm/loopback.ts';
import { openModelDrafter } from '../llm/model-drafter.ts';
import { languageModelPath } from '../llm/models.ts';
import type { OpenDrafter } from './jobs.ts';
import { readDraftingSettings } from './settings.ts';

/** What the settings may hold: a loopback endpoint URL, and a model source that is imported. */
export async function checkDraftingSettings(ctx: ServiceContext, next: DraftingSettings): Promise<void> {
  checkLoopback(next.endpoint.url);
  if (next.source?.kind === 'model') await languageModelPath(ctx, next.source.modelId);
}

export function endpointOf(settings: DraftingSettings): Drafter {
  return endpointDrafter({ url: settings.endpoint.url, model: settings.endpoint.model });
}

/** Opens the drafter of a source with the settings as they are now. */
export function sourceOpener(ctx: ServiceContext): OpenDrafter {
  return async (source: DraftingSource) => {
    if (source.kind === 'endpoint') return endpointOf(await readDraftingSettings(ctx));
    return openModelDrafter(await languageModelPath(ctx, source.modelId));
  };
}
