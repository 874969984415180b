// The Silero voice-activity model, looked up one way for every engine run: the full pass, a
// passage, the calibration, the live text and `mahdar transcribe`. Voice detection skips silence,
// where Whisper invents text; MAHDAR_VAD=0 (config.ts) turns it off for all of them.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { modelsDir, type ServiceContext } from '../context/context.ts';
import { config } from '../config.ts';
import { validateVadModelFile } from './model-file.ts';

/** The Silero voice-activity model's own file names (whisper.cpp's ggml-silero-v5.1.2.bin). */
export const VAD_FILE = /^ggml-silero-.+\.bin$/i;

/**
 * The voice-activity model engine runs use: null when MAHDAR_VAD=0, else the newest (by version
 * number) ggml-silero-*.bin of the first folder that has a sound one. A file with that name that is
 * not a ggml Silero model (an interrupted copy, something renamed) is skipped, so it never reaches
 * the engine.
 */
export async function findVadModelIn(dirs: readonly string[]): Promise<string | null> {
  if (!config.vad()) return null;
  for (const dir of dirs) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => VAD_FILE.test(n));
    names.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    for (const name of names) {
      const path = join(dir, name);
      if (await validateVadModelFile(path).then(() => true, () => false)) return path;
    }
  }
  return null;
}

/** The voice-activity model of the app's engine runs: the data root's models/, then ctx.modelDirs. */
export const findVadModel = (ctx: ServiceContext): Promise<string | null> => findVadModelIn([modelsDir(ctx), ...ctx.modelDirs]);
