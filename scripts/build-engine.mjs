#!/usr/bin/env node
// Builds the speech engine (whisper.cpp's whisper-cli, and whisper-server for the live text while
// recording: one process keeps the model loaded, see main/asr/live/) from the sources vendored in the npm
// package nodejs-whisper, with Mahdar's few changes (scripts/engine-source.mjs, applied to a copy in
// build/whisper-src), at `npm ci` time: no binary is downloaded, ever. The result lives in
// build/whisper/ (outside node_modules so a reinstall of packages does not force a rebuild).
// Skips the build when the binary exists and was made from the same sources (stamp file).
// Set MAHDAR_SKIP_ENGINE_BUILD=1 to skip (e.g. packaging on a machine without a compiler).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineCmakeOptions } from './engine-options.mjs';
import { engineSourceId, prepareEngineSource, vendoredSource } from './engine-source.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, 'build', 'whisper');
const exe = process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli';
const serverExe = process.platform === 'win32' ? 'whisper-server.exe' : 'whisper-server';
/** What the stamp records: a build from other sources, other options, or one without the server, is redone. */
// whisper-quantize: the tests make a q8_0 model of base with it (the AMX crash, engine-options.mjs).
const TARGETS = ['whisper-cli', 'whisper-server', 'whisper-quantize'];
/** The engine's build options (llamafile kernels on, AMX off, portable on request): scripts/engine-options.mjs. */
const OPTIONS = engineCmakeOptions();

if (process.env.MAHDAR_SKIP_ENGINE_BUILD === '1') {
  console.log('mahdar: engine build skipped (MAHDAR_SKIP_ENGINE_BUILD=1)');
  process.exit(0);
}
if (!existsSync(join(vendoredSource, 'CMakeLists.txt'))) {
  console.error(`mahdar: whisper.cpp sources not found in ${vendoredSource}; is nodejs-whisper installed?`);
  process.exit(1);
}

const sourceId = engineSourceId();
const stamp = join(buildDir, 'mahdar-engine.json');
const existing = findBinary();
const stamped = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')) : null;
if (
  existing &&
  findBinary(serverExe) &&
  stamped?.source === sourceId &&
  TARGETS.every((t) => (stamped.targets ?? ['whisper-cli']).includes(t)) &&
  JSON.stringify(stamped.options ?? []) === JSON.stringify(OPTIONS)
) {
  console.log(`mahdar: engine up to date (${existing})`);
  process.exit(0);
}

// The compiler's output (thousands of lines of warnings) goes to a log file; its tail is shown
// only when the build fails.
const logFile = join(buildDir, 'build.log');
function run(args) {
  console.log(`mahdar: cmake ${args.join(' ')}`);
  const r = spawnSync('cmake', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  appendFileSync(logFile, `$ cmake ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.error) {
    console.error(`mahdar: cannot run cmake (${r.error.message}). Install cmake and a C++ compiler; see README.`);
    process.exit(1);
  }
  if (r.status !== 0) {
    console.error(`${(r.stdout + r.stderr).split('\n').slice(-40).join('\n')}\nmahdar: the engine build failed; full log: ${logFile}`);
    process.exit(r.status ?? 1);
  }
}

function findBinary(name = exe) {
  for (const p of [join(buildDir, 'bin', name), join(buildDir, 'bin', 'Release', name)]) if (existsSync(p)) return p;
  return null;
}

// Other sources (a new nodejs-whisper, other edits, or a build made before build/whisper-src):
// cmake refuses a build folder configured for another source folder, so start it afresh.
if (stamped?.source !== sourceId) rmSync(buildDir, { recursive: true, force: true });
mkdirSync(buildDir, { recursive: true });
writeFileSync(logFile, '');
let source;
try {
  source = prepareEngineSource();
} catch (err) {
  console.error(`mahdar: cannot prepare the engine's sources: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
run([
  '-S', source, '-B', buildDir,
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=OFF', // one self-contained executable
  '-DWHISPER_BUILD_TESTS=OFF',
  // The server example (cpp-httplib, vendored): the live decoder, bound to 127.0.0.1 only.
  '-DWHISPER_BUILD_SERVER=ON',
  '-DWHISPER_SDL2=OFF',
  // Installers are built once and run on many CPUs: MAHDAR_ENGINE_PORTABLE=1 turns off tuning
  // to the building machine's CPU (GGML_NATIVE); ggml then targets AVX2/FMA (x86-64 since ~2013).
  ...OPTIONS,
]);
run(['--build', buildDir, '--config', 'Release', '-j', String(Math.max(1, cpus().length)), '--target', ...TARGETS]);
const bin = findBinary();
const server = findBinary(serverExe);
if (!bin || !server) {
  console.error(`mahdar: the engine build finished but ${bin ? 'whisper-server' : 'whisper-cli'} was not produced`);
  process.exit(1);
}
writeFileSync(stamp, JSON.stringify({ source: sourceId, binary: bin, server, targets: TARGETS, options: OPTIONS }, null, 2));
console.log(`mahdar: engine built: ${bin}`);
