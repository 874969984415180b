// The layer lint (`npm run lint`: dependency-cruiser with .dependency-cruiser.cjs, run by
// `npm test`): the real tree passes, a tree that imports downward only passes, and each rule
// catches its violation. The violations share one small tree (depcruise takes a second or two to
// start); each is in files of its own, so one cannot hide another, and each must be reported.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const trees: string[] = [];

/** The `npm run lint` command line, with the config made absolute so it runs from any folder. */
function lintArgs(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.lint ?? '';
  const [command, ...args] = script.split(/\s+/);
  expect(command).toBe('depcruise');
  return args.map((a) => (a === '.dependency-cruiser.cjs' ? join(root, a) : a));
}

/** Runs the lint on the project, or on a small tree of [path, text]; output with whitespace runs made one space. */
async function lint(tree?: Record<string, string>): Promise<{ code: number; out: string }> {
  let cwd = root;
  if (tree) {
    cwd = mkdtempSync(join(tmpdir(), 'mahdar-lint-'));
    trees.push(cwd);
    for (const area of ['shared', 'main', 'renderer']) mkdirSync(join(cwd, area), { recursive: true });
    for (const [path, text] of Object.entries(tree)) {
      mkdirSync(dirname(join(cwd, path)), { recursive: true });
      writeFileSync(join(cwd, path), text);
    }
  }
  return run(process.execPath, [depcruise, ...lintArgs()], { cwd }).then(
    (r) => ({ code: 0, out: `${r.stdout}${r.stderr}`.replace(/\s+/g, ' ') }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}`.replace(/\s+/g, ' ') }),
  );
}

const downward = {
  'shared/api.ts': "import { z } from 'zod';\nexport const a = z;\n",
  'main/paths.ts': "import { join } from 'node:path';\nexport const p = join('a');\n",
  'main/archive/a.ts': "import '../paths.ts';\nimport '../../shared/api.ts';\n",
  'main/service/s.ts': "import '../archive/a.ts';\nimport '../export/e.ts';\n",
  'main/export/e.ts': "import '../asr/x.ts';\n",
  'main/asr/x.ts': "import type { a } from '../../shared/api.ts';\n",
  'main/shell/sh.ts': "import '../service/s.ts';\nimport '../security.ts';\n",
  'main/security.ts': "import '../shared/api.ts';\n",
  'main/electron.ts': "import { app } from 'electron';\nimport './service/s.ts';\nimport './shell/sh.ts';\n",
  'main/preload.ts': "import { ipcRenderer } from 'electron';\nimport './bridge-channels.ts';\n",
  'main/bridge-channels.ts': 'export const c = 1;\n',
  'renderer/App.tsx': "import '../shared/api.ts';\nimport './styles.css';\nimport './features/meeting/M.tsx';\n",
  'renderer/styles.css': '',
  'renderer/api/client.ts': 'export const c = 1;\n',
  'renderer/i18n/I18n.tsx': "import '../api/client.ts';\n",
  'renderer/features/common/Dialog.tsx': "import '../../i18n/I18n.tsx';\n",
  'renderer/features/editor/E.tsx': "import '../common/Dialog.tsx';\n",
  'renderer/features/transcript/T.tsx': "import '../common/Dialog.tsx';\n",
  'renderer/features/meeting/M.tsx': "import '../editor/E.tsx';\nimport '../transcript/T.tsx';\n",
};

// [what is wrong, its files, the line depcruise must print for it]
const violations: [string, Record<string, string>, RegExp][] = [
  ['shared imports main', { 'shared/a.ts': "import '../main/bridge-channels.ts';\n", 'main/bridge-channels.ts': '' }, /error shared-only-shared: shared\/a\.ts → main\/bridge-channels\.ts/],
  ['shared imports renderer', { 'shared/r.ts': "import '../renderer/api/x.ts';\n", 'renderer/api/x.ts': '' }, /error shared-only-shared: shared\/r\.ts → renderer\/api\/x\.ts/],
  ['shared imports a Node built-in', { 'shared/b.ts': "import { readFileSync } from 'node:fs';\n" }, /error shared-no-node-builtin: shared\/b\.ts → fs/],
  ['shared imports a bare built-in', { 'shared/c.ts': "import { join } from 'path';\n" }, /error shared-no-node-builtin: shared\/c\.ts → path/],
  ['shared imports electron', { 'shared/d.ts': "import { app } from 'electron';\n" }, /error electron-only-in-electron-and-preload: shared\/d\.ts → electron/],
  ['renderer imports main (type only)', { 'renderer/App.tsx': "import type { X } from '../main/security.ts';\n", 'main/security.ts': 'export type X = 1;\n' }, /error renderer-not-main: renderer\/App\.tsx → main\/security\.ts/],
  ['a service file imports electron', { 'main/service/el.ts': "import { app } from 'electron';\n" }, /error electron-only-in-electron-and-preload: main\/service\/el\.ts → electron/],
  ['archive imports service (upward)', { 'main/archive/a.ts': "import '../service/b.ts';\n", 'main/service/b.ts': '' }, /error main-downward-only: main\/archive\/a\.ts → main\/service\/b\.ts/],
  ['export imports serve (upward, dynamic)', { 'main/export/a.ts': "await import('../serve/s.ts');\n", 'main/serve/s.ts': '' }, /error main-downward-only: main\/export\/a\.ts → main\/serve\/s\.ts/],
  ['shell imports electron.ts (upward)', { 'main/shell/e.ts': "import '../electron.ts';\n", 'main/electron.ts': '' }, /error main-downward-only: main\/shell\/e\.ts → main\/electron\.ts/],
  ['serve imports cli (same rank, re-export)', { 'main/serve/b.ts': "export * from '../cli/b.ts';\n", 'main/cli/b.ts': 'export const b = 1;\n' }, /error main-side-by-side: main\/serve\/b\.ts → main\/cli\/b\.ts/],
  ['a leaf imports a folder', { 'main/paths.ts': "import './archive/x.ts';\n", 'main/archive/x.ts': '' }, /error main-leaf-imports-no-folder: main\/paths\.ts → main\/archive\/x\.ts/],
  ['preload imports a folder', { 'main/preload.ts': "import './service/p.ts';\n", 'main/service/p.ts': '' }, /error main-preload-only-leaves: main\/preload\.ts → main\/service\/p\.ts/],
  ['a folder imports preload', { 'main/cli/p.ts': "import '../preload.ts';\n", 'main/preload.ts': "import './service/p.ts';\n" }, /error main-nothing-imports-preload: main\/cli\/p\.ts → main\/preload\.ts/],
  ['a folder outside the order', { 'main/misc/a.ts': 'export {};\n' }, /error main-placed-in-order: main\/misc\/a\.ts/],
  ['a feature imports another feature (side by side)', { 'renderer/features/editor/x.tsx': "import '../transcript/y.ts';\n", 'renderer/features/transcript/y.ts': '' }, /error renderer-side-by-side: renderer\/features\/editor\/x\.tsx → renderer\/features\/transcript\/y\.ts/],
  ['the common pieces import a feature (upward)', { 'renderer/features/common/c.tsx': "import '../minutes/m.tsx';\n", 'renderer/features/minutes/m.tsx': '' }, /error renderer-downward-only: renderer\/features\/common\/c\.tsx → renderer\/features\/minutes\/m\.tsx/],
  ['the transport imports the interface language (upward)', { 'renderer/api/a.ts': "import '../i18n/t.ts';\n", 'renderer/i18n/t.ts': '' }, /error renderer-downward-only: renderer\/api\/a\.ts → renderer\/i18n\/t\.ts/],
  ['a renderer folder outside the order', { 'renderer/misc/a.ts': 'export {};\n' }, /error renderer-placed-in-order: renderer\/misc\/a\.ts/],
  [
    'an import cycle (one side type only)',
    { 'main/asr/a.ts': "import './b.ts';\n", 'main/asr/b.ts': "import type { x } from './a.ts';\nexport const y = 1;\n" },
    /error no-cycle: main\/asr\/(a\.ts → main\/asr\/b\.ts → main\/asr\/a|b\.ts → main\/asr\/a\.ts → main\/asr\/b)\.ts/,
  ],
];

const results: Record<'project' | 'downward' | 'violations', Promise<{ code: number; out: string }>> = {} as never;

beforeAll(() => {
  // All their files in one tree: a file two cases name must have one text in both.
  const tree: Record<string, string> = {};
  for (const [what, files] of violations) {
    for (const [path, text] of Object.entries(files)) {
      if (path in tree && tree[path] !== text) throw new Error(`case '${what}' gives ${path} another text`);
      tree[path] = text;
    }
  }
  results.project = lint();
  results.downward = lint(downward);
  results.violations = lint(tree);
});

afterAll(async () => {
  await Promise.allSettled(Object.values(results));
  for (const d of trees.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the layer lint', () => {
  it('passes on the project', async () => {
    const r = await results.project;
    expect(r.out).toMatch(/no dependency violations found/);
    expect(r.code).toBe(0);
  });

  it('passes on a tree that imports downward only', async () => {
    const r = await results.downward;
    expect(r.out).toMatch(/no dependency violations found/);
    expect(r.code).toBe(0);
  });

  it('fails, reporting each violation once', async () => {
    const r = await results.violations;
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(new RegExp(`x ${violations.length} dependency violations \\(${violations.length} errors`));
  });

  it.each(violations)('catches it when %s', async (_, _files, line) => {
    expect((await results.violations).out).toMatch(line);
  });
});
