#!/usr/bin/env node
// `npm start`: launches the desktop app; where no Electron binary is installed (it is fetched
// from the internet at install time, which some sites block) it says so in one line and starts
// serve mode instead, so the app is usable on every machine.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the package exports the binary's path, and throws if it is missing
  } catch {
    return null;
  }
}

const binary = electronBinary();
const [cmd, args] = binary
  ? [binary, [root]]
  : [process.execPath, ['--import', 'tsx', resolve(root, 'main/serve/cli.ts')]];
if (!binary) console.log('mahdar: no Electron binary installed here; starting serve mode instead (open the URL below in a browser).');
const child = spawn(cmd, args, { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
