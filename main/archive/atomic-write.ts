// Atomic file writes: write a temp file beside the target, fsync it, rename over the target,
// fsync the folder. A crash at any point leaves either the old file or the new one, never half.
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MahdarError } from '../../shared/errors.ts';

/** A fresh temp name beside `file` (".meeting.json.<random>.tmp"): same folder, so a rename is atomic. */
export const tempBeside = (file: string) => join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempBeside(file);
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
    await fsyncDir(dirname(file));
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw asDiskError(err);
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
