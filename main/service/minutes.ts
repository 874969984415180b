// Service commands for the minutes: the model for the preview, exports into the meeting folder,
// approval and reopening, and the archive package (BagIt) of an approved revision. Exported files are fetched by download id through the transports
// (resolveDownload), never by a path the UI sends.
import { lstat, mkdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { MahdarService } from '../../shared/api.ts';
import { idSchema } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { approvalCheck } from '../../shared/minutes/approval.ts';
import { buildMinutes } from '../../shared/minutes/build.ts';
import { EXPORTS_DIR, MeetingRecords, readManifest, REVISIONS_DIR } from '../export/approve.ts';
import { bagName, bagRevision, latestApprovedRevision } from '../export/bagit.ts';
import { KeyedQueue } from '../archive/keyed-queue.ts';
import { isPlainFileName } from '../export/file-name.ts';
import { contentTypeOf, readLogo } from '../export/render.ts';
import type { ServiceContext } from '../context/context.ts';
import type { TranscriptionJobs } from '../asr/job.ts';

type Commands = Pick<MahdarService, 'getMinutes' | 'exportMeeting' | 'approvalCheck' | 'approveMeeting' | 'reopenMeeting' | 'exportBag'>;

export function minutesCommands(ctx: ServiceContext, jobs: TranscriptionJobs): Commands {
  const { archive, events } = ctx;
  const records = new MeetingRecords(archive);
  /** One archive package of a meeting at a time: two would replace each other's output. */
  const bagQueue = new KeyedQueue();
  return {
    async getMinutes({ meetingId, language }) {
      const meeting = await archive.read(meetingId);
      const logo = await readLogo(archive.meetingDir(meetingId));
      return buildMinutes(meeting, language ?? meeting.language, { logo });
    },
    async exportMeeting({ meetingId, format, language }) {
      const meeting = await archive.read(meetingId);
      const out = await records.export(meeting, format, language ?? meeting.language);
      return { fileName: out.fileName, downloadId: downloadIdOf(meetingId, out.fileName), sha256: out.sha256 };
    },
    async approvalCheck({ meetingId }) {
      return approvalCheck(await archive.read(meetingId));
    },
    async approveMeeting({ meetingId }) {
      // Approval freezes the transcript: never half of one. A running transcription makes it
      // refuse (job.blocksApproval), and no transcription starts while the approval runs. A
      // recording in progress (or an import) holds the meeting: approving now would freeze a
      // recording still growing, so it is refused as busy.
      if (jobs.isHeld(meetingId)) throw new MahdarError('meeting.busy');
      const m = await jobs.exclusive(meetingId, 'job.blocksApproval', () => records.approve(meetingId));
      events.publish({ type: 'meeting', meetingId });
      return m;
    },
    async reopenMeeting({ meetingId }) {
      const m = await records.reopen(meetingId);
      events.publish({ type: 'meeting', meetingId });
      return m;
    },
    async exportBag({ meetingId, revision, zip }) {
      const meeting = await archive.read(meetingId);
      const dir = archive.meetingDir(meetingId);
      // An approved meeting whose approval stopped before its DOCX was kept: the record is
      // completed first, as reopening does.
      if (meeting.status === 'approved' && (revision ?? meeting.revision) === meeting.revision) {
        const manifest = await readManifest(dir, meeting.revision);
        if (!manifest?.documents.some((d) => d.format === 'docx')) await records.export(meeting, 'docx', meeting.language);
      }
      const rev = revision ?? (meeting.status === 'approved' ? meeting.revision : await latestApprovedRevision(dir));
      if (rev === null) throw new MahdarError('bag.notApproved', { revision: meeting.revision });
      const name = bagName(meetingId, rev) + (zip ? '.zip' : '');
      const exportsDir = join(dir, EXPORTS_DIR);
      await mkdir(exportsDir, { recursive: true });
      const bag = await bagQueue.run(dir, () => bagRevision(dir, rev, { out: join(exportsDir, name), zip }));
      return { fileName: name, downloadId: zip ? downloadIdOf(meetingId, name) : null, sha256: bag.sha256, revision: rev, pdfA: bag.pdfA };
    },
  };
}

const REVISION = /^r[1-9][0-9]{0,5}$/;

/**
 * The download id of an export: "<meetingId>/exports/<file>" or "<meetingId>/revisions/r<N>/<file>".
 * Readable on purpose (it appears in logs and URLs); every part is checked when it comes back.
 */
export function downloadIdOf(meetingId: string, fileName: string, revision?: number): string {
  return revision === undefined ? `${meetingId}/${EXPORTS_DIR}/${fileName}` : `${meetingId}/${REVISIONS_DIR}/r${revision}/${fileName}`;
}

/**
 * Resolves a download id to a file inside the archive. Refuses anything that is not exactly one
 * of the two shapes above with a plain file name (no "..", no absolute path, no other folder, no
 * hidden file, no control character), checks that the resolved path is still inside the meeting
 * folder, and that the file exists.
 */
export async function resolveDownload(
  ctx: ServiceContext,
  downloadId: string,
): Promise<{ file: string; fileName: string; contentType: string }> {
  const refuse = () => new MahdarError('validation', { detail: 'download id' });
  if (typeof downloadId !== 'string' || downloadId.length > 300) throw refuse();
  const parts = downloadId.split('/');
  let meetingId: string, folder: string[], fileName: string;
  if (parts.length === 3 && parts[1] === EXPORTS_DIR) {
    [meetingId, , fileName] = parts as [string, string, string];
    folder = [EXPORTS_DIR];
  } else if (parts.length === 4 && parts[1] === REVISIONS_DIR && REVISION.test(parts[2]!)) {
    [meetingId, , , fileName] = parts as [string, string, string, string];
    folder = [REVISIONS_DIR, parts[2]!];
  } else throw refuse();
  if (!idSchema.safeParse(meetingId).success || !isPlainFileName(fileName)) throw refuse();

  const meetingDir = ctx.archive.meetingDir(meetingId);
  const file = resolve(join(meetingDir, ...folder, fileName));
  if (!file.startsWith(meetingDir + sep)) throw refuse();
  // lstat: a symbolic link planted in the folder is not followed out of the archive.
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile()) throw new MahdarError('export.failed', { detail: 'the exported file is no longer there; export again' });
  return { file, fileName, contentType: contentTypeOf(fileName) };
}
