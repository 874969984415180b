// A Drafter that runs an imported GGUF model in a child process (worker.ts), started at the first
// draft and kept for the next ones. A crash or out-of-memory ends the child, never the app: the
// pending draft fails with drafting.crashed and the next draft starts a new child.
import { spawn, type ChildProcess } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MahdarError } from '../../shared/errors.ts';
import { killOnExit } from '../archive/processes.ts';
import type { DraftRequest, DraftResult, Drafter } from './drafter.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/**
 * How to start the worker from the module that starts it: from the sources (serve mode, tests)
 * the .ts file through tsx, which Node finds from the worker's folder whatever the app's working
 * directory; from the Electron bundle (dist/main/electron.mjs) the worker bundled beside it
 * (scripts/build-main.mjs), in the app's working directory (the bundle may sit in an asar archive).
 */
export function workerLaunch(moduleUrl: string): { script: string; execArgv: string[]; cwd: string | undefined } {
  const dir = dirname(fileURLToPath(moduleUrl));
  if (moduleUrl.endsWith('.ts')) return { script: join(dir, 'worker.ts'), execArgv: ['--import', 'tsx'], cwd: dir };
  return { script: join(dir, 'llm-worker.mjs'), execArgv: [], cwd: undefined };
}

/** The line of the worker's last words that names the error (Node prints the stack and its version after it). */
export function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return [...lines].reverse().find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '';
}

export interface ModelDrafterOptions {
  /** Threads for the model; when not given, one fewer than the cores (worker.ts says why). */
  threads?: number;
  /** Tokens the model reads and writes per draft (default 4096, at most what the model was trained for). */
  contextSize?: number;
  /** Called as the model writes, with the tokens of the current draft so far. */
  onTokens?: (tokens: number) => void;
}

/** What the last lines of the worker's stderr said, for the error when loading fails. */
const STDERR_TAIL = 2000;

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  pending: Map<number, { resolve: (r: DraftResult) => void; reject: (e: MahdarError) => void }>;
}

function startWorker(file: string, opts: ModelDrafterOptions, onGone: (w: Worker) => void): Worker {
  const { script, execArgv, cwd } = workerLaunch(import.meta.url);
  const child = spawn(process.execPath, [...execArgv, script, file, String(opts.threads ?? ''), String(opts.contextSize ?? '')], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    cwd,
    windowsHide: true,
    // Electron runs the worker as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    serialization: 'json',
  });
  killOnExit(child, () => undefined);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-STDERR_TAIL)));
  const worker: Worker = { child, ready: Promise.resolve(), pending: new Map() };
  worker.ready = new Promise((resolve, reject) => {
    child.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') return resolve();
      if (msg.type === 'loadFailed') return reject(new MahdarError('drafting.failed', { detail: msg.detail }));
      const p = worker.pending.get(msg.id);
      if (!p) return; // a cancelled draft's late answer
      if (msg.type === 'progress') return opts.onTokens?.(msg.tokens);
      worker.pending.delete(msg.id);
      if (msg.type === 'done') p.resolve({ text: msg.text, tokens: msg.tokens, modelMs: msg.modelMs });
      else if (msg.type === 'cancelled') p.reject(new MahdarError('drafting.cancelled'));
      else if (msg.type === 'tooLong') p.reject(new MahdarError('drafting.tooLong', { tokens: msg.tokens, limit: msg.limit }));
      else p.reject(new MahdarError('drafting.failed', { detail: msg.detail }));
    });
    child.on('error', (err) => reject(new MahdarError('drafting.failed', { detail: err.message })));
    child.on('exit', (_code, signal) => {
      onGone(worker);
      // Killed while loading (out of memory, most often), or ended by an error it printed.
      reject(signal ? new MahdarError('drafting.crashed') : new MahdarError('drafting.failed', { detail: errorLine(stderr) || 'the model did not load' }));
      for (const p of worker.pending.values()) p.reject(new MahdarError('drafting.crashed'));
      worker.pending.clear();
    });
  });
  worker.ready.catch(() => undefined);
  return worker;
}

export interface ModelDrafter extends Drafter {
  /** The worker's process id while one runs (diagnostics, tests). */
  readonly pid: number | undefined;
}

export function openModelDrafter(file: string, opts: ModelDrafterOptions = {}): ModelDrafter {
  let worker: Worker | null = null;
  let nextId = 1;
  const current = () => {
    worker ??= startWorker(file, opts, (gone) => {
      if (worker === gone) worker = null;
    });
    return worker;
  };
  return {
    modelName: basename(file).replace(/\.gguf$/i, ''),
    get pid() {
      return worker?.child.pid;
    },
    async draft(req: DraftRequest, signal: AbortSignal): Promise<DraftResult> {
      if (signal.aborted) throw new MahdarError('drafting.cancelled');
      const w = current();
      await abortable(w.ready, signal);
      // Ended between its 'ready' and this draft: its exit has already failed what was pending.
      if (!w.child.connected) throw new MahdarError('drafting.crashed');
      const id = nextId++;
      return new Promise<DraftResult>((resolve, reject) => {
        const onAbort = () => {
          // The worker stops at once and answers 'cancelled'; the caller need not wait for it.
          w.pending.delete(id);
          send(w, { type: 'cancel', id });
          reject(new MahdarError('drafting.cancelled'));
        };
        const settle = () => signal.removeEventListener('abort', onAbort);
        w.pending.set(id, {
          resolve: (r) => (settle(), resolve(r)),
          reject: (e) => (settle(), reject(e)),
        });
        signal.addEventListener('abort', onAbort, { once: true });
        send(w, { type: 'draft', id, system: req.system, user: req.user, maxTokens: req.maxTokens });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return;
      const exited = new Promise((r) => w.child.once('exit', r));
      w.child.kill('SIGKILL');
      await exited;
    },
  };
}

function send(w: Worker, msg: ToWorker): void {
  try {
    if (w.child.connected) w.child.send(msg);
  } catch {
    // The channel is closing: the child's exit rejects what is pending.
  }
}

/** `p`, or drafting.cancelled as soon as `signal` aborts (the model goes on loading for the next draft). */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new MahdarError('drafting.cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
