// PLACEHOLDER (issue 24, being built): the drafting commands of shared/drafting.ts. Every command
// answers drafting.noSource until the drafting job lands.
import type { DraftingApiOutputs } from '../../shared/drafting.ts';
import { MahdarError } from '../../shared/errors.ts';

type DraftingCommands = { [M in keyof DraftingApiOutputs]: (input: unknown) => Promise<DraftingApiOutputs[M]> };

export function draftingCommands(): DraftingCommands {
  const none = async (): Promise<never> => {
    throw new MahdarError('drafting.noSource');
  };
  return {
    listLanguageModels: async () => [],
    importLanguageModel: none,
    removeLanguageModel: none,
    getDraftingSettings: none,
    updateDraftingSettings: none,
    testDraftingEndpoint: none,
    startDrafting: none,
    cancelDrafting: async () => null,
    getDrafting: async () => null,
  };
}
