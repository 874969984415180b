// `npm start` where no Electron binary is installed (npm skips the optional package when its
// binary cannot be downloaded, as on offline sites; CI installs the package without its binary
// for its types): scripts/start.mjs says so in one line and starts serve mode, which prints its URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mahdar-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Preloaded into start.mjs only, each makes require('electron') fail as it does on such a machine.
const hooks = {
  // npm skipped the package: there is nothing to resolve.
  'Electron cannot be resolved': `const M = require('node:module');
const resolve = M._resolveFilename;
M._resolveFilename = function (request, ...rest) {
  if (request === 'electron') throw Object.assign(new Error("Cannot find module 'electron'"), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};
`,
  // The package is there without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD): its index.js throws.
  'the Electron package has no binary': `const M = require('node:module');
const resolve = M._resolveFilename;
const fake = require('node:path').join(__dirname, 'electron-without-binary.cjs');
require('node:fs').writeFileSync(fake, "throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');");
M._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? fake : resolve.call(this, request, ...rest);
};
`,
};

it.each(Object.keys(hooks) as (keyof typeof hooks)[])('falls back to serve mode when %s', async (why) => {
  const hook = join(dir, `${why.replaceAll(' ', '-')}.cjs`);
  writeFileSync(hook, hooks[why]);
  const child = spawn(process.execPath, ['--require', hook, join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, MAHDAR_DATA_DIR: join(dir, `data-${why.replaceAll(' ', '-')}`), MAHDAR_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no serve URL within 60 s:\n${out}`)), 60_000);
      child.stdout.on('data', () => {
        if (/Open: http:\/\/127\.0\.0\.1:\d+/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`start.mjs exited:\n${out}`)));
    });
    expect(out).toContain('mahdar: no Electron binary installed here; starting serve mode instead');
    expect(out).toMatch(/Mahdar is running\. Open: http:\/\/127\.0\.0\.1:\d+\//);
  } finally {
    child.kill('SIGTERM'); // start.mjs passes it on to the server, then exits with it
    await exited;
  }
});

it('tells electron-builder the Electron version that package-lock.json installs', () => {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  expect(lock.packages['node_modules/electron'].optional).toBe(true);
  expect(/^electronVersion: (\S+)$/m.exec(yml)?.[1]).toBe(lock.packages['node_modules/electron'].version);
});
