// The drafter of each source: the endpoint of the drafting settings (loopback only, checked by
// main/llm before any request), or an imported GGUF model run in a child process.
import type { DraftingSettings, DraftingSource } from '../../shared/drafting.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import type { Drafter } from '../llm/drafter.ts';
import { endpointDrafter } from '../llm/endpoint.ts';
import { checkLoopback } from '../llm/loopback.ts';
import type { OpenDrafter } from './jobs.ts';
import { readDraftingSettings } from './settings.ts';

/** What the settings may hold: a loopback endpoint URL (the model file is checked when a run opens it). */
export async function checkDraftingSettings(next: DraftingSettings): Promise<void> {
  checkLoopback(next.endpoint.url);
}

export function endpointOf(settings: DraftingSettings): Drafter {
  return endpointDrafter({ url: settings.endpoint.url, model: settings.endpoint.model });
}

/** Opens the drafter of a source with the settings as they are now. */
export function sourceOpener(ctx: Pick<ServiceContext, 'dataRoot'>): OpenDrafter {
  return async (source: DraftingSource) => {
    if (source.kind === 'endpoint') return endpointOf(await readDraftingSettings(ctx));
    // The GGUF model store and its child process (main/llm) are wired here once they land.
    throw new MahdarError('drafting.modelNotFound', { model: source.modelId });
  };
}
