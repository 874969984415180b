// Atomic file writes: write a temp file beside the target, fsync it, rename over the target,
// fsync the folder. A crash at any point leaves either the old file or the new one, never half.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MahdarError } from '../../shared/errors.ts';

/** A fresh temp name beside `file` (".meeting.json.<random>.tmp"): same folder, so a rename is atomic. */
export const tempBeside = (file: string) => join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Replaces `file` with what `write` puts into a temp file beside it: renamed over `file` and the
 * folder fsynced only when `write` succeeds; on failure the temp file is removed and `file` is
 * left as it was (a full disk becomes disk.full). `write` must make its own bytes durable.
 */
export async function replaceThroughTemp<T>(file: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = tempBeside(file);
  try {
    const result = await write(tmp);
    await rename(tmp, file);
    await fsyncDir(dirname(file));
    return result;
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw asDiskError(err);
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await replaceThroughTemp(file, async (tmp) => {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  });
}

/** Makes a file another program wrote durable before it is renamed into place. */
export async function fsyncFile(file: string): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Makes a rename durable: the folder entry itself must reach the disk. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // folders cannot be opened for fsync on Windows
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Disk-full and quota errors become one clear error for the user; others pass through. */
export function asDiskError(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new MahdarError('disk.full');
  return err;
}
