// Serve mode's token, kept in the data root so that a tab left open keeps working after a
// restart. The file is readable by its owner only (0600): the token is the key to the archive
// for anyone who can reach 127.0.0.1. `--rotate-token` replaces it (old tabs are locked out);
// MAHDAR_TOKEN overrides it for one run without touching the file.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../archive/atomic-write.ts';

export const TOKEN_FILE = 'serve-token';
const TOKEN_SHAPE = /^[0-9a-f]{48}$/;

export interface TokenOptions {
  rotate?: boolean;
  /** MAHDAR_TOKEN: used as is, never stored. */
  override?: string;
}

/** Call only as the data root's owner (after its lock is taken): it may write the file. */
export async function serveToken(dataRoot: string, opts: TokenOptions = {}): Promise<string> {
  if (opts.override) return opts.override;
  const file = join(dataRoot, TOKEN_FILE);
  if (!opts.rotate) {
    const stored = (await readFile(file, 'utf8').catch(() => '')).trim();
    if (TOKEN_SHAPE.test(stored)) {
      // A copy or a restore may have widened the mode: narrow it again before trusting the file.
      if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
      return stored;
    }
  }
  const token = randomBytes(24).toString('hex');
  await writeFileAtomic(file, `${token}\n`); // created 0600 (temporary file, then rename)
  return token;
}
