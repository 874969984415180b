// The drafting commands of shared/drafting.ts: the language models imported (main/llm/models.ts),
// the drafting settings, a test of the endpoint, and the drafting runs (main/drafting/jobs.ts).
// Also what runs on its own: the runs the app's end cut short resume when the service starts, and a full
// transcription pass that ends starts a run when the settings ask for it.
import type { z } from 'zod';
import type { draftingApiInputs, DraftingApiOutputs } from '../../shared/drafting.ts';
import type { ServiceContext } from '../context/context.ts';
import { applyOnCurrent } from '../drafting/apply-current.ts';
import type { DraftingJobs } from '../drafting/jobs.ts';
import { readDraftingSettings, updateDraftingSettings } from '../drafting/settings.ts';
import { checkDraftingSettings, endpointOf } from '../drafting/sources.ts';
import { importLanguageModel, listLanguageModels, removeLanguageModel } from '../llm/models.ts';

type Parsed<M extends keyof typeof draftingApiInputs> = z.output<(typeof draftingApiInputs)[M]>;
type DraftingCommands = { [M in keyof DraftingApiOutputs]: (input: Parsed<M>) => Promise<DraftingApiOutputs[M]> };

/** The endpoint test: one tiny request, so the secretary knows the server answers before a run. */
const PING = { system: 'Reply with one word.', user: 'OK?', maxTokens: 8 };
const PING_TIMEOUT_MS = 60_000;

export function draftingCommands(ctx: ServiceContext, jobs: DraftingJobs): DraftingCommands {
  return {
    listLanguageModels: () => listLanguageModels(ctx),
    importLanguageModel: ({ uploadId }) => importLanguageModel(ctx, uploadId),
    removeLanguageModel: ({ modelId }) => removeLanguageModel(ctx, modelId),
    getDraftingSettings: () => readDraftingSettings(ctx),
    updateDraftingSettings: ({ settings }) => updateDraftingSettings(ctx, settings, (next) => checkDraftingSettings(ctx, next)),
    async testDraftingEndpoint() {
      const drafter = endpointOf(await readDraftingSettings(ctx));
      const { text } = await drafter.draft(PING, AbortSignal.timeout(PING_TIMEOUT_MS));
      return { model: drafter.modelName, reply: text };
    },
    startDrafting: ({ meetingId, source, redraft }) => jobs.start(meetingId, { source, redraft }),
    cancelDrafting: ({ meetingId }) => jobs.cancel(meetingId),
    getDrafting: async ({ meetingId }) => jobs.get(meetingId),
  };
}

/**
 * A full pass ended: with "draft after transcription", the interventions still missing are
 * drafted. The marks tapped during a recording are applied first (only to passages without a
 * speaker or point; after-stop.ts applies them too, and the second time changes nothing): the
 * pass's passages have no speaker yet, and without them the whole meeting would be one intervention.
 */
async function draftAfterPass(ctx: ServiceContext, jobs: DraftingJobs, meetingId: string): Promise<void> {
  const settings = await readDraftingSettings(ctx);
  if (!settings.afterTranscription || !settings.source) return;
  await applyOnCurrent(ctx, meetingId, { type: 'applyMarks', overwrite: false });
  await jobs.start(meetingId, { source: settings.source });
}

/** Resumes the runs the app's end cut short, then drafts after each full transcription pass when the settings say so. */
export function startDraftingInBackground(ctx: ServiceContext, jobs: DraftingJobs): void {
  void jobs.resumeAll();
  ctx.events.subscribe((event) => {
    if (event.type !== 'job' || event.job.status !== 'done') return;
    const { meetingId } = event.job;
    draftAfterPass(ctx, jobs, meetingId).catch((err: unknown) => console.error(`mahdar: drafting after the transcription of meeting ${meetingId} did not start:`, err));
  });
}
