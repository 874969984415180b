// Approval: an approved meeting is frozen. Its record is kept under revisions/r<N>/ in the
// meeting folder: a copy of meeting.json, the exported documents, and manifest.json with the
// sha256 of each of them and of the audio, so an archive can prove later which file was approved.
// Reopening makes a new revision (revision + 1, status draft) and leaves revisions/r<N>/ as it is.
//
//   <meeting>/meeting.json                 the current revision
//   <meeting>/exports/<file>               the latest export of each file, for download
//   <meeting>/revisions/r1/meeting.json    the meeting as approved
//   <meeting>/revisions/r1/minutes-…-r1-ar.docx
//   <meeting>/revisions/r1/journal.jsonl   the edits made in this revision (review editor)
//   <meeting>/revisions/r1/manifest.json
//
// Every write is atomic (temp file, fsync, rename); writes to one meeting folder are serialised.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/api.ts';
import type { Language, Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { MeetingArchive } from '../archive/archive.ts';
import { asDiskError, writeFileAtomic } from '../archive/atomic-write.ts';
import { hashFileWithSize } from '../archive/file-hash.ts';
import { JOURNAL_FILE, writeRevisionJournal } from '../archive/journal.ts';
import { KeyedQueue } from '../archive/keyed-queue.ts';
import { exportFileName, revisionFileName } from './file-name.ts';
import { contentTypeOf, renderExport, sha256Hex, type RenderedExport } from './render.ts';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;
export const EXPORTS_DIR = 'exports';
export const REVISIONS_DIR = 'revisions';

export interface ManifestFile {
  file: string;
  sha256: string;
  bytes: number;
}

export interface ApprovalManifest {
  manifestVersion: typeof MANIFEST_VERSION;
  generator: 'Mahdar';
  meetingId: string;
  revision: number;
  status: 'approved';
  /** When the meeting was approved (its updatedAt as approved). */
  approvedAt: string;
  /** The meeting as approved: revisions/r<N>/meeting.json. */
  meeting: ManifestFile;
  /** The recording, hashed from the file itself; null when the meeting has no audio (or it is missing). */
  audio: (ManifestFile & { durationSec: number }) | null;
  /** The edit journal of this revision (revisions/r<N>/journal.jsonl); absent in older manifests. */
  journal?: ManifestFile;
  /** The documents exported from this revision, files in revisions/r<N>/. */
  documents: (ManifestFile & { format: ExportFormat; language: Language | null; exportedAt: string })[];
}

export const revisionDirName = (revision: number) => `r${revision}`;

async function fileSha256(file: string): Promise<{ sha256: string; bytes: number } | null> {
  try {
    const { hex, bytes } = await hashFileWithSize(file);
    return { sha256: hex, bytes };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MahdarError('export.failed', { detail: `${file} is unreadable` });
  }
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw asDiskError(err);
  }
}

/** Reads the manifest of an approved revision, or null when there is none. */
export function readManifest(meetingDir: string, revision: number): Promise<ApprovalManifest | null> {
  return readJson<ApprovalManifest>(join(meetingDir, REVISIONS_DIR, revisionDirName(revision), MANIFEST_FILE));
}

/**
 * Makes sure revisions/r<N>/ holds the approved meeting.json and a manifest. Keeps what is there:
 * the record of an approved revision is written once.
 */
async function freezeRecord(meetingDir: string, meeting: Meeting): Promise<{ dir: string; manifest: ApprovalManifest }> {
  const dir = join(meetingDir, REVISIONS_DIR, revisionDirName(meeting.revision));
  await ensureDir(dir);
  const existing = await readJson<ApprovalManifest>(join(dir, MANIFEST_FILE));
  if (existing) return { dir, manifest: existing };

  const meetingText = JSON.stringify(meeting, null, 2) + '\n';
  await writeFileAtomic(join(dir, 'meeting.json'), meetingText);
  let audio: ApprovalManifest['audio'] = null;
  if (meeting.audio) {
    const hashed = await fileSha256(join(meetingDir, meeting.audio.file));
    if (hashed) audio = { file: meeting.audio.file, ...hashed, durationSec: meeting.audio.durationSec };
  }
  // The edits of this revision go with it: how the approved text came out of the engine's.
  await writeRevisionJournal(meetingDir, meeting.revision, join(dir, JOURNAL_FILE), meeting.id);
  const journal = await fileSha256(join(dir, JOURNAL_FILE));
  const manifest: ApprovalManifest = {
    manifestVersion: MANIFEST_VERSION,
    generator: 'Mahdar',
    meetingId: meeting.id,
    revision: meeting.revision,
    status: 'approved',
    approvedAt: meeting.updatedAt,
    meeting: { file: 'meeting.json', sha256: sha256Hex(meetingText), bytes: Buffer.byteLength(meetingText) },
    audio,
    ...(journal ? { journal: { file: JOURNAL_FILE, ...journal } } : {}),
    documents: [],
  };
  await writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifest };
}

/**
 * The export of an approved meeting: the document of this revision, written once into
 * revisions/r<N>/ and recorded in its manifest; later exports return that same file (handed out
 * under the readable name, file-name.ts).
 */
