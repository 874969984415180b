// The archive package of an approved revision: a BagIt bag (RFC 8493) that the Library of
// Congress's validator (bagit-python, installed into .venv-tools by .ci/run) accepts as a folder
// and unzipped, that stops validating when one byte of the approved DOCX changes, with a PDF/A
// copy where LibreOffice is installed, and refused for minutes that were never approved.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting, type MeetingFields } from '../../shared/domain.ts';
import { errorText } from '../../shared/errors.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { TranscriptionJobs } from '../../main/asr/job.ts';
import { minutesCommands, resolveDownload } from '../../main/service/minutes.ts';
import { readManifest } from '../../main/export/approve.ts';
import { localDate } from '../../main/export/bagit.ts';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const python = join(root, '.venv-tools/bin/python');
const bagitPy = join(root, '.venv-tools/bin/bagit.py');
const haveBagit = existsSync(bagitPy);
const haveSoffice = await exec('soffice', ['--version'], { timeout: 60_000 }).then(
  () => true,
  () => false,
);
const NO_SOFFICE = '/nonexistent/mahdar-test/soffice';

/** `bagit.py --validate DIR`: its exit status and what it printed. */
async function validate(dir: string): Promise<{ ok: boolean; output: string }> {
  try {
    const r = await exec(python, [bagitPy, '--validate', dir], { timeout: 120_000 });
    return { ok: true, output: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { stdout: string; stderr: string };
    return { ok: false, output: e.stdout + e.stderr };
  }
}

/** bag-info.txt as bagit-python reads it (labels to values), so the test sees what an archive's tools see. */
async function bagInfo(dir: string): Promise<Record<string, string | string[]>> {
  const r = await exec(python, ['-c', 'import bagit, json, sys; print(json.dumps(bagit.Bag(sys.argv[1]).info))', dir], { timeout: 60_000 });
  return JSON.parse(r.stdout) as Record<string, string | string[]>;
}

let dataRoot: string;
let ctx: ServiceContext;
let minutes: ReturnType<typeof minutesCommands>;
let meeting: Meeting;
let dir: string;
const audioBytes = Buffer.from('RIFF....WAVEfmt recording of the meeting, hashed at approval');
const savedSoffice = process.env.MAHDAR_SOFFICE;

beforeEach(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'mahdar-bag-'));
  ctx = await createContext(dataRoot);
  minutes = minutesCommands(ctx, new TranscriptionJobs(ctx));
  const { schemaVersion: _v, id: _i, status: _s, revision: _r, createdAt: _c, updatedAt: _u, audio: _a, ...fields } = sample;
  meeting = await ctx.archive.create(fields as MeetingFields);
  dir = ctx.archive.meetingDir(meeting.id);
  writeFileSync(join(dir, 'audio.wav'), audioBytes);
  meeting = await ctx.archive.update(meeting.id, (m) => ({ ...m, audio: { file: 'audio.wav', durationSec: 377, originalName: '' } }));
});
afterEach(() => {
  rmSync(dataRoot, { recursive: true, force: true });
  if (savedSoffice === undefined) delete process.env.MAHDAR_SOFFICE;
  else process.env.MAHDAR_SOFFICE = savedSoffice;
});

const docxName = () => `minutes-${meeting.id}-r1-ar.docx`;

