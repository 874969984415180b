// Helpers about other processes, for every layer of main/: whether a pid is alive (the data root's
// lock, the temporary folders of engine runs), and the child processes that must not outlive
// this one (the speech engine's watchdogs).
import type { ChildProcess } from 'node:child_process';

/** Whether a process with this id exists (owned by this user or another). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/** Sends a signal to a process that may already be gone. */
export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Children alive now, each with the pid of the process it started once known. */
const children = new Map<ChildProcess, () => number | undefined>();
let exitHook = false;

/**
 * Kills `child`, and the process it started (`grandchildPid`, once known), when this process exits
 * normally; forgotten when the child closes. An abnormal end is the watchdog's job (asr/engine.ts).
 */
export function killOnExit(child: ChildProcess, grandchildPid: () => number | undefined): void {
  children.set(child, grandchildPid);
  child.once('close', () => children.delete(child));
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const [c, pid] of children) {
      const p = pid();
      if (p) killQuietly(p, 'SIGKILL');
      c.kill('SIGKILL');
    }
  });
}
