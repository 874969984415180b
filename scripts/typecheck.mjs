#!/usr/bin/env node
// `npm run typecheck`: tsc over the whole project (tsconfig.json). Electron is an optional
// dependency: where npm skipped it (its binary could not be downloaded: offline sites), its
// type declarations are missing too, so the only two files that import it, main/electron.ts and
// main/preload.ts, are left out (tsconfig.no-electron.json) and one line says so. CI installs
// the package without its binary (.ci/run), so there both files are checked.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const hasElectron = existsSync(join(root, 'node_modules/electron/electron.d.ts'));
if (!hasElectron) console.log('typecheck: Electron is not installed here; main/electron.ts and main/preload.ts are not checked');
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin/tsc');
const project = hasElectron ? 'tsconfig.json' : 'tsconfig.no-electron.json';
const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(root, project)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
