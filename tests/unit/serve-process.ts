// Runs `main/serve/cli.ts` as a real process (what `npm run serve` runs after building the
// interface) and reports what a user would see: the URL line, or the line it exited with.
// Waits on events (a printed line, the process exit), never on time.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export type ServeOutcome =
  | { kind: 'running'; url: string; token: string; output: string }
  | { kind: 'exited'; code: number | null; output: string };

export interface ServeRun {
  child: ChildProcess;
  /** Resolves at "Mahdar is running" or at exit, whichever comes first. */
  outcome: Promise<ServeOutcome>;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export function spawnServe(dataDir: string, args: string[] = [], env: Record<string, string> = {}): ServeRun {
  const base = { ...process.env };
  delete base.MAHDAR_TOKEN;
  delete base.MAHDAR_PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'main/serve/cli.ts'), ...args], {
    cwd: root,
    env: { ...base, MAHDAR_DATA_DIR: dataDir, MAHDAR_MODEL_DIRS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const outcome = new Promise<ServeOutcome>((res) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Mahdar is running\. Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/.exec(output);
      if (m) res({ kind: 'running', url: m[1]!, token: m[2]!, output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // 'close' (not 'exit'): every line printed before exiting has been read by then.
    child.once('close', (code) => res({ kind: 'exited', code, output }));
  });
  return { child, outcome, exited };
}

/** Stops a running serve process the way Ctrl-C does and waits for it to exit. */
export async function stopServe(run: ServeRun, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
  return run.exited;
}
