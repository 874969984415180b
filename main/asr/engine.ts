// Where the speech engine lives and how many threads it gets. The engine is whisper.cpp's
// whisper-cli, built from source at `npm ci` (scripts/build-engine.mjs) into build/whisper/.
// MAHDAR_WHISPER_CLI overrides the path (a packaged app, a custom build).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { MahdarError } from '../../shared/errors.ts';
import { repoRoot } from '../paths.ts';

const exe = process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli';

/** Candidate locations, most specific first. */
export function engineCandidates(root = repoRoot): string[] {
  const fromEnv = process.env.MAHDAR_WHISPER_CLI;
  const buildDir = join(root, 'build', 'whisper', 'bin');
  const candidates = [join(buildDir, exe), join(buildDir, 'Release', exe)];
  return fromEnv ? [resolve(fromEnv)] : candidates;
}

/** The whisper-cli executable; engine.missing when it was not built. */
export function whisperCliPath(root = repoRoot): string {
  for (const p of engineCandidates(root)) if (existsSync(p)) return p;
  throw new MahdarError('engine.missing');
}

/**
 * Threads when the settings say 0 (auto): every core the process may use, capped at 8 because
 * whisper.cpp gains little beyond that on CPU and the UI needs some room.
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** Threads to use: an explicit request, else the setting, else automatic (0 = auto). */
export function resolveThreads(requested?: number | null, setting?: number | null): number {
  const n = requested && requested > 0 ? requested : setting && setting > 0 ? setting : defaultThreads();
  return Math.max(1, Math.min(64, Math.floor(n)));
}

/**
 * Environment for the engine's process. whisper.cpp's CPU backend is built with OpenMP, whose
 * worker threads spin while they wait by default. Measured here on 2 cores with another program
 * busy: an 18 s clip took 13.6-118 s with spinning threads and 2.9-4.6 s with OMP_WAIT_POLICY=passive
 * (same output), because spinning threads fight whatever else runs (the app's own UI included).
 * A value the user set explicitly is kept.
 */
export function engineEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, OMP_WAIT_POLICY: base.OMP_WAIT_POLICY || 'passive' };
}
