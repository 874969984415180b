// User settings (UI language, engine threads, chosen model), kept in settings.json in the data
// root so that both the desktop app and serve mode remember them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { settingsSchema, type MahdarService, type Settings } from '../../shared/api.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import type { ServiceContext } from './context.ts';

export const defaultSettings: Settings = { uiLanguage: 'ar', threads: 0, modelId: null, transcriptionLanguage: 'ar' };

export async function readSettings(ctx: ServiceContext): Promise<Settings> {
  try {
    const raw = JSON.parse(await readFile(join(ctx.dataRoot, 'settings.json'), 'utf8'));
    // Files written before issue 27 hold hijriAdjust (then the default of new meetings): ignored,
    // so that the strict schema still reads the other settings; the next save drops it.
    const { hijriAdjust: _old, ...current } = raw ?? {};
    const parsed = settingsSchema.partial().safeParse(current);
    // A damaged settings file is not worth an error: defaults are always safe.
    return { ...defaultSettings, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return { ...defaultSettings };
  }
}

/**
 * Reading and saving only. main/service/settings.ts wraps these and checks what needs a layer
 * above this one (that a chosen model exists).
 */
export function settingsStore(ctx: ServiceContext): Pick<MahdarService, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => readSettings(ctx),
    async updateSettings({ settings }) {
      const next = { ...(await readSettings(ctx)), ...settings };
      await writeFileAtomic(join(ctx.dataRoot, 'settings.json'), JSON.stringify(next, null, 2));
      return next;
    },
  };
}
