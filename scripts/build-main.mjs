#!/usr/bin/env node
// Bundles the Electron main process (ESM), the sandboxed preload (CommonJS, as Electron
// requires for sandboxed preloads) and the language-model worker (ESM, a child process of the
// app: main/llm/worker.ts) into dist/main/.
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
// node-llama-cpp stays a package: it finds its native binaries beside its own files (unpacked
// from the asar archive, electron-builder.yml). main/llm/model-drafter.ts starts this file.
await build({ ...common, entryPoints: ['main/llm/worker.ts'], outfile: 'dist/main/llm-worker.mjs', format: 'esm', external: ['electron', 'node-llama-cpp'] });
console.log('mahdar: built dist/main/electron.mjs, dist/main/preload.cjs and dist/main/llm-worker.mjs');
