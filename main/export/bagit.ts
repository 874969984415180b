// BagIt packages (RFC 8493) of approved revisions, the form in which an archive takes in and
// later checks a record: the approved DOCX (and a PDF/A copy where LibreOffice is installed),
// meeting.json, the edit journal, the audio and the approval manifest go into data/, with a
// sha256 of each in manifest-sha256.txt and of the tag files in tagmanifest-sha256.txt.
//
//   <bag>/bagit.txt                 BagIt-Version 1.0, UTF-8
//   <bag>/bag-info.txt              institution, reference, date, revision, Payload-Oxum, ...
//   <bag>/manifest-sha256.txt       one line per payload file
//   <bag>/tagmanifest-sha256.txt    the three files above
//   <bag>/data/...                  the payload
//
// Written as a folder or as a zip holding that folder. Files are streamed (a three-hour
// recording never sits in memory) and hashed from the very bytes written into the bag, which are
// compared with the approval manifest on the way: a record changed after approval is refused,
// never packaged. The output is written under a temp name beside the target, then renamed: a
// half-written bag is never at the target (see moveIntoPlace for replacing an earlier one).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { PdfAStatus } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError, fsyncDir, tempBeside } from '../archive/atomic-write.ts';
import { MANIFEST_FILE, readManifest, REVISIONS_DIR, revisionDirName, verifyRevision } from './approve.ts';
import { convertToPdfA } from './pdf.ts';

export interface PayloadFile {
  /** Path inside data/, with forward slashes: plain ASCII names (checked). */
  path: string;
  /** The file on disk. */
  source: string;
  /** The sha256 it must have (from the approval manifest); the bag is refused when it differs. */
  sha256?: string;
}

export type BagInfoField = readonly [label: string, value: string];

export interface WriteBagOptions {
  payload: PayloadFile[];
  /** bag-info.txt fields in order; Bagging-Date and Payload-Oxum are added by the writer. */
  info: BagInfoField[];
  /** The zip file or the bag folder to write. */
  out: string;
  zip: boolean;
  now?: Date;
  /** Named in the error when a payload file does not match its expected sha256. */
  revision?: number;
}

export interface WrittenBag {
  /** sha256 of the zip; for a folder, of tagmanifest-sha256.txt (which pins every other file). */
  sha256: string;
  /** Payload-Oxum: total payload bytes and number of files. */
  oxum: string;
}

/** fflate writes no Zip64: a zip past 4 GiB would be unreadable, so it is refused for a folder. */
const ZIP_LIMIT_BYTES = 0xffff_ffff - 64 * 1024 * 1024;
const STALE_TEMP_MS = 10 * 60 * 1000;
const PAYLOAD_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const LABEL = /^[A-Za-z][A-Za-z0-9-]*$/;
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The day of the computer's clock (YYYY-MM-DD): the day the secretary made the package. */
export const localDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A bag-info value on one line: line breaks, tabs and control characters would end the field. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function bagInfoText(fields: readonly BagInfoField[]): string {
  let text = '';
  for (const [label, raw] of fields) {
    if (!LABEL.test(label)) throw new Error(`bad bag-info label ${label}`);
    const value = oneLine(raw);
    if (value) text += `${label}: ${value}\n`;
  }
  return text;
}

async function writeAll(fh: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) offset += (await fh.write(chunk, offset, chunk.length - offset)).bytesWritten;
}

/** Where a bag's bytes go: files into a folder, or entries into a zip file. */
interface Sink {
  /** Streams one file in; the caller hashes the chunks as they pass. */
  file(path: string, chunks: AsyncIterable<Uint8Array>, onChunk: (c: Uint8Array) => void): Promise<void>;
  finish(): Promise<string>;
  abort(): Promise<void>;
}

