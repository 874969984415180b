// `npm start` where Electron is not installed (npm skips the optional package when its binary
// cannot be downloaded, as on offline sites and on CI): scripts/start.mjs says so in one line
// and starts serve mode, which prints its URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mahdar-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('falls back to serve mode when Electron cannot be resolved', async () => {
  // Preloaded into start.mjs only: require('electron') fails as it does when npm skipped it.
  const hook = join(dir, 'no-electron.cjs');
  writeFileSync(
    hook,
    `const M = require('node:module');
const resolve = M._resolveFilename;
M._resolveFilename = function (request, ...rest) {
  if (request === 'electron') throw Object.assign(new Error("Cannot find module 'electron'"), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};
`,
  );
  const child = spawn(process.execPath, ['--require', hook, join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, MAHDAR_DATA_DIR: join(dir, 'data'), MAHDAR_PORT: '0' },
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
