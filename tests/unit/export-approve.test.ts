// Exports into the archive, approval (read-only, manifest with checksums) and reopening (a new
// revision; the approved one kept), and download ids that cannot leave the archive.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting, type MeetingFields } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { TranscriptionJobs } from '../../main/asr/job.ts';
import { meetingCommands } from '../../main/service/meetings.ts';
import { minutesCommands, resolveDownload } from '../../main/service/minutes.ts';
import { editCommands } from '../../main/service/edits.ts';
import { readManifest, verifyRevision } from '../../main/export/approve.ts';
import { docxPart } from '../../main/export/docx.ts';

const root = join(import.meta.dirname, '../..');
const sample: Meeting = meetingSchema.parse(JSON.parse(readFileSync(join(root, 'tests/fixtures/meeting-sample/meeting.json'), 'utf8')));
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const named = `${sample.date} ${sample.title}`;

let dataRoot: string;
let ctx: ServiceContext;
let minutes: ReturnType<typeof minutesCommands>;
let meetings: ReturnType<typeof meetingCommands>;
let meeting: Meeting;
let dir: string;
const audioBytes = Buffer.from('RIFF....WAVEfmt fake audio for checksum');

beforeEach(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), 'mahdar-export-'));
  ctx = await createContext(dataRoot);
  const jobs = new TranscriptionJobs(ctx);
  minutes = minutesCommands(ctx, jobs);
  meetings = meetingCommands(ctx, jobs);
  const { schemaVersion: _v, id: _i, status: _s, revision: _r, createdAt: _c, updatedAt: _u, audio: _a, ...fields } = sample;
  meeting = await ctx.archive.create(fields as MeetingFields);
  dir = ctx.archive.meetingDir(meeting.id);
  writeFileSync(join(dir, 'audio.wav'), audioBytes);
  meeting = await ctx.archive.update(meeting.id, (m) => ({ ...m, audio: { file: 'audio.wav', durationSec: 377, originalName: '' } }));
});
afterEach(() => rmSync(dataRoot, { recursive: true, force: true }));

describe('exportMeeting', () => {
  it('writes each format into exports/ and returns a download id that resolves to it', async () => {
    for (const format of ['docx', 'txt', 'srt', 'vtt', 'json'] as const) {
      const r = await minutes.exportMeeting({ meetingId: meeting.id, format });
      expect(r.fileName.endsWith(`.${format}`)).toBe(true);
      const d = await resolveDownload(ctx, r.downloadId);
      expect(d.file).toBe(join(dir, 'exports', r.fileName));
      expect(sha(readFileSync(d.file))).toBe(r.sha256);
      expect(d.fileName).toBe(r.fileName);
    }
    // Named from the meeting's date and title, as the secretary would name it.
    const docx = await resolveDownload(ctx, `${meeting.id}/exports/${named}.docx`);
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const fr = await minutes.exportMeeting({ meetingId: meeting.id, format: 'docx', language: 'fr' });
    expect(fr.fileName).toBe(`${named} (fr).docx`);
    expect((await resolveDownload(ctx, fr.downloadId)).fileName).toBe(fr.fileName);
    // A draft leaves no revision record.
    expect(existsSync(join(dir, 'revisions'))).toBe(false);
  });

  it('puts the logo of the meeting folder in the letterhead', async () => {
    // 1x1 PNG
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    writeFileSync(join(dir, 'logo.png'), png);
    const model = await minutes.getMinutes({ meetingId: meeting.id });
    const lh = model.sections[0]!.blocks[0]!;
    expect(lh.kind === 'letterhead' && lh.logo?.mime).toBe('image/png');
    const r = await minutes.exportMeeting({ meetingId: meeting.id, format: 'docx' });
    const bytes = new Uint8Array(readFileSync(join(dir, 'exports', r.fileName)));
    expect(docxPart(bytes, 'word/document.xml')).toContain('<pic:pic');
  });

  it('refuses unknown meetings', async () => {
    await expect(minutes.exportMeeting({ meetingId: 'm-nope', format: 'txt' })).rejects.toMatchObject({ code: 'meeting.notFound' });
  });
});

