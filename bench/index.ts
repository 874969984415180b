// `npm run bench`: runs every benchmark and writes their tables to bench/results/.
// Speed is reported as ratios against a reference run in the same process (the editor's as
// times, set beside fixed goals: a frame, a second), never as a timed assertion. Select one
// with `npm run bench -- transcription` (or export, editor...).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { machineSection } from './machine.ts';

export interface BenchReport {
  name: string;
  /** Markdown table printed and written to bench/results/<name>.md */
  table: string;
  data: unknown;
}

const benches: Record<string, () => Promise<{ run(): Promise<BenchReport> }>> = {
  transcription: () => import('./transcription.ts'),
  export: () => import('./export.ts'),
  live: () => import('./live.ts'),
  recording: () => import('./recording.ts'),
  editor: () => import('./editor.ts'),
  // The keystrokes to walk a review's turns and decisions by key (under a minute).
  'editor-turns': () => import('./editor-turns.ts'),
  // Not run by default (minutes of CPU, installs faster-whisper into .venv-peers): name it.
  peers: () => import('./peers.ts'),
  // Not run by default either (the app and the peer quiet, beside a busy core and a rival engine: many minutes): name it.
  load: () => import('./load.ts'),
  // Not run by default either (150 drafts with the tiny GGUF model and a Chromium review: minutes): name it.
  summaries: () => import('./summaries.ts'),
  // Not run by default either (random-weight large models, GBs of temporary files: an hour on 2 cores): name it.
  'model-shapes': () => import('./model-shapes/index.ts'),
};
const byName = new Set(['peers', 'summaries', 'model-shapes', 'load']);

const only = process.argv.slice(2);
const outDir = join(import.meta.dirname, 'results');
await mkdir(outDir, { recursive: true });
for (const [name, load] of Object.entries(benches)) {
  if (only.length ? !only.includes(name) : byName.has(name)) continue;
  const report = await (await load()).run();
  // Every result names the machine it was measured on (CPU, vector flags, ggml's, load).
  const table = `${report.table}\n\n${machineSection()}`;
  console.log(`\n## ${report.name}\n\n${table}`);
  await writeFile(join(outDir, `${name}.md`), `## ${report.name}\n\n${table}\n`);
  await writeFile(join(outDir, `${name}.json`), JSON.stringify({ machine: machineSection(), data: report.data }, null, 2));
}
