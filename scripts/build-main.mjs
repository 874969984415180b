#!/usr/bin/env node
// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as Electron
// requires for sandboxed preloads) into dist/main/.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', external: ['electron'], logLevel: 'warning' };
await build({
  ...common,
  entryPoints: ['main/electron.ts'],
  outfile: 'dist/main/electron.mjs',
  format: 'esm',
  // The bundle lives in dist/main/: tell main/paths.ts where the app root is before any module runs.
  banner: {
    js: "import { fileURLToPath as __mahdarPath } from 'node:url'; process.env.MAHDAR_APP_ROOT ??= __mahdarPath(new URL('../..', import.meta.url));",
  },
});
await build({ ...common, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', format: 'cjs' });
console.log('mahdar: built dist/main/electron.mjs and dist/main/preload.cjs');