describe('resolveDownload', () => {
  it('refuses ids that could leave the archive or name other files', async () => {
    const r = await minutes.exportMeeting({ meetingId: meeting.id, format: 'txt' });
    expect((await resolveDownload(ctx, r.downloadId)).fileName).toBe(r.fileName);
    const bad = [
      '',
      '../../etc/passwd',
      `${meeting.id}/exports/../meeting.json`,
      `${meeting.id}/exports/..`,
      `${meeting.id}/meeting.json`,
      `${meeting.id}/audio.wav`,
      `${meeting.id}/exports/.hidden`,
      `${meeting.id}/exports/sub/file.txt`,
      `${meeting.id}/revisions/../meeting.json`,
      `${meeting.id}/revisions/r0/manifest.json`,
      `/${meeting.id}/exports/${r.fileName}`,
      `..%2F/exports/${r.fileName}`,
      `${meeting.id}\\exports\\${r.fileName}`,
      `${meeting.id}/exports/${r.fileName}\u0000`,
      'x'.repeat(400),
    ];
    for (const id of bad) await expect(resolveDownload(ctx, id), JSON.stringify(id)).rejects.toBeInstanceOf(MahdarError);
    await expect(resolveDownload(ctx, `${meeting.id}/exports/nothing.docx`)).rejects.toMatchObject({ code: 'export.failed' });
  });

  it('does not follow a symbolic link planted in exports/', async () => {
    await minutes.exportMeeting({ meetingId: meeting.id, format: 'txt' });
    symlinkSync('/etc/hostname', join(dir, 'exports', 'evil.txt'));
    await expect(resolveDownload(ctx, `${meeting.id}/exports/evil.txt`)).rejects.toBeInstanceOf(MahdarError);
  });
});

