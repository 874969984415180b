// The meeting journal (main/archive/journal.ts): edits acknowledged only once appended, replayed
// after a kill, a torn last line ignored, stale versions refused, undo/redo across restarts,
// concurrent commands serialised, approved meetings frozen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeetingArchive } from '../../main/archive/archive.ts';
import { KeyedQueue } from '../../main/archive/keyed-queue.ts';
import { JOURNAL_FILE, MeetingJournals, readMeetingWithJournal, writeRevisionJournal } from '../../main/archive/journal.ts';
import { MEETING_FILE, readMeetingDir, writeMeetingDir } from '../../main/archive/meeting-file.ts';
import type { Meeting, Segment } from '../../shared/domain.ts';
import { applyEdit, editSchema, type EditInput } from '../../shared/edits.ts';
import { errorCodeOf } from './error-code.ts';

let root: string;
let archive: MeetingArchive;
let queue: KeyedQueue;
let opened: MeetingJournals[];
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'mahdar-journal-'));
  archive = new MeetingArchive(root);
  await archive.init();
  queue = new KeyedQueue();
  opened = [];
});
afterEach(async () => {
  await Promise.all(opened.map((j) => j.close().catch(() => undefined)));
  rmSync(root, { recursive: true, force: true });
});

/** A journal registry as the app makes one; `flushDelayMs` large = meeting.json never rewritten. */
function journals(flushDelayMs = 1000): MeetingJournals {
  const j = new MeetingJournals({ queue, meetingDir: (id) => archive.meetingDir(id), flushDelayMs });
  opened.push(j);
  return j;
}

const segments = (n: number): Segment[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `s-${String(i).padStart(5, '0')}`,
    start: i * 4,
    end: i * 4 + 3.5,
    text: `المقطع رقم ${i} من محضر الدورة العادية للمجلس الإقليمي`,
    speakerId: null,
    tags: [],
    edited: false,
  }));

async function newMeeting(n = 10): Promise<{ id: string; dir: string }> {
  const m = await archive.create({ title: 'دورة', participants: [{ id: 'p-001', name: 'أحمد', gender: 'm', title: '', organisation: '' }] });
  await archive.update(m.id, (cur) => ({ ...cur, segments: segments(n) }));
  return { id: m.id, dir: archive.meetingDir(m.id) };
}

const setText = (i: number, text: string): EditInput => ({ type: 'setText', segmentId: `s-${String(i).padStart(5, '0')}`, text });
const edit = (e: EditInput) => editSchema.parse(e);
const journalLines = (dir: string) => readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n').filter(Boolean);

/** Resolves when meeting.json in `dir` is replaced (an atomic write renames a new file over it). */
function meetingJsonReplaced(dir: string): Promise<void> {
  const watcher = watch(dir);
  return new Promise((resolve) => {
    watcher.on('change', (_event, name) => {
      if (name !== MEETING_FILE) return;
      watcher.close();
      resolve();
    });
  });
}

/** An archive write made the way the lead wires MeetingArchive.update: through the queue, reading with the journal. */
function externalUpdate(id: string, dir: string, change: (m: Meeting) => Meeting): Promise<void> {
  return queue.run(id, async () => writeMeetingDir(dir, change(await readMeetingWithJournal(dir, id))));
}

