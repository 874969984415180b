// The model the settings choose once the model recommended for Arabic is installed: a secretary
// who downloads or imports it should transcribe with it without hunting for a setting, but a
// choice made on purpose (small, medium, an imported model) is never overridden.
import type { ServiceContext } from '../context/context.ts';
import { readSettings, settingsStore } from '../context/settings.ts';
import { ARABIC_DEFAULT_MODEL, catalogueEntry, MODEL_CATALOGUE, type CatalogueEntry } from './catalogue.ts';
import { findModels } from './models.ts';

/**
 * The setting's new model id after an install, or null to leave it: the Arabic default, when it
 * is installed and the setting is null (no choice yet), names a model that is no longer
 * installed, or names a model for trying the app only (base, tiny: too weak for minutes).
 */
export function modelAfterInstall(
  current: string | null,
  installedIds: readonly string[],
  catalogue: readonly CatalogueEntry[] = MODEL_CATALOGUE,
  arabicDefault = ARABIC_DEFAULT_MODEL,
): string | null {
  if (!installedIds.includes(arabicDefault) || current === arabicDefault) return null;
  if (current === null || !installedIds.includes(current)) return arabicDefault;
  return catalogueEntry(current, catalogue)?.use === 'trial' ? arabicDefault : null;
}

/** After a download or an import: switches the setting to the Arabic default when modelAfterInstall says so. */
export async function adoptArabicDefault(ctx: ServiceContext): Promise<void> {
  const settings = await readSettings(ctx);
  const installed = (await findModels(ctx)).map((m) => m.id);
  const next = modelAfterInstall(settings.modelId, installed);
  if (next) await settingsStore(ctx).updateSettings({ settings: { modelId: next } });
}