describe.skipIf(!haveBagit)('the archive package of an approved revision', () => {
  it('is a bag the Library of Congress validator accepts, holding the approved record, and one changed byte of the DOCX fails it', async () => {
    await minutes.approveMeeting({ meetingId: meeting.id });
    const manifest = (await readManifest(dir, 1))!;
    const r = await minutes.exportBag({ meetingId: meeting.id, zip: false });
    expect(r).toMatchObject({ fileName: `bag-${meeting.id}-r1`, downloadId: null, revision: 1 });
    const bag = join(dir, 'exports', r.fileName);
    expect(r.sha256).toBe(sha(readFileSync(join(bag, 'tagmanifest-sha256.txt'))));

    const v = await validate(bag);
    expect(v.ok, v.output).toBe(true);

    // The payload is the approved record itself: the same bytes as the manifest names.
    const data = join(bag, 'data');
    expect(sha(readFileSync(join(data, docxName())))).toBe(manifest.documents[0]!.sha256);
    expect(sha(readFileSync(join(data, 'meeting.json')))).toBe(manifest.meeting.sha256);
    expect(readFileSync(join(data, 'audio.wav'))).toEqual(audioBytes);
    expect(readFileSync(join(data, 'manifest.json'), 'utf8')).toBe(readFileSync(join(dir, 'revisions', 'r1', 'manifest.json'), 'utf8'));
    const names = readdirSync(data).sort();
    expect(names).toEqual(expect.arrayContaining([docxName(), 'meeting.json', 'manifest.json', 'audio.wav']));
    expect(readdirSync(bag).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']);

    // What an archivist reads in bag-info.txt: who, which minutes, when.
    const info = await bagInfo(bag);
    expect(info['Source-Organization']).toBe(sample.letterhead.join(' / '));
    expect(info['Internal-Sender-Identifier']).toBe('2026/045');
    expect(info['Mahdar-Meeting-Reference']).toBe('2026/045');
    expect(info['Mahdar-Meeting-Date']).toBe('2026-11-12');
    expect(info['External-Identifier']).toBe(`${meeting.id}/r1`);
    expect(info['Contact-Name']).toBe(sample.secretary);
    expect(info['Mahdar-Approved-At']).toBe(manifest.approvedAt);
    expect(info['Bagging-Date']).toBe(localDate(new Date()));
    const bytes = names.reduce((n, f) => n + readFileSync(join(data, f)).length, 0);
    expect(info['Payload-Oxum']).toBe(`${bytes}.${names.length}`);
    expect(info['Mahdar-PDF-A']).toMatch(haveSoffice ? /^included \(minutes-.*-r1-ar\.pdf/ : /^not produced \(LibreOffice not installed\)$/);

    // One byte of the approved DOCX changed: the validator names the file and refuses the bag.
    const docx = join(data, docxName());
    const changed = readFileSync(docx);
    changed[Math.floor(changed.length / 2)]! ^= 0x01;
    writeFileSync(docx, changed);
    const bad = await validate(bag);
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain(docxName());
  });

  it.skipIf(!haveSoffice)('holds a PDF/A-2b copy of the minutes made by LibreOffice', async () => {
    await minutes.approveMeeting({ meetingId: meeting.id });
    const r = await minutes.exportBag({ meetingId: meeting.id, zip: false });
    expect(r.pdfA).toBe('included');
    const pdf = readFileSync(join(dir, 'exports', r.fileName, 'data', docxName().replace(/\.docx$/, '.pdf')));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The XMP metadata claims PDF/A-2, conformance level B.
    const text = pdf.toString('latin1');
    expect(text).toMatch(/pdfaid:part(>|=")2/);
    expect(text).toMatch(/pdfaid:conformance(>|=")B/);
  });

  it('zips into one top-level folder that validates once unzipped, downloadable by its id', async () => {
    process.env.MAHDAR_SOFFICE = NO_SOFFICE;
    await minutes.approveMeeting({ meetingId: meeting.id });
    const r = await minutes.exportBag({ meetingId: meeting.id, zip: true });
    expect(r.fileName).toBe(`bag-${meeting.id}-r1.zip`);
    const d = await resolveDownload(ctx, r.downloadId!);
    expect(d.file).toBe(join(dir, 'exports', r.fileName));
    expect(sha(readFileSync(d.file))).toBe(r.sha256);

    // Unzipped by Python's zipfile, another implementation than the one that wrote it.
    const out = mkdtempSync(join(tmpdir(), 'mahdar-unzip-'));
    try {
      await exec(python, ['-m', 'zipfile', '-e', d.file, out], { timeout: 60_000 });
      expect(readdirSync(out)).toEqual([`bag-${meeting.id}-r1`]);
      const bag = join(out, `bag-${meeting.id}-r1`);
      const v = await validate(bag);
      expect(v.ok, v.output).toBe(true);
      expect(readFileSync(join(bag, 'data', 'audio.wav'))).toEqual(audioBytes);
      const docx = join(bag, 'data', docxName());
      const changed = readFileSync(docx);
      changed[100]! ^= 0x80;
      writeFileSync(docx, changed);
      expect((await validate(bag)).ok).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('says in bag-info.txt, and to the app, that no PDF/A copy was made where LibreOffice is missing', async () => {
    process.env.MAHDAR_SOFFICE = NO_SOFFICE;
    await minutes.approveMeeting({ meetingId: meeting.id });
    const r = await minutes.exportBag({ meetingId: meeting.id, zip: false });
    expect(r.pdfA).toBe('noLibreOffice');
    const bag = join(dir, 'exports', r.fileName);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain('Mahdar-PDF-A: not produced (LibreOffice not installed)\n');
    expect(readdirSync(join(bag, 'data')).some((f) => f.endsWith('.pdf'))).toBe(false);
    expect((await validate(bag)).ok).toBe(true);
    // Exporting again replaces the earlier bag, which still validates, and leaves no temp behind.
    await minutes.exportBag({ meetingId: meeting.id, zip: false });
    expect((await validate(bag)).ok).toBe(true);
    expect(readdirSync(join(dir, 'exports')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('packages an older approved revision after reopening, and refuses the draft one', async () => {
    process.env.MAHDAR_SOFFICE = NO_SOFFICE;
    await minutes.approveMeeting({ meetingId: meeting.id });
    await minutes.reopenMeeting({ meetingId: meeting.id });
    await expect(minutes.exportBag({ meetingId: meeting.id, revision: 2, zip: true })).rejects.toMatchObject({ code: 'bag.notApproved', params: { revision: 2 } });
    // No revision given: the latest approved one.
    const r = await minutes.exportBag({ meetingId: meeting.id, zip: false });
    expect(r.revision).toBe(1);
    const info = await bagInfo(join(dir, 'exports', r.fileName));
    expect(info['Mahdar-Revision']).toBe('1');
  });
});

describe('refusals', () => {
  it('refuses minutes that were never approved and writes nothing', async () => {
    await expect(minutes.exportBag({ meetingId: meeting.id, zip: true })).rejects.toMatchObject({ code: 'bag.notApproved' });
    await expect(minutes.exportBag({ meetingId: meeting.id, revision: 1, zip: false })).rejects.toMatchObject({ code: 'bag.notApproved' });
    expect(existsSync(join(dir, 'exports')) ? readdirSync(join(dir, 'exports')) : []).toEqual([]);
    const text = errorText({ code: 'bag.notApproved', params: { revision: 1 } }, 'ar');
    expect(text).toContain('غير مصادق عليها');
  });

  it('refuses a record changed after approval (the approved DOCX, or the audio) and leaves no package', async () => {
    process.env.MAHDAR_SOFFICE = NO_SOFFICE;
    await minutes.approveMeeting({ meetingId: meeting.id });
    writeFileSync(join(dir, 'audio.wav'), Buffer.concat([audioBytes, Buffer.from('x')]));
    await expect(minutes.exportBag({ meetingId: meeting.id, zip: true })).rejects.toMatchObject({ code: 'bag.recordDamaged', params: { files: 'audio.wav' } });
    writeFileSync(join(dir, 'audio.wav'), audioBytes);
    const docx = join(dir, 'revisions', 'r1', docxName());
    const changed = readFileSync(docx);
    changed[10]! ^= 0x01;
    writeFileSync(docx, changed);
    await expect(minutes.exportBag({ meetingId: meeting.id, zip: false })).rejects.toMatchObject({ code: 'bag.recordDamaged', params: { files: docxName() } });
    expect(readdirSync(join(dir, 'exports')).filter((f) => f.startsWith('bag-') || f.startsWith('.'))).toEqual([]);
  });
});

describe.skipIf(!haveBagit)('mahdar bag', () => {
  async function mahdar(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const r = await exec('npx', ['tsx', 'main/cli/index.ts', ...args], { cwd: root, timeout: 180_000, env: { ...process.env, MAHDAR_SOFFICE: NO_SOFFICE } });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('packages a meeting folder as a zip or a folder, says when there is no PDF/A, refuses a draft and a folder of other files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mahdar-bag-cli-'));
    try {
      // A draft: refused in one line, nothing written.
      const draft = await mahdar('bag', dir, '--out', join(out, 'draft.zip'));
      expect(draft.code).toBe(1);
      expect(draft.stderr).toMatch(/^mahdar: Version 1 of these minutes is not approved/);
      expect(existsSync(join(out, 'draft.zip'))).toBe(false);

      await minutes.approveMeeting({ meetingId: meeting.id });
      const zip = join(out, 'pv-2026-045.zip');
      const z = await mahdar('bag', dir, '--out', zip);
      expect(z.code, z.stderr).toBe(0);
      expect(z.stdout).toBe(`${zip}\t${sha(readFileSync(zip))}\n`);
      expect(z.stderr).toContain('no PDF/A copy of the minutes in the package: LibreOffice not installed');

      const folder = join(out, 'bag');
      const f = await mahdar('bag', dir, '--revision', '1', '--out', folder);
      expect(f.code, f.stderr).toBe(0);
      expect((await validate(folder)).ok).toBe(true);

      // --out naming a folder that holds other files never replaces it.
      const docs = join(out, 'documents');
      mkdirSync(docs);
      writeFileSync(join(docs, 'keep.txt'), 'mine');
      const refused = await mahdar('bag', dir, '--out', docs);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not an earlier package');
      expect(readdirSync(docs)).toEqual(['keep.txt']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
