// The whisper-cli builds that bench/engine-compare.ts runs beside the app's engine, built apart
// from it (build/whisper and scripts/build-engine.mjs stay untouched), with the app engine's cmake
// options (scripts/engine-options.mjs):
//  - beamOnDoubtCli: the app engine's sources (scripts/engine-source.mjs) with beam-on-doubt.patch
//    (-bod, -bodt: greedy first, the beam only where greedy is doubtful), which the app never uses
//    (docs/engine.md, "Greedy first, beam where doubtful");
//  - llamafileCli: the vendored sources as they are, without Mahdar's edits: flash attention in the
//    decoder too, as whisper.cpp 1.9.1 ships it (the "llamafile" rows: the app's engine before
//    "Flash attention in the encoder only", docs/engine.md).
//
// What beamOnDoubtCli does, once (minutes on 2 cores) and again only when the patch or the sources
// change: copies the engine's sources to .cache/whisper-beam-on-doubt/src, applies the patch there
// with `git apply` (git is needed), and builds whisper-cli with cmake into
// .cache/whisper-beam-on-doubt/build (Release, static).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { engineCmakeOptions } from '../../scripts/engine-options.mjs';
import { engineSourceId, prepareEngineSource, vendoredSource } from '../../scripts/engine-source.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const patch = join(import.meta.dirname, 'beam-on-doubt.patch');
const dir = join(root, '.cache', 'whisper-beam-on-doubt');
const src = join(dir, 'src');
const build = join(dir, 'build');
const stamp = join(dir, 'stamp.json');
const log = join(dir, 'build.log');

function step(cmd: string, args: string[], cwd = root, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  appendFileSync(log, `$ ${cmd} ${args.join(' ')}\n${out}`);
  if (r.error || r.status !== 0) {
    throw new Error(`${out.split('\n').slice(-30).join('\n')}\n${cmd} failed (${r.error?.message ?? `exit ${r.status}`}); full log: ${log}`);
  }
  return out;
}

/**
 * Path of the whisper-cli built from the vendored sources with GGML_LLAMAFILE=ON into
 * .cache/whisper-llamafile (and whisper-quantize beside it), built first if missing or made from
 * other sources.
 */
export function llamafileCli(): string {
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'nodejs-whisper', 'package.json'), 'utf8')).version;
  const out = join(root, '.cache', 'whisper-llamafile');
  const made = JSON.stringify({ source: `nodejs-whisper@${version}`, options: engineCmakeOptions() });
  const cli = join(out, 'bin', process.platform === 'win32' ? 'Release/whisper-cli.exe' : 'whisper-cli');
  const madeStamp = join(out, 'stamp.json');
  if (existsSync(cli) && existsSync(madeStamp) && readFileSync(madeStamp, 'utf8') === made) return cli;
  console.error(`engine-compare: building the llamafile whisper-cli into ${out} (cmake; log: ${log})`);
  mkdirSync(dir, { recursive: true });
  step('cmake', ['-S', vendoredSource, '-B', out, '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=OFF', '-DWHISPER_BUILD_TESTS=OFF', '-DWHISPER_SDL2=OFF', ...engineCmakeOptions()]);
  step('cmake', ['--build', out, '--config', 'Release', '-j', String(Math.max(1, cpus().length)), '--target', 'whisper-cli', 'whisper-quantize']);
  writeFileSync(madeStamp, made);
  return cli;
}

/** Path of the patched whisper-cli, built first if missing or made from another patch or sources. */
export function beamOnDoubtCli(): string {
  const made = { source: engineSourceId(), options: engineCmakeOptions(), patch: createHash('sha256').update(readFileSync(patch)).digest('hex') };
  const cli = join(build, 'bin', process.platform === 'win32' ? 'Release/whisper-cli.exe' : 'whisper-cli');
  if (existsSync(cli) && existsSync(stamp) && readFileSync(stamp, 'utf8') === JSON.stringify(made)) return cli;

  console.error(`engine-compare: building the beam-on-doubt whisper-cli into ${dir} (git apply, cmake; log: ${log})`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(prepareEngineSource(), src, { recursive: true });
  // GIT_CEILING_DIRECTORIES: git must not find the project's repository above the copy (inside a
  // repository, git apply skips the files outside its index and still succeeds).
  const applied = step('git', ['apply', '--verbose', patch], src, { ...process.env, GIT_CEILING_DIRECTORIES: dir });
  if (!/Applied patch .* cleanly/.test(applied)) throw new Error(`git apply did not apply ${patch}; log: ${log}`);
  step('cmake', ['-S', src, '-B', build, '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=OFF', '-DWHISPER_BUILD_TESTS=OFF', '-DWHISPER_SDL2=OFF', ...engineCmakeOptions()]);
  step('cmake', ['--build', build, '--config', 'Release', '-j', String(Math.max(1, cpus().length)), '--target', 'whisper-cli']);
  writeFileSync(stamp, JSON.stringify(made));
  return cli;
}