async function folderSink(tmp: string): Promise<Sink> {
  await mkdir(join(tmp, 'data'), { recursive: true });
  const dirs = new Set<string>([tmp, join(tmp, 'data')]);
  return {
    async file(path, chunks, onChunk) {
      const target = join(tmp, ...path.split('/'));
      if (!dirs.has(dirname(target))) {
        await mkdir(dirname(target), { recursive: true });
        dirs.add(dirname(target));
      }
      const fh = await open(target, 'wx', 0o644);
      try {
        for await (const c of chunks) {
          onChunk(c);
          await writeAll(fh, c);
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
    },
    async finish() {
      for (const d of dirs) await fsyncDir(d);
      return sha256(await readFile(join(tmp, 'tagmanifest-sha256.txt')));
    },
    abort: () => rm(tmp, { recursive: true, force: true }),
  };
}

async function zipSink(tmp: string, base: string, mtime: Date): Promise<Sink> {
  const fh = await open(tmp, 'wx', 0o644);
  const hash = createHash('sha256');
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else pending.push(chunk);
  });
  // fflate calls back synchronously; the queue is written out after each push, so memory holds
  // about one read chunk at a time.
  const flush = async () => {
    if (failure) throw failure;
    for (const c of pending.splice(0)) {
      hash.update(c);
      await writeAll(fh, c);
    }
  };
  let closed = false;
  return {
    async file(path, chunks, onChunk) {
      // Text compresses well; DOCX, PDF and audio are stored as they are (already compressed, or
      // large enough that deflating them would cost minutes for a few percent).
      const entry = /\.(json|jsonl|txt|srt|vtt)$/.test(path) ? new ZipDeflate(`${base}/${path}`, { level: 6 }) : new ZipPassThrough(`${base}/${path}`);
      entry.mtime = mtime;
      zip.add(entry);
      for await (const c of chunks) {
        onChunk(c);
        entry.push(c);
        await flush();
      }
      entry.push(new Uint8Array(0), true);
      await flush();
    },
    async finish() {
      zip.end();
      await flush();
      await fh.sync();
      await fh.close();
      closed = true;
      return hash.digest('hex');
    },
    async abort() {
      if (!closed) await fh.close().catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}

async function* bytesOf(data: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(data);
}

/** Removes temp outputs of this same target left by a process killed while writing. */
async function sweepStaleTemps(out: string, now: number): Promise<void> {
  const prefix = `.${basename(out)}.`;
  for (const name of await readdir(dirname(out)).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const info = await lstat(join(dirname(out), name)).catch(() => null);
    if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(join(dirname(out), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * A folder output replaces only an earlier bag (it has bagit.txt) or an empty folder: --out
 * pointed at a folder of other files must never delete them.
 */
async function checkFolderTarget(out: string): Promise<'absent' | 'replace'> {
  const info = await lstat(out).catch(() => null);
  if (!info) return 'absent';
  if (info.isDirectory()) {
    const names = await readdir(out);
    if (names.length === 0 || names.includes('bagit.txt')) return 'replace';
  }
  throw new MahdarError('export.failed', { detail: `${out} exists and is not an earlier package; choose a new folder` });
}

/** Refuses payload names that are not plain paths, or that repeat, before anything is written. */
function checkPayloadNames(payload: readonly PayloadFile[]): void {
  const seen = new Set<string>();
  for (const p of payload) {
    if (!PAYLOAD_PATH.test(p.path) || seen.has(p.path)) throw new MahdarError('export.failed', { detail: `payload name ${p.path}` });
    seen.add(p.path);
  }
}

async function checkZipSize(payload: readonly PayloadFile[]): Promise<void> {
  let total = 0;
  for (const p of payload) total += (await stat(p.source)).size;
  if (total > ZIP_LIMIT_BYTES) throw new MahdarError('export.failed', { detail: 'the package is larger than a zip can hold (4 GB); export it as a folder' });
}

/**
 * Streams the payload into data/, hashing the bytes written. Returns the manifest lines (sorted by
 * path) and the Payload-Oxum; refuses (bag.recordDamaged) when a file differs from its sha256.
 */
async function copyPayload(sink: Sink, payload: readonly PayloadFile[], revision: number | undefined): Promise<{ manifest: string; oxum: string }> {
  const lines: [path: string, line: string][] = [];
  const damaged: string[] = [];
  let bytes = 0;
  for (const p of payload) {
    const h = createHash('sha256');
    await sink.file(`data/${p.path}`, createReadStream(p.source, { highWaterMark: 1 << 20 }), (c) => {
      h.update(c);
      bytes += c.length;
    });
    const hex = h.digest('hex');
    if (p.sha256 !== undefined && hex !== p.sha256) damaged.push(p.path);
    lines.push([p.path, `${hex}  data/${p.path}\n`]);
  }
  if (damaged.length > 0) throw new MahdarError('bag.recordDamaged', { revision: revision ?? '?', files: damaged.join(', ') });
  const manifest = lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line).join('');
  return { manifest, oxum: `${bytes}.${payload.length}` };
}

/** The tag files, in the order written: bagit.txt, bag-info.txt, the manifest, then the tag manifest. */
function tagFiles(info: readonly BagInfoField[], manifest: string, oxum: string, now: Date): [name: string, text: string][] {
  const tags: [string, string][] = [
    ['bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'],
    ['bag-info.txt', bagInfoText([...info, ['Bagging-Date', localDate(now)], ['Payload-Oxum', oxum]])],
    ['manifest-sha256.txt', manifest],
  ];
  tags.push(['tagmanifest-sha256.txt', tags.map(([name, text]) => `${sha256(text)}  ${name}\n`).join('')]);
  return tags;
}

/**
 * Renames the finished temp output to the target. An earlier bag folder is first moved aside, the
 * new one renamed in, then the old one removed: between the two renames the target is absent for
 * an instant, and a crash there leaves both bags beside it as .tmp folders (removed by a later
 * export to the same target once stale). Never a half-written bag at the target.
 */
async function moveIntoPlace(tmp: string, out: string, folderTarget: 'absent' | 'replace'): Promise<void> {
  if (folderTarget === 'replace') {
    const old = tempBeside(out);
    await rename(out, old);
    await rename(tmp, out);
    await rm(old, { recursive: true, force: true });
  } else {
    await rename(tmp, out);
  }
  await fsyncDir(dirname(out));
}

/** Writes a bag. Refuses (bag.recordDamaged) when a payload file differs from its expected sha256. */
export async function writeBag(opts: WriteBagOptions): Promise<WrittenBag> {
  const now = opts.now ?? new Date();
  checkPayloadNames(opts.payload);
  const folderTarget = opts.zip ? 'absent' : await checkFolderTarget(opts.out);
  if (opts.zip) await checkZipSize(opts.payload);
  await sweepStaleTemps(opts.out, now.getTime());

  const tmp = tempBeside(opts.out);
  const base = basename(opts.out).replace(/\.zip$/i, '');
  let sink: Sink | null = null;
  try {
    sink = opts.zip ? await zipSink(tmp, base, now) : await folderSink(tmp);
    const { manifest, oxum } = await copyPayload(sink, opts.payload, opts.revision);
    for (const [name, text] of tagFiles(opts.info, manifest, oxum, now)) await sink.file(name, bytesOf(text), () => undefined);
    const digest = await sink.finish();
    await moveIntoPlace(tmp, opts.out, folderTarget);
    return { sha256: digest, oxum };
  } catch (err) {
    await (sink ? sink.abort() : rm(tmp, { recursive: true, force: true })).catch(() => undefined);
    if (err instanceof MahdarError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw asDiskError(err);
    throw new MahdarError('export.failed', { detail: `cannot write ${opts.out}: ${code ?? (err as Error).message?.slice(0, 120) ?? 'error'}` });
  }
}

/** The highest revision of a meeting folder that has an approval manifest, or null. */
export async function latestApprovedRevision(meetingDir: string): Promise<number | null> {
  let best: number | null = null;
  for (const name of await readdir(join(meetingDir, REVISIONS_DIR)).catch(() => [] as string[])) {
    const n = Number(/^r([1-9][0-9]{0,5})$/.exec(name)?.[1] ?? NaN);
    if (!Number.isFinite(n) || (best !== null && n <= best)) continue;
    if (await readManifest(meetingDir, n).catch(() => null)) best = n;
  }
  return best;
}

export const bagName = (meetingId: string, revision: number) => `bag-${meetingId}-r${revision}`;

export interface RevisionBagOptions {
  out: string;
  zip: boolean;
  now?: Date;
  /** Where soffice is looked up (MAHDAR_SOFFICE); process.env by default. */
  env?: NodeJS.ProcessEnv;
}

export interface RevisionBag extends WrittenBag {
  revision: number;
  pdfA: PdfAStatus;
  /** Why the PDF/A copy is missing, in English, as written in bag-info.txt. */
  pdfANote: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** What bag-info.txt says of the PDF/A copy. */
function pdfANote(outcome: Awaited<ReturnType<typeof convertToPdfA>>): string {
  if (outcome.status === 'included') return `included (${outcome.files.map((f) => basename(f)).join(', ')}; PDF/A-2b, made by LibreOffice from the approved DOCX)`;
  if (outcome.status === 'noLibreOffice') return 'not produced (LibreOffice not installed)';
  return `not produced (LibreOffice failed: ${outcome.detail})`;
}

/**
 * Packages approved revision N of a meeting folder as a bag. Refused when the revision was never
 * approved (bag.notApproved) or its record no longer matches its manifest (bag.recordDamaged).
 */
export async function bagRevision(meetingDir: string, revision: number, opts: RevisionBagOptions): Promise<RevisionBag> {
  const manifest = await readManifest(meetingDir, revision);
  if (!manifest) throw new MahdarError('bag.notApproved', { revision });
  // Checked before LibreOffice spends seconds on a record that will be refused anyway; writeBag
  // checks again on the bytes it copies.
  const bad = await verifyRevision(meetingDir, revision);
  if (bad.length > 0) throw new MahdarError('bag.recordDamaged', { revision, files: bad.join(', ') });

  const revDir = join(meetingDir, REVISIONS_DIR, revisionDirName(revision));
  const inRev = (f: { file: string; sha256: string }): PayloadFile => ({ path: f.file, source: join(revDir, f.file), sha256: f.sha256 });
  const payload: PayloadFile[] = [
    ...manifest.documents.map(inRev),
    inRev(manifest.meeting),
    ...(manifest.journal ? [inRev(manifest.journal)] : []),
    { path: MANIFEST_FILE, source: join(revDir, MANIFEST_FILE) },
    ...(manifest.audio ? [{ path: manifest.audio.file, source: join(meetingDir, manifest.audio.file), sha256: manifest.audio.sha256 }] : []),
  ];

  let meeting: Record<string, unknown> = {};
  try {
    meeting = JSON.parse(await readFile(join(revDir, manifest.meeting.file), 'utf8')) as Record<string, unknown>;
  } catch {
    throw new MahdarError('bag.recordDamaged', { revision, files: manifest.meeting.file });
  }
  const letterhead = Array.isArray(meeting.letterhead) ? meeting.letterhead.map(text).filter((l) => l.trim()) : [];

  const pdfDir = await mkdtemp(join(tmpdir(), 'mahdar-pdfa-'));
  try {
    const docx = manifest.documents.filter((d) => d.format === 'docx').map((d) => join(revDir, d.file));
    const outcome = await convertToPdfA(docx, pdfDir, opts.env);
    if (outcome.status === 'included') payload.push(...outcome.files.map((f) => ({ path: basename(f), source: f })));
    const note = pdfANote(outcome);
    const info: BagInfoField[] = [
      // The institution, top to bottom, as printed in the letterhead of the minutes.
      ['Source-Organization', letterhead.join(' / ')],
      ['Contact-Name', text(meeting.secretary)],
      ['External-Description', `${text(meeting.title)}${text(meeting.date) ? ` (${text(meeting.date)})` : ''}`],
      ['External-Identifier', `${manifest.meetingId}/r${revision}`],
      // The institution's own reference number of the minutes (printed under the letterhead).
      ['Internal-Sender-Identifier', text(meeting.reference)],
      ['Bag-Group-Identifier', manifest.meetingId],
      ['Bag-Software-Agent', 'Mahdar'],
      ['Mahdar-Meeting-Date', text(meeting.date)],
      ['Mahdar-Meeting-Reference', text(meeting.reference)],
      ['Mahdar-Revision', String(revision)],
      ['Mahdar-Approved-At', manifest.approvedAt],
      ['Mahdar-PDF-A', note],
    ];
    const written = await writeBag({ payload, info, out: opts.out, zip: opts.zip, now: opts.now, revision });
    return { ...written, revision, pdfA: outcome.status, pdfANote: note };
  } finally {
    await rm(pdfDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
