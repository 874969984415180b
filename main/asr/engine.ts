// Where the speech engine lives and how many threads it gets. The engine is whisper.cpp's
// whisper-cli, built from source at `npm ci` (scripts/build-engine.mjs) into build/whisper/.
// MAHDAR_WHISPER_CLI overrides the path (a packaged app, a custom build).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, constants as osConstants } from 'node:os';
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

/**
 * Environment for the engine's process: `threads` is the thread count given to it with -t.
 *
 * whisper.cpp's CPU backend runs its work through OpenMP. Its voice detector (Silero) always asks
 * for 4 threads, whatever -t says; on a 2-core computer those 4 threads fought over 2 cores on
 * every 32 ms of audio and the detector alone took 23.7 s of a 120 s transcription of 271 s.
 * OMP_THREAD_LIMIT caps every part of the engine at the threads the settings give it: the
 * detector then took 0.2 s for 60 s of audio (6.7 s before), same output.
 *
 * Every step of a decode ends on a barrier that all the threads must reach. GCC's OpenMP spins
 * 300,000 times there before it sleeps (about 3 ms by its own estimate): on a quiet computer the
 * other thread arrives within that and no time is lost to waking up, but when other programs hold
 * the cores, the thread that shares one arrives a time slice late, again and again, while its
 * partner burns its own share spinning. Beside other engines on 2 cores the app took 422 s for
 * 15 s of speech and 618 s for 60 s (13.8 s quiet). GOMP_SPINCOUNT=1000 (about 10 us) sleeps soon
 * instead: 29-47 s for those 15 s, as good as sleeping at once (OMP_WAIT_POLICY=passive, 36-43 s),
 * which costs half as much again on a quiet computer (27.0 s against 13.8 s for 60 s). Measured in
 * docs/engine.md ("OpenMP threads", "Under load (issue 26)"). Values the user set (either
 * variable) are kept.
 */
export function engineEnv(threads: number, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const limit = Math.max(1, Math.floor(threads));
  const waiting = base.GOMP_SPINCOUNT || base.OMP_WAIT_POLICY ? {} : { GOMP_SPINCOUNT: String(BARRIER_SPIN) };
  return { ...base, OMP_THREAD_LIMIT: base.OMP_THREAD_LIMIT || String(limit), ...waiting };
}

/** Spins of a thread waiting at a barrier before it sleeps (GCC's OpenMP; engineEnv). */
export const BARRIER_SPIN = 1000;

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
