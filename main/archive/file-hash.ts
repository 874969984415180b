// Hashes of files on disk, streamed so that a three-hour recording or a 1.6 GB model never sits
// in memory: the audio's sha256 in meeting.json, the manifests of approved revisions, models.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type HashAlgorithm = 'sha256' | 'sha1';

/** The file's hex digest and its size in bytes. Rejects like fs does (ENOENT, EACCES...). */
export async function hashFileWithSize(file: string, algorithm: HashAlgorithm = 'sha256'): Promise<{ hex: string; bytes: number }> {
  const hash = createHash(algorithm);
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { hex: hash.digest('hex'), bytes };
}

export async function hashFile(file: string, algorithm: HashAlgorithm = 'sha256'): Promise<string> {
  return (await hashFileWithSize(file, algorithm)).hex;
}