async function approvedExport(meetingDir: string, meeting: Meeting, format: ExportFormat, language: Language): Promise<RenderedExport> {
  const { dir, manifest } = await freezeRecord(meetingDir, meeting);
  const fileName = revisionFileName(meeting, format, language);
  const recorded = manifest.documents.find((d) => d.file === fileName);
  if (recorded) {
    const bytes = new Uint8Array(await readFile(join(dir, fileName)).catch(() => Buffer.alloc(0)));
    if (bytes.length > 0 && sha256Hex(bytes) === recorded.sha256) {
      const handedOut = exportFileName(meeting, format, language);
      return { fileName: handedOut, contentType: contentTypeOf(handedOut), bytes, sha256: recorded.sha256 };
    }
    // The kept file was changed or removed: never hand out a file that does not match the record.
    throw new MahdarError('export.failed', { detail: `${REVISIONS_DIR}/${revisionDirName(meeting.revision)}/${fileName} does not match its manifest` });
  }
  const rendered = await renderExport(meeting, format, language, meetingDir);
  await writeFileAtomic(join(dir, fileName), rendered.bytes);
  const updated: ApprovalManifest = {
    ...manifest,
    documents: [
      ...manifest.documents,
      {
        file: fileName,
        format,
        language: format === 'docx' ? language : null,
        sha256: rendered.sha256,
        bytes: rendered.bytes.length,
        exportedAt: new Date().toISOString(),
      },
    ],
  };
  await writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(updated, null, 2) + '\n');
  return rendered;
}

/**
 * Exports, approvals and reopenings of the archive's meetings, one at a time per meeting folder so
 * that a manifest is never written by two of them at once. One per service (service/minutes.ts).
 */
export class MeetingRecords {
  private readonly queue = new KeyedQueue();

  constructor(private readonly archive: MeetingArchive) {}

  /**
   * Exports a meeting of the archive into its exports/ folder. For an approved meeting the file is
   * also kept, once, under revisions/r<N>/ with its checksum in the manifest.
   */
  export(meeting: Meeting, format: ExportFormat, language: Language = meeting.language): Promise<RenderedExport> {
    const meetingDir = this.archive.meetingDir(meeting.id);
    return this.queue.run(meetingDir, async () => {
      const rendered =
        meeting.status === 'approved'
          ? await approvedExport(meetingDir, meeting, format, language)
          : await renderExport(meeting, format, language, meetingDir);
      const exportsDir = join(meetingDir, EXPORTS_DIR);
      await ensureDir(exportsDir);
      await writeFileAtomic(join(exportsDir, rendered.fileName), rendered.bytes);
      return rendered;
    });
  }

  /**
   * Approves a meeting: status approved (read-only from then on), and its record written under
   * revisions/r<N>/ with the DOCX in the meeting's language. Approving an approved meeting changes
   * nothing.
   */
  async approve(id: string): Promise<Meeting> {
    const current = await this.archive.read(id);
    const meeting =
      current.status === 'approved'
        ? current
        : await this.archive.update(id, (m) => (m.status === 'approved' ? m : { ...m, status: 'approved' }));
    await this.export(meeting, 'docx', meeting.language);
    return meeting;
  }

  /**
   * Reopens an approved meeting for changes: a new revision (revision + 1, status draft). The
   * approved revision stays under revisions/r<N>/. Reopening a meeting that is not approved changes
   * nothing.
   */
  async reopen(id: string): Promise<Meeting> {
    const current = await this.archive.read(id);
    if (current.status !== 'approved') return current;
    const meetingDir = this.archive.meetingDir(id);
    // The record must exist before the meeting moves on (an approval interrupted before its export).
    await this.queue.run(meetingDir, () => freezeRecord(meetingDir, current));
    const manifest = await readManifest(meetingDir, current.revision);
    if (!manifest?.documents.some((d) => d.format === 'docx')) await this.export(current, 'docx', current.language);
    return this.archive.update(id, (m) => (m.status === 'approved' ? { ...m, status: 'draft', revision: m.revision + 1 } : m));
  }
}

/** Checks an approved revision's files against its manifest: the names of files that do not match. */
export async function verifyRevision(meetingDir: string, revision: number): Promise<string[]> {
  const manifest = await readManifest(meetingDir, revision);
  if (!manifest) return [MANIFEST_FILE];
  const dir = join(meetingDir, REVISIONS_DIR, revisionDirName(revision));
  const bad: string[] = [];
  for (const f of [manifest.meeting, ...(manifest.journal ? [manifest.journal] : []), ...manifest.documents]) {
    const h = await fileSha256(join(dir, f.file));
    if (!h || h.sha256 !== f.sha256) bad.push(f.file);
  }
  if (manifest.audio) {
    const h = await fileSha256(join(meetingDir, manifest.audio.file));
    if (!h || h.sha256 !== manifest.audio.sha256) bad.push(manifest.audio.file);
  }
  return bad;
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Whether the manifest of an approved revision names this audio file (it must stay to verify that revision). */
export async function revisionsNeedAudio(meetingDir: string, file: string): Promise<boolean> {
  const names = await readdir(join(meetingDir, REVISIONS_DIR)).catch(() => [] as string[]);
  for (const name of names) {
    const revision = /^r([1-9][0-9]*)$/.exec(name)?.[1];
    if (!revision) continue;
    // A manifest that cannot be read cannot say which audio it needs: keep the file then.
    const manifest = await readManifest(meetingDir, Number(revision)).catch(() => undefined);
    if (manifest === undefined || manifest?.audio?.file === file) return true;
  }
  return false;
}
