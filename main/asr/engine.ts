// Where the speech engine lives and how many threads it gets. The engine is whisper.cpp's
// whisper-cli, built from source at `npm ci` (scripts/build-engine.mjs) into build/whisper/.
// MAHDAR_WHISPER_CLI overrides the path (a packaged app, a custom build).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, constants as osConstants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { MahdarError } from '../../shared/errors.ts';
import { killQuietly } from '../archive/processes.ts';
import { config } from '../config.ts';
import { repoRoot } from '../paths.ts';

const exe = process.platform === 'win32' ? 'whisper-cli.exe' : 'whisper-cli';

/**
 * Where the desktop package keeps the engine: electron-builder copies build/whisper/bin into
 * resources/whisper (electron-builder.yml extraResources), outside the asar archive. Null outside
 * a package (Node has no resourcesPath).
 */
export function packagedEngineDir(): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return resources ? join(resources, 'whisper') : null;
}

/** Candidate locations, most specific first. */
export function engineCandidates(root = repoRoot): string[] {
  const fromEnv = config.whisperCli();
  if (fromEnv) return [fromEnv];
  const buildDir = join(root, 'build', 'whisper', 'bin');
  const packaged = packagedEngineDir();
  return [...(packaged ? [join(packaged, exe)] : []), join(buildDir, exe), join(buildDir, 'Release', exe)];
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

/** Idle and total time each core has spent so far (os.cpus() times, ms). */
export interface CoreTime {
  idle: number;
  total: number;
}

export function coreTimes(list = cpus()): CoreTime[] {
  return list.map(({ times: t }) => ({ idle: t.idle, total: t.user + t.nice + t.sys + t.idle + t.irq }));
}

/**
 * Cores free between two samples: each core's idle share of the time that passed, summed (two
 * idle cores: 2; one held by another program: about 1). A core whose counters did not move
 * counts as free.
 */
export function freeCores(before: CoreTime[], after: CoreTime[]): number {
  let free = 0;
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const total = after[i]!.total - before[i]!.total;
    free += total > 0 ? Math.min(1, Math.max(0, (after[i]!.idle - before[i]!.idle) / total)) : 1;
  }
  return free;
}

/**
 * Automatic threads for the cores free now: as many as the free cores, rounded, at least 1 and
 * never more than defaultThreads() (`cores`). Each decoding step of whisper.cpp ends on a barrier
 * that every thread must reach; a thread that shares its core with another program reaches it a
 * time slice late, again and again, so a thread with no core of its own costs more than it gives.
 */
export function threadsForFreeCores(cores: number, free: number): number {
  return Math.max(1, Math.min(cores, Math.round(free)));
}

/** The cores free over `ms` (os.cpus() sampled twice). */
export async function sampleFreeCores(ms = 200): Promise<number> {
  const before = coreTimes();
  await sleep(ms);
  return freeCores(before, coreTimes());
}

/**
 * Threads for a transcription about to start: an explicit request or setting as it is, else the
 * cores free now (sampled over `sampleMs`), within defaultThreads().
 */
export async function threadsForRun(requested?: number | null, setting?: number | null, sampleMs = 200): Promise<number> {
  if ((requested && requested > 0) || (setting && setting > 0)) return resolveThreads(requested, setting);
  return threadsForFreeCores(defaultThreads(), await sampleFreeCores(sampleMs));
}

/**
 * Environment for the engine's process: `threads` is the thread count given to it with -t.
 *
 * whisper.cpp's CPU backend runs its work through OpenMP. Its voice detector (Silero) always asks
 * for 4 threads, whatever -t says; on a 2-core computer those 4 threads fought over 2 cores on
 * every 32 ms of audio and the detector alone took 23.7 s of a 120 s transcription of 271 s.
 * OMP_THREAD_LIMIT caps every part of the engine at the threads the settings give it: the
 * detector then took 0.2 s for 60 s of audio (6.7 s before), same output.
 *
 * OpenMP's waiting policy is left at its default (spin briefly, then sleep). The app used to force
 * OMP_WAIT_POLICY=passive (sleep at once) against neighbours' load, but every decoding step is a
 * small parallel region and sleeping between them doubled the time on a quiet machine (60 s of
 * speech, greedy, VAD: 27.0 s passive, 13.8 s default); with a program spinning on one of the two
 * cores the default took 29.0 s and passive 20.4 s. Measured in docs/engine.md ("OpenMP threads").
 * Values the user set explicitly are kept.
 */
export function engineEnv(threads: number, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const limit = Math.max(1, Math.floor(threads));
  return { ...base, OMP_THREAD_LIMIT: base.OMP_THREAD_LIMIT || String(limit) };
}

