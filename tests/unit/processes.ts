// Whether a process still runs, for the tests that check no engine outlives the app.

import { readFileSync } from 'node:fs';

/** Whether a process still runs (a zombie, dead but not yet reaped by its new parent, does not). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/** Waits (bounded, about 10 s) for a process to end; true once it is gone. The test asserts that it goes, not how fast. */
export async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200 && running(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !running(pid);
}
