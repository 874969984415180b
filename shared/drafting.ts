// The contract of drafting summaries with a language model on the secretary's own computer: a
// GGUF model file imported into the app (run by node-llama-cpp in a child process), or an
// OpenAI-compatible server on this machine (llama-server, Ollama). main/ refuses any address that
// is not loopback: the meeting's words never leave the computer. Drafts land in the meeting as
// draftSummary edits (shared/edits/summaries.ts), marked as drafts until the secretary accepts them.
import { z } from 'zod';
import { idSchema } from './domain.ts';
import type { ErrorPayload } from './errors.ts';

const byMeeting = z.strictObject({ meetingId: idSchema });
const languageModelId = z.string().max(100);

/** Where drafts come from: an imported GGUF file, or the endpoint of the drafting settings. */
export const draftingSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('model'), modelId: languageModelId }),
  z.strictObject({ kind: z.literal('endpoint') }),
]);
export type DraftingSource = z.infer<typeof draftingSourceSchema>;

export const draftingSettingsSchema = z.strictObject({
  /** The source used by default (and after each full pass when `afterTranscription`); null: none chosen. */
  source: draftingSourceSchema.nullable(),
  /**
   * The OpenAI-compatible server: its base URL (`http://127.0.0.1:8080/v1`) and the model name to
   * ask it for. Only loopback hosts (127.0.0.0/8, ::1, localhost) are accepted (drafting.notLoopback).
   */
  endpoint: z.strictObject({ url: z.string().max(300), model: z.string().max(200) }),
  /** Draft the summaries still missing as soon as a full transcription pass ends. */
  afterTranscription: z.boolean(),
});
export type DraftingSettings = z.infer<typeof draftingSettingsSchema>;

export const draftingApiInputs = {
  /** The GGUF language models imported into the app (models/llm/). */
  listLanguageModels: z.strictObject({}),
  /** Checks an uploaded file is a GGUF language model, then keeps a copy (like importModel). */
  importLanguageModel: z.strictObject({ uploadId: idSchema }),
  removeLanguageModel: z.strictObject({ modelId: languageModelId }),
  getDraftingSettings: z.strictObject({}),
  updateDraftingSettings: z.strictObject({ settings: draftingSettingsSchema.partial() }),
  /** Asks the endpoint for a one-word answer: does it answer, and with which model. */
  testDraftingEndpoint: z.strictObject({}),
  /**
   * Drafts the summaries of the meeting's interventions that have none (with `redraft`, also those
   * whose draft was not accepted), one after the other, each saved as soon as it is written.
   * Progress comes as {type:'drafting'} events. A run killed with the app resumes at the next start.
   */
  startDrafting: z.strictObject({
    meetingId: idSchema,
    /** Default: the drafting settings' source. */
    source: draftingSourceSchema.optional(),
    redraft: z.boolean().optional(),
  }),
  cancelDrafting: byMeeting,
  getDrafting: byMeeting,
} as const;

export interface LanguageModelInfo {
  id: string;
  /** The file name it was imported from. */
  label: string;
  sizeBytes: number;
  /** From the GGUF header: `llama`, `qwen2`, `gemma3`…; null when the header does not say. */
  architecture: string | null;
}

export interface DraftingJob {
  meetingId: string;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  source: DraftingSource;
  /** The model's name as shown beside each draft (file name, or the endpoint's model). */
  modelName: string;
  /** Interventions this run drafts, and how many are drafted so far. */
  total: number;
  done: number;
  /** Interventions left without a draft: the secretary wrote or accepted their summary meanwhile, or the model wrote nothing. */
  skipped: number;
  /** The intervention being drafted (its first passage's id); null once the run has ended. */
  current: string | null;
  error: ErrorPayload | null;
}

export interface DraftingEvent {
  type: 'drafting';
  job: DraftingJob;
}

export interface DraftingApiOutputs {
  listLanguageModels: LanguageModelInfo[];
  importLanguageModel: LanguageModelInfo;
  removeLanguageModel: { removed: true };
  getDraftingSettings: DraftingSettings;
  updateDraftingSettings: DraftingSettings;
  testDraftingEndpoint: { model: string; reply: string };
  startDrafting: DraftingJob;
  cancelDrafting: DraftingJob | null;
  getDrafting: DraftingJob | null;
}