/**
 * Scheduling priority of the live engine, which decodes while the page records: below normal
 * (nice 10 on Linux and macOS, BELOW_NORMAL on Windows). The recording must never be starved, but
 * taking threads or spinning away from the engine cost the live text more than a second of delay
 * on 2 cores (docs/engine.md, "Live transcription"); a lower priority lets the operating system
 * hand the cores to the page's capture and the app's writes whenever they need them, and to the
 * engine the rest of the time.
 */
export const LIVE_ENGINE_PRIORITY = osConstants.priority.PRIORITY_BELOW_NORMAL;

/**
 * The watchdog between the app and the engine, run by the app's own Node (Electron runs as Node
 * with ELECTRON_RUN_AS_NODE). It starts whisper-cli with the app's pipes as its stdout and
 * stderr, tells the app the engine's pid over the IPC channel, and stops the engine when the app
 * asks ({stop: true}) and as soon as that channel closes, which happens when the app dies,
 * whatever killed it (SIGKILL included: the operating system closes the app's end of the pipe).
 * The app cancels with a message rather than by disconnecting because a child disconnected
 * early never emits 'close' (seen with Node 20), and 'close' is how the runner knows that
 * every line of output has been read. A signal
 * that ended the engine comes back as exit code 128 + its number, since the watchdog itself exits
 * normally. Inline (node -e) so that the bundled and packaged app need no separate script file.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const { constants, setPriority } = require('node:os');
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
// A lower priority asked for by the app: taken by the watchdog before it starts the engine, so
// that the engine and every thread it starts inherit it (Linux sets it per thread).
const priority = Number(env.MAHDAR_ENGINE_PRIORITY || 0);
delete env.MAHDAR_ENGINE_PRIORITY;
if (priority > 0) { try { setPriority(priority); } catch {} }
const engine = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'], windowsHide: true, env });
let ended = false;
const tell = (msg) => { try { if (process.connected) process.send(msg); } catch {} };
engine.on('spawn', () => tell({ enginePid: engine.pid }));
engine.on('error', (err) => { process.stderr.write('error: cannot start the engine: ' + err.message + '\\n'); process.exit(126); });
engine.on('exit', (code, signal) => {
  ended = true;
  process.exit(signal ? 128 + (constants.signals[signal] || 0) : (code ?? 1));
});
const stop = () => {
  if (ended) return;
  try { engine.kill('SIGTERM'); } catch {}
  setTimeout(() => { try { if (!ended) engine.kill('SIGKILL'); } catch {} }, 300);
};
process.on('message', (msg) => { if (msg && msg.stop) stop(); });
process.on('disconnect', stop);
process.on('SIGTERM', () => { try { engine.kill('SIGKILL'); } catch {} });
`;

/**
 * Starts whisper-cli behind the watchdog above. The returned process is the watchdog; its stdout
 * and stderr are the engine's; 'message' brings {enginePid}; sending {stop: true} stops the engine.
 * `priority` (os.setPriority's scale, positive = lower) is the engine's, 0 for the app's own.
 */
export function spawnEngine(bin: string, args: string[], env: NodeJS.ProcessEnv, priority = 0): ChildProcess {
  return spawn(process.execPath, ['-e', WATCHDOG, '--', bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    windowsHide: true,
    env: { ...env, ELECTRON_RUN_AS_NODE: '1', MAHDAR_ENGINE_PRIORITY: String(priority) },
    // The watchdog serialises nothing but one small message.
    serialization: 'json',
  });
}

/** Why a watchdog ended, in words for an error message: "killed by SIGKILL", "exit code 1". */
export function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  const sig = signal ?? signalOfExitCode(code);
  return sig ? `killed by ${sig}` : `exit code ${code}`;
}

/** Name of the signal behind a watchdog exit code of 128 + n, if any. */
export function signalOfExitCode(code: number | null): string | null {
  if (code === null || code <= 128 || process.platform === 'win32') return null;
  const n = code - 128;
  return Object.entries(osConstants.signals).find(([, v]) => v === n)?.[0] ?? null;
}

/**
 * Stops an engine started by spawnEngine: asks its watchdog ({stop: true}: SIGTERM, then SIGKILL
 * after 300 ms), and kills the engine and the watchdog if the watchdog is still there after
 * `hardAfterMs`. Nothing to do once the watchdog has exited.
 */
export function stopEngine(watchdog: ChildProcess, enginePid: () => number | undefined, hardAfterMs: number): void {
  const running = () => watchdog.exitCode === null && watchdog.signalCode === null;
  if (!running()) return;
  try {
    if (watchdog.connected) watchdog.send({ stop: true });
  } catch {
    // The channel is closing: the watchdog is on its way out and takes the engine with it.
  }
  const hard = setTimeout(() => {
    const pid = enginePid();
    if (pid) killQuietly(pid, 'SIGKILL');
    if (running()) watchdog.kill('SIGKILL');
  }, hardAfterMs);
  hard.unref();
  watchdog.once('close', () => clearTimeout(hard));
}
