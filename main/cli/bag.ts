// `mahdar bag MEETING_DIR [--revision N] --out FILE.zip|DIR`
// Packages an approved revision of a meeting folder as a BagIt bag (RFC 8493) for an archive: a
// zip when --out ends in .zip, else a folder. Default revision: the latest approved one. Reads
// the meeting folder only. Prints "<out>\t<sha256>" (of the zip, or of the folder's
// tagmanifest-sha256.txt); when no PDF/A copy could be made it says so on stderr, and the bag
// says so in bag-info.txt.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MahdarError } from '../../shared/errors.ts';
import { bagRevision, latestApprovedRevision } from '../export/bagit.ts';
import { parseArgs, requireFlag } from './args.ts';

export async function run(args: string[]): Promise<void> {
  const parsed = parseArgs(args, ['revision', 'out']);
  if (parsed.positional.length !== 1) throw new MahdarError('validation', { detail: 'usage: bag MEETING_DIR [--revision N] --out FILE.zip|DIR' });
  const dir = resolve(parsed.positional[0]!);
  const out = resolve(requireFlag(parsed, 'out'));
  const revArg = parsed.flags.get('revision');
  if (revArg !== undefined && !/^[1-9][0-9]{0,5}$/.test(revArg)) throw new MahdarError('validation', { detail: '--revision must be a revision number (1, 2, ...)' });

  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new MahdarError('validation', { detail: `${parsed.positional[0]} is not a meeting folder` });
  const revision = revArg !== undefined ? Number(revArg) : await latestApprovedRevision(dir);
  // A folder with no approved revision: its meeting.json names the revision being drafted.
  if (revision === null) {
    const drafted = await readFile(join(dir, 'meeting.json'), 'utf8').then((t) => (JSON.parse(t) as { revision?: unknown }).revision, () => undefined);
    throw new MahdarError('bag.notApproved', { revision: typeof drafted === 'number' ? drafted : 1 });
  }

  const bag = await bagRevision(dir, revision, { out, zip: /\.zip$/i.test(out) });
  if (bag.pdfA !== 'included') process.stderr.write(`mahdar: no PDF/A copy of the minutes in the package: ${bag.pdfANote.replace(/^not produced \((.*)\)$/, '$1')}\n`);
  process.stdout.write(`${out}\t${bag.sha256}\n`);
}
