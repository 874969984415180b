// The drafting settings (shared/drafting.ts): the source of drafts, the endpoint, and whether to
// draft after each full transcription pass. Kept in drafting.json in the data root, apart from
// settings.json, so the transcription settings' schema and file stay as they are.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { draftingSettingsSchema, type DraftingSettings } from '../../shared/drafting.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import type { ServiceContext } from '../context/context.ts';

export const defaultDraftingSettings: DraftingSettings = {
  source: null,
  endpoint: { url: 'http://127.0.0.1:8080/v1', model: '' },
  afterTranscription: false,
};

const settingsFile = (ctx: Pick<ServiceContext, 'dataRoot'>) => join(ctx.dataRoot, 'drafting.json');

export async function readDraftingSettings(ctx: Pick<ServiceContext, 'dataRoot'>): Promise<DraftingSettings> {
  try {
    const parsed = draftingSettingsSchema.partial().safeParse(JSON.parse(await readFile(settingsFile(ctx), 'utf8')));
    // A damaged file is not worth an error: the defaults draft nothing on their own.
    return { ...defaultDraftingSettings, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return { ...defaultDraftingSettings };
  }
}

/**
 * Saves a change over the stored settings. `check` sees the settings as they would be saved
 * (the service refuses a non-loopback endpoint or a model that is not imported) before anything is written.
 */
export async function updateDraftingSettings(
  ctx: Pick<ServiceContext, 'dataRoot'>,
  change: Partial<DraftingSettings>,
  check: (next: DraftingSettings) => Promise<void>,
): Promise<DraftingSettings> {
  const next = { ...(await readDraftingSettings(ctx)), ...change };
  await check(next);
  await writeFileAtomic(settingsFile(ctx), JSON.stringify(next, null, 2));
  return next;
}
