// The temporary folders of engine runs (the engine's JSON, the tail WAV of a resumed run, the
// threads file): named after the app process that made them, so that the folders of a process
// killed before it could clean up are found and removed at the next start.
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from '../archive/processes.ts';

/** Prefix of the temporary folders of runs (the engine's JSON, the tail WAV of a resumed run); the pid says whose. */
export const RUN_DIR_PREFIX = 'mahdar-run-';

/**
 * Removes the temporary folders left by runs of app processes that are gone (killed before they
 * could clean up). Folders of a live process, another Mahdar running now, are left alone.
 */
export async function sweepRunTemp(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(RUN_DIR_PREFIX)) continue;
    const pid = Number(/^mahdar-run-(\d+)-/.exec(name)?.[1]);
    if (pid && pidAlive(pid)) continue;
    await rm(join(dir, name), { recursive: true, force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