describe('meeting journal', () => {
  it('an acknowledged edit is on disk at once; meeting.json follows by itself after the flush delay', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(150);
    const rewritten = meetingJsonReplaced(dir);
    const r = await j.apply(id, 0, edit(setText(1, 'نص مصحح')));
    expect(r).toMatchObject({ version: 1, canUndo: true, canRedo: false });
    expect(r.changes.segments?.replace[0]).toMatchObject({ text: 'نص مصحح', edited: true });
    expect(journalLines(dir)).toHaveLength(1);
    // Readers through the journal see it before meeting.json is rewritten.
    expect((await readMeetingDir(dir, id)).version ?? 0).toBe(0);
    expect((await readMeetingWithJournal(dir, id)).segments[1]!.text).toBe('نص مصحح');
    await rewritten; // by the journal's own timer: nothing here asks it to flush
    const onDisk = await readMeetingDir(dir, id);
    expect(onDisk.version).toBe(1);
    expect(onDisk.segments[1]!.text).toBe('نص مصحح');
  });

  it('refuses a command made on an old version (two tabs), and accepts it once refetched', async () => {
    const { id } = await newMeeting();
    const tab1 = journals();
    await tab1.apply(id, 0, edit(setText(1, 'من النافذة الأولى')));
    expect(await errorCodeOf(tab1.apply(id, 0, edit(setText(2, 'من النافذة الثانية'))))).toBe('edit.conflict');
    const { version } = await tab1.state(id);
    await tab1.apply(id, version, edit(setText(2, 'من النافذة الثانية')));
    const m = await readMeetingWithJournal(archive.meetingDir(id), id);
    expect([m.segments[1]!.text, m.segments[2]!.text, m.version]).toEqual(['من النافذة الأولى', 'من النافذة الثانية', 2]);
  });

  it('an approved meeting refuses every edit, undo and redo', async () => {
    const { id, dir } = await newMeeting();
    const j = journals();
    await j.apply(id, 0, edit(setText(1, 'قبل المصادقة')));
    await externalUpdate(id, dir, (m) => ({ ...m, status: 'approved' }));
    expect(await errorCodeOf(j.apply(id, 1, edit(setText(1, 'بعد'))))).toBe('meeting.readOnly');
    expect(await errorCodeOf(j.undo(id, 1))).toBe('meeting.readOnly');
    expect((await readMeetingWithJournal(dir, id)).segments[1]!.text).toBe('قبل المصادقة');
  });

  it('reopening starts an empty history; the revision journal keeps only that revision', async () => {
    const { id, dir } = await newMeeting();
    const j = journals();
    await j.apply(id, 0, edit(setText(1, 'المراجعة الأولى')));
    await externalUpdate(id, dir, (m) => ({ ...m, status: 'approved' }));
    await writeRevisionJournal(dir, 1, join(dir, 'r1-journal.jsonl'), id);
    await externalUpdate(id, dir, (m) => ({ ...m, status: 'draft', revision: 2 }));
    expect(await j.state(id)).toEqual({ version: 1, canUndo: false, canRedo: false });
    expect(await errorCodeOf(j.undo(id, 1))).toBe('edit.nothingToUndo');
    await j.apply(id, 1, edit(setText(2, 'المراجعة الثانية')));
    const r1 = readFileSync(join(dir, 'r1-journal.jsonl'), 'utf8').trim().split('\n');
    expect(r1.map((l) => JSON.parse(l).revision)).toEqual([1]);
    expect(journalLines(dir).map((l) => JSON.parse(l).revision)).toEqual([1, 2]);
  });

  it('a torn last line is ignored, never fatal, and cut off before the next append', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(0);
    await j.apply(id, 0, edit(setText(1, 'أول')));
    await j.apply(id, 1, edit(setText(2, 'ثان')));
    await j.close();
    // A power cut in the middle of the third line: meeting.json at version 2, half a line after it.
    const third = JSON.stringify({ seq: 3, version: 3, revision: 1, at: new Date().toISOString(), kind: 'edit', edit: edit(setText(3, 'ثالث')), inverse: { type: 'restore' } });
    appendFileSync(join(dir, JOURNAL_FILE), third.slice(0, Math.floor(third.length / 2)));
    expect((await readMeetingWithJournal(dir, id)).version).toBe(2);
    const again = journals(0);
    expect(await again.state(id)).toEqual({ version: 2, canUndo: true, canRedo: false });
    await again.apply(id, 2, edit(setText(3, 'ثالث من جديد')));
    const lines = journalLines(dir);
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2, 3]);
    expect((await readMeetingWithJournal(dir, id)).segments[3]!.text).toBe('ثالث من جديد');
    // Zeros left by a file system after a crash are a torn tail too.
    appendFileSync(join(dir, JOURNAL_FILE), Buffer.alloc(512));
    expect((await readMeetingWithJournal(dir, id)).version).toBe(3);
  });

  it('a damaged line in the middle is refused as malformed, and the journal is left as it was', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(100_000);
    for (let v = 0; v < 3; v++) await j.apply(id, v, edit(setText(v, `نص ${v}`)));
    await j.close();
    const file = join(dir, JOURNAL_FILE);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 20) + '#' + lines[1]!.slice(21);
    writeFileSync(file, lines.join('\n'));
    // meeting.json is at version 3 after close(): reading does not need the damaged line...
    expect((await readMeetingWithJournal(dir, id)).version).toBe(3);
    // ...but opening the history does, and says so.
    const before = readFileSync(file);
    expect(await errorCodeOf(journals().state(id))).toBe('meeting.malformed');
    await writeMeetingDir(dir, { ...(await readMeetingDir(dir, id)), version: 0 });
    expect(await errorCodeOf(readMeetingWithJournal(dir, id))).toBe('meeting.malformed');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a whole last line this version does not know (a newer Mahdar) is refused, not cut away', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(0);
    await j.apply(id, 0, edit(setText(1, 'أول')));
    await j.close();
    const file = join(dir, JOURNAL_FILE);
    appendFileSync(file, JSON.stringify({ seq: 2, version: 2, revision: 1, at: '', kind: 'edit', edit: { type: 'futureCommand' }, inverse: { type: 'restore' } }) + '\n');
    const before = readFileSync(file);
    expect(await errorCodeOf(journals().apply(id, 1, edit(setText(2, 'x'))))).toBe('meeting.malformed');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a meeting deleted while its edits wait to be saved is not recreated', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(50);
    await j.apply(id, 0, edit(setText(1, 'قبل الحذف')));
    await archive.delete(id);
    await new Promise((r) => setTimeout(r, 150));
    await j.flush();
    expect(() => statSync(dir)).toThrow();
    expect(await errorCodeOf(j.apply(id, 1, edit(setText(1, 'x'))))).toBe('meeting.notFound');
  });

  it('a kill between the journal append and the meeting.json rewrite loses nothing', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(100_000); // meeting.json is never rewritten by this instance
    await j.apply(id, 0, edit(setText(1, 'محفوظ في السجل')));
    await j.apply(id, 1, edit({ type: 'splitSegment', segmentId: 's-00002', at: 7, newSegmentId: 's-00002b' }));
    expect((await readMeetingDir(dir, id)).version ?? 0).toBe(0);
    // "Restart": new objects on the same folder.
    const after = journals(0);
    expect(await after.state(id)).toEqual({ version: 2, canUndo: true, canRedo: false });
    const m = await readMeetingWithJournal(dir, id);
    expect(m.segments.map((s) => s.id).slice(1, 4)).toEqual(['s-00001', 's-00002', 's-00002b']);
    await after.undo(id, 2);
    expect((await readMeetingDir(dir, id)).segments.map((s) => s.id)).not.toContain('s-00002b');
  });

  it('undo and redo walk the journal, across restarts; a new edit clears the redo', async () => {
    const { id, dir } = await newMeeting();
    const original = (await readMeetingWithJournal(dir, id)).segments;
    let j = journals();
    await j.apply(id, 0, edit(setText(1, 'أ')));
    await j.apply(id, 1, edit({ type: 'assignSpeaker', range: { fromId: 's-00000', toId: 's-00004' }, speakerId: 'p-001' }));
    expect(await j.undo(id, 2)).toMatchObject({ version: 3, canUndo: true, canRedo: true });
    j = journals();
    expect(await j.redo(id, 3)).toMatchObject({ version: 4, canRedo: false });
    expect((await readMeetingWithJournal(dir, id)).segments.filter((s) => s.speakerId === 'p-001')).toHaveLength(5);
    j = journals();
    await j.undo(id, 4);
    await j.undo(id, 5);
    expect((await readMeetingWithJournal(dir, id)).segments).toStrictEqual(original);
    expect(await errorCodeOf(j.undo(id, 6))).toBe('edit.nothingToUndo');
    j = journals();
    expect(await j.state(id)).toEqual({ version: 6, canUndo: false, canRedo: true });
    await j.redo(id, 6);
    await j.apply(id, 7, edit(setText(2, 'ب')));
    expect(await j.state(id)).toEqual({ version: 8, canUndo: true, canRedo: false });
    expect(await errorCodeOf(journals().redo(id, 8))).toBe('edit.nothingToRedo');
  });

  it('undo refuses cleanly when what it restores was changed outside the editor', async () => {
    const { id, dir } = await newMeeting();
    const j = journals();
    await j.apply(id, 0, edit(setText(1, 'تعديل')));
    // "Transcribe again from the start" clears the segments.
    await externalUpdate(id, dir, (m) => ({ ...m, segments: [] }));
    expect(await errorCodeOf(j.undo(id, 1))).toBe('edit.undoConflict');
    expect((await readMeetingWithJournal(dir, id)).segments).toEqual([]);
  });

  it('a write by the archive in between keeps the edits before it and the ones after build on it', async () => {
    const { id, dir } = await newMeeting();
    const j = journals(100_000);
    await j.apply(id, 0, edit(setText(1, 'قبل')));
    await externalUpdate(id, dir, (m) => ({ ...m, title: 'عنوان من الاستمارة' }));
    await j.apply(id, 1, edit(setText(2, 'بعد')));
    await j.flush();
    const m = await readMeetingDir(dir, id);
    expect([m.title, m.segments[1]!.text, m.segments[2]!.text, m.version]).toEqual(['عنوان من الاستمارة', 'قبل', 'بعد', 2]);
  });

  it('50 concurrent commands on one meeting all land exactly once, in order', async () => {
    const { id, dir } = await newMeeting();
    const j = journals();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, v) => j.apply(id, v, edit({ type: 'addParticipant', participant: { id: `p-c${v}`, name: `مشارك ${v}` } }))),
    );
    expect(results.map((r) => r.version)).toEqual(Array.from({ length: 50 }, (_, v) => v + 1));
    await j.flush();
    const m = await readMeetingDir(dir, id);
    expect(m.participants.slice(1).map((p) => p.id)).toEqual(Array.from({ length: 50 }, (_, v) => `p-c${v}`));
    expect(journalLines(dir).map((l) => JSON.parse(l).seq)).toEqual(Array.from({ length: 50 }, (_, v) => v + 1));
  });

  it('a process killed (SIGKILL) right after acknowledging a command loses nothing it acknowledged', async () => {
    const { id, dir } = await newMeeting();
    const script = `
      import { MeetingJournals } from ${JSON.stringify(join(process.cwd(), 'main/archive/journal.ts'))};
      import { KeyedQueue } from ${JSON.stringify(join(process.cwd(), 'main/archive/keyed-queue.ts'))};
      const j = new MeetingJournals({ queue: new KeyedQueue(), meetingDir: () => ${JSON.stringify(dir)}, flushDelayMs: 60000 });
      for (let v = 0; ; v++) {
        const k = v + 1;
        await j.apply(${JSON.stringify(id)}, v, { type: 'setText', segmentId: 's-0000' + (k % 10), text: 'نص ' + k });
        process.stdout.write('ack ' + k + '\\n');
      }
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const killAt = 20 + Math.floor(Math.random() * 30);
    let acked = 0;
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const acks = buf.match(/ack (\d+)\n/g) ?? [];
        if (acks.length) acked = Number(acks[acks.length - 1]!.slice(4));
        if (acked >= killAt && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const m = await readMeetingWithJournal(dir, id);
    expect(m.version).toBeGreaterThanOrEqual(acked);
    // Every segment holds the text of its latest edit up to the version read.
    for (let i = 0; i < 10; i++) {
      let last = 0;
      for (let k = 1; k <= m.version!; k++) if (k % 10 === i) last = k;
      expect(m.segments[i]!.text).toBe(last ? `نص ${last}` : segments(10)[i]!.text);
    }
    expect((await readMeetingDir(dir, id)).version ?? 0).toBe(0); // all of it came from the journal
  });

  it('on a 2,500-segment meeting a command costs one short append, not a rewrite', async () => {
    const { id, dir } = await newMeeting(2500);
    const j = journals(100_000); // only flush() below rewrites meeting.json
    await j.state(id); // opening the meeting is not part of a command
    const identity = () => {
      const s = statSync(join(dir, MEETING_FILE), { bigint: true });
      return `${s.ino}:${s.mtimeNs}`;
    };
    const before = identity();
    let expected = await readMeetingDir(dir, id);
    const n = 40;
    for (let v = 0; v < n; v++) {
      const e = edit(setText(v * 50, `تصحيح ${v}`));
      await j.apply(id, v, e);
      expected = applyEdit(expected, e).meeting;
    }
    // Forty commands: forty short lines appended, meeting.json (300 kB) not written once.
    expect(identity()).toBe(before);
    expect(journalLines(dir)).toHaveLength(n);
    expect(Math.max(...journalLines(dir).map((l) => Buffer.byteLength(l)))).toBeLessThan(1500);
    expect(statSync(join(dir, MEETING_FILE)).size).toBeGreaterThan(300_000);
    // One rewrite at the flush, with the same segments as applying the commands in memory.
    await j.flush();
    expect(identity()).not.toBe(before);
    expect((await readMeetingDir(dir, id)).segments).toEqual(expected.segments);
  });
});