describe('approve and reopen', () => {
  it('makes the meeting read-only and keeps its record with checksums of the DOCX and the audio', async () => {
    const approved = await minutes.approveMeeting({ meetingId: meeting.id });
    expect(approved.status).toBe('approved');
    await expect(meetings.updateMeeting({ id: meeting.id, fields: { title: 'x' } })).rejects.toMatchObject({ code: 'meeting.readOnly' });

    const manifest = (await readManifest(dir, 1))!;
    expect(manifest).toMatchObject({ meetingId: meeting.id, revision: 1, status: 'approved', approvedAt: approved.updatedAt });
    expect(manifest.audio).toMatchObject({ file: 'audio.wav', sha256: sha(audioBytes), bytes: audioBytes.length });
    const rev = join(dir, 'revisions', 'r1');
    expect(manifest.meeting.sha256).toBe(sha(readFileSync(join(rev, 'meeting.json'))));
    expect(JSON.parse(readFileSync(join(rev, 'meeting.json'), 'utf8'))).toMatchObject({ status: 'approved', revision: 1 });
    const [doc] = manifest.documents;
    expect(doc).toMatchObject({ file: `minutes-${meeting.id}-r1-ar.docx`, format: 'docx', language: 'ar' });
    expect(sha(readFileSync(join(rev, doc!.file)))).toBe(doc!.sha256);
    expect(await verifyRevision(dir, 1)).toEqual([]);

    // The approved DOCX says so in its properties.
    const bytes = new Uint8Array(readFileSync(join(rev, doc!.file)));
    expect(docxPart(bytes, 'docProps/core.xml')).toContain('<cp:contentStatus>مصادق عليه</cp:contentStatus>');
    expect(docxPart(bytes, 'docProps/custom.xml')).toMatch(/MahdarStatus"><vt:lpwstr>approved</);

    // Exporting the approved meeting hands out the very file that was approved.
    const again = await minutes.exportMeeting({ meetingId: meeting.id, format: 'docx' });
    expect(again.sha256).toBe(doc!.sha256);
    expect(sha(readFileSync(join(dir, 'exports', again.fileName)))).toBe(doc!.sha256);
    // Another language is added to the record once.
    const fr = await minutes.exportMeeting({ meetingId: meeting.id, format: 'docx', language: 'fr' });
    const fr2 = await minutes.exportMeeting({ meetingId: meeting.id, format: 'docx', language: 'fr' });
    expect(fr2.sha256).toBe(fr.sha256);
    expect((await readManifest(dir, 1))!.documents.map((d) => d.language)).toEqual(['ar', 'fr']);
    // Approving twice changes nothing.
    expect((await minutes.approveMeeting({ meetingId: meeting.id })).updatedAt).toBe(approved.updatedAt);
  });

  it('detects a kept file that was tampered with', async () => {
    await minutes.approveMeeting({ meetingId: meeting.id });
    const manifest = (await readManifest(dir, 1))!;
    writeFileSync(join(dir, 'revisions', 'r1', manifest.documents[0]!.file), 'tampered');
    expect(await verifyRevision(dir, 1)).toEqual([manifest.documents[0]!.file]);
    await expect(minutes.exportMeeting({ meetingId: meeting.id, format: 'docx' })).rejects.toMatchObject({ code: 'export.failed' });
  });

  it('keeps the edits of the revision with it: journal.jsonl in revisions/r1, checked by the manifest; edits refused once approved', async () => {
    const edits = editCommands(ctx, ctx.journals);
    const seg = meeting.segments[0]!;
    const r = await edits.applyEdit({ meetingId: meeting.id, baseVersion: 0, edit: { type: 'setText', segmentId: seg.id, text: 'نص مصحح' } });
    await minutes.approveMeeting({ meetingId: meeting.id });
    const manifest = (await readManifest(dir, 1))!;
    expect(manifest.journal?.file).toBe('journal.jsonl');
    const kept = readFileSync(join(dir, 'revisions', 'r1', 'journal.jsonl'), 'utf8');
    expect(kept).toContain('نص مصحح');
    expect(await verifyRevision(dir, 1)).toEqual([]);
    await expect(edits.applyEdit({ meetingId: meeting.id, baseVersion: r.version, edit: { type: 'setText', segmentId: seg.id, text: 'بعد المصادقة' } })).rejects.toMatchObject({ code: 'meeting.readOnly' });
    writeFileSync(join(dir, 'revisions', 'r1', 'journal.jsonl'), kept.replace('نص مصحح', 'نص مزور'));
    expect(await verifyRevision(dir, 1)).toEqual(['journal.jsonl']);
  });

  it('reopens as a new draft revision and keeps the approved one', async () => {
    await minutes.approveMeeting({ meetingId: meeting.id });
    const before = readdirSync(join(dir, 'revisions', 'r1')).sort();
    const reopened = await minutes.reopenMeeting({ meetingId: meeting.id });
    expect(reopened).toMatchObject({ status: 'draft', revision: 2 });
    const edited = await meetings.updateMeeting({ id: meeting.id, fields: { endTime: '13:00' } });
    expect(edited.endTime).toBe('13:00');
    // revision 1 is intact
    expect(readdirSync(join(dir, 'revisions', 'r1')).sort()).toEqual(before);
    expect(await verifyRevision(dir, 1)).toEqual([]);
    const kept = JSON.parse(readFileSync(join(dir, 'revisions', 'r1', 'meeting.json'), 'utf8'));
    expect(kept).toMatchObject({ status: 'approved', revision: 1, endTime: '12:30' });
    // a download id into the kept revision resolves
    const manifest = (await readManifest(dir, 1))!;
    const d = await resolveDownload(ctx, `${meeting.id}/revisions/r1/${manifest.documents[0]!.file}`);
    expect(sha(readFileSync(d.file))).toBe(manifest.documents[0]!.sha256);
    // the new revision exports under its own name, and approving it makes revisions/r2
    const r2 = await minutes.exportMeeting({ meetingId: meeting.id, format: 'docx' });
    expect(r2.fileName).toBe(`${named} v2.docx`);
    await minutes.approveMeeting({ meetingId: meeting.id });
    expect((await readManifest(dir, 2))!.revision).toBe(2);
    // reopening a draft changes nothing
    const r3 = await minutes.reopenMeeting({ meetingId: meeting.id });
    expect(r3.revision).toBe(3);
    expect((await minutes.reopenMeeting({ meetingId: meeting.id })).revision).toBe(3);
  });

  it('records a missing audio file as null rather than failing', async () => {
    rmSync(join(dir, 'audio.wav'));
    await minutes.approveMeeting({ meetingId: meeting.id });
    expect((await readManifest(dir, 1))!.audio).toBeNull();
  });

  it('leaves no temp files behind', async () => {
    await minutes.approveMeeting({ meetingId: meeting.id });
    await minutes.exportMeeting({ meetingId: meeting.id, format: 'srt' });
    for (const sub of ['', 'exports', 'revisions/r1']) {
      expect(readdirSync(join(dir, sub)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });
});
