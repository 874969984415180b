// Where things live on disk. The data root holds every meeting; MAHDAR_DATA_DIR overrides it
// (tests, portable installs). Electron passes app.getPath('userData') instead.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { config } from './config.ts';

/**
 * The repository (or packaged app) root: main/ sits right under it. The Electron bundle, which
 * lives in dist/main/, sets MAHDAR_APP_ROOT before anything else runs.
 */
export const repoRoot = config.appRoot() ?? resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function dataRoot(): string {
  const fromEnv = config.dataDir();
  if (fromEnv) return fromEnv;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Mahdar');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Mahdar');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'Mahdar');
}

/**
 * Read-only folders searched for Whisper models besides the data root's models/: MAHDAR_MODEL_DIRS
 * (path list), and the models handed to developers beside the repository (../shared/models).
 */
export function extraModelDirs(): string[] {
  const fromEnv = config.modelDirs();
  const beside = resolve(repoRoot, '..', 'shared', 'models');
  return [...fromEnv, ...(existsSync(beside) ? [beside] : [])];
}

/**
 * A file shipped with the app from the repository's assets/ folder (e.g. 'calibration/sample.wav').
 * In the desktop package it is one of electron-builder's extraResources, in
 * process.resourcesPath, outside the asar archive: the engine is another program and cannot read
 * inside the archive. In development and serve mode it is read from assets/. Null when missing.
 */
export function bundledAsset(rel: string): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [...(resources ? [join(resources, rel)] : []), join(repoRoot, 'assets', rel)];
  return candidates.find((p) => existsSync(p)) ?? null;
}
