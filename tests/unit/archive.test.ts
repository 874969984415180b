// The meeting archive on disk: atomic writes, crash safety, refusal of damaged and future files,
// and ids that try to leave the data root.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeetingArchive } from '../../main/archive/archive.ts';
import { writeFileAtomic } from '../../main/archive/atomic-write.ts';
import { MahdarError } from '../../shared/errors.ts';
import { errorCodeOf } from './error-code.ts';

let root: string;
let archive: MeetingArchive;
beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'mahdar-archive-'));
  archive = new MeetingArchive(root);
  await archive.init();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const code = errorCodeOf;

describe('meeting archive', () => {
  it('creates, reads, updates, lists and deletes a meeting folder with meeting.json', async () => {
    const m = await archive.create({ title: 'دورة أكتوبر العادية' });
    const file = join(root, 'meetings', m.id, 'meeting.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).schemaVersion).toBe(1);
    await archive.update(m.id, (cur) => ({ ...cur, place: 'قاعة الاجتماعات' }));
    expect((await archive.read(m.id)).place).toBe('قاعة الاجتماعات');
    expect((await archive.list('اكتوبر')).meetings.map((s) => s.id)).toEqual([m.id]); // search ignores hamza forms
    expect((await archive.list('لجنة')).meetings).toEqual([]);
    await archive.delete(m.id);
    expect(readdirSync(join(root, 'meetings'))).toEqual([]);
    expect(await code(archive.read(m.id))).toBe('meeting.notFound');
  });

  it('leaves no temporary file behind and keeps concurrent updates in order', async () => {
    const m = await archive.create({ title: 'x' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => archive.update(m.id, (cur) => ({ ...cur, agenda: [...cur.agenda, { id: `a-${String(i).padStart(3, '0')}`, title: `${i}` }] }))));
    expect((await archive.read(m.id)).agenda.map((a) => a.title)).toEqual(Array.from({ length: 20 }, (_, i) => `${i}`));
    expect(readdirSync(join(root, 'meetings', m.id))).toEqual(['meeting.json']);
  });

  it('a writer killed in the middle of saving leaves the previous meeting readable', async () => {
    const m = await archive.create({ title: 'قبل' });
    // A separate process saves a large meeting over and over, saying after each save how many it
    // made; it is killed with SIGKILL as soon as it has made `round + 1`, while it writes the next.
    const script = `
      import { MeetingArchive } from ${JSON.stringify(join(process.cwd(), 'main/archive/archive.ts'))};
      const a = new MeetingArchive(${JSON.stringify(root)});
      const big = Array.from({ length: 4000 }, (_, i) => ({ id: 's-' + String(i).padStart(6, '0'), start: i, end: i + 1, text: 'نص طويل '.repeat(20), speakerId: null, tags: [], edited: false }));
      for (let n = 1; ; n++) {
        await a.update(${JSON.stringify(m.id)}, (cur) => ({ ...cur, title: 'بعد ' + n, segments: big }));
        process.stdout.write('saved ' + n + '\\n');
      }
    `;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      const saved = await new Promise<number>((resolve) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const count = (out.match(/saved \d+\n/g) ?? []).length;
          if (count >= round + 1 && child.exitCode === null) {
            child.kill('SIGKILL');
            resolve(count);
          }
        });
      });
      await new Promise((r) => child.once('exit', r));
      const after = await archive.read(m.id); // must parse: an acknowledged save or a later one, never half
      expect(after.title).toMatch(/^بعد \d+$/);
      expect(Number(after.title.slice(4))).toBeGreaterThanOrEqual(saved);
    }
  });

  it('refuses a malformed meeting.json with a clear error and never overwrites it', async () => {
    const m = await archive.create({ title: 'x' });
    const file = join(root, 'meetings', m.id, 'meeting.json');
    const broken = '{"schemaVersion": 1, "title": "نصف ملف';
    writeFileSync(file, broken);
    expect(await code(archive.read(m.id))).toBe('meeting.malformed');
    expect(await code(archive.update(m.id, (cur) => ({ ...cur, title: 'y' })))).toBe('meeting.malformed');
    expect(readFileSync(file, 'utf8')).toBe(broken);
    // Valid JSON of the wrong shape is refused too.
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, title: 42 }));
    expect(await code(archive.read(m.id))).toBe('meeting.malformed');
    // The library still lists the others and reports the damaged one.
    await archive.create({ title: 'سليم' });
    const { meetings, damaged } = await archive.list();
    expect(meetings.map((x) => x.title)).toEqual(['سليم']);
    expect(damaged.map((d) => [d.id, d.damaged?.code])).toEqual([[m.id, 'meeting.malformed']]);
  });

  it('refuses a meeting written by a newer Mahdar and keeps its content', async () => {
    const m = await archive.create({ title: 'x' });
    const file = join(root, 'meetings', m.id, 'meeting.json');
    const future = JSON.stringify({ ...(await archive.read(m.id)), schemaVersion: 2, newField: true });
    writeFileSync(file, future);
    const err = await archive.read(m.id).catch((e: MahdarError) => e);
    expect(err).toBeInstanceOf(MahdarError);
    expect((err as MahdarError).code).toBe('meeting.futureVersion');
    expect((err as MahdarError).params.version).toBe(2);
    expect(await code(archive.update(m.id, (cur) => cur))).toBe('meeting.futureVersion');
    expect(readFileSync(file, 'utf8')).toBe(future);
  });

  it('still reads a file that requests would now refuse, and keeps it editable', async () => {
    // Written before dates, segment times and references were checked: the file stays readable
    // (only invisible characters are dropped on reading), and the secretary can keep working on it.
    const m = await archive.create({ title: 'x' });
    const file = join(root, 'meetings', m.id, 'meeting.json');
    const old = {
      ...(await archive.read(m.id)),
      title: 'دورة\u202e فبراير',
      date: '2026-02-30',
      startTime: '99:99',
      participants: [{ id: 'p-001', name: 'أحمد', gender: 'm', title: '', organisation: '' }],
      segments: [{ id: 's-001', start: 5, end: 3, text: 'نص', speakerId: 'p-gone', tags: [], edited: false }],
      decisions: [{ id: 'd-001', kind: 'decision', text: 'قرار', segmentIds: ['s-404'], owner: '', deadline: '' }],
    };
    writeFileSync(file, JSON.stringify(old));
    const read = await archive.read(m.id);
    expect(read).toMatchObject({ title: 'دورة فبراير', date: '2026-02-30', startTime: '99:99' });
    expect(read.segments[0]).toMatchObject({ start: 5, end: 3, speakerId: 'p-gone' });
    expect((await archive.list()).damaged).toEqual([]);
    // A change that adds nothing wrong is saved; what was already there is left as it was.
    const saved = await archive.update(m.id, (cur) => ({ ...cur, date: '2026-02-28' }));
    expect(saved.date).toBe('2026-02-28');
    expect(saved.decisions[0]!.segmentIds).toEqual(['s-404']);
  });

  it('refuses a change that would make the meeting inconsistent, and writes nothing', async () => {
    const m = await archive.create({ title: 'قبل' });
    const file = join(root, 'meetings', m.id, 'meeting.json');
    const before = readFileSync(file, 'utf8');
    const s = { id: 's-001', start: 0, end: 1, text: 'نص', speakerId: null, tags: [], edited: false };
    expect(await code(archive.update(m.id, (cur) => ({ ...cur, title: 'بعد', segments: [s, s] })))).toBe('meeting.inconsistent');
    expect(await code(archive.update(m.id, (cur) => ({ ...cur, segments: [{ ...s, speakerId: 'p-ghost' }] })))).toBe('meeting.inconsistent');
    const err = await archive
      .update(m.id, (cur) => ({ ...cur, decisions: [{ id: 'd-001', kind: 'decision' as const, text: 'x', segmentIds: ['s-404'], owner: '', deadline: '' }] }))
      .catch((e: MahdarError) => e);
    expect((err as MahdarError).params.detail).toContain('s-404');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await code(archive.create({ agenda: [{ id: 'a-001', title: '1' }, { id: 'a-001', title: '2' }] }))).toBe('meeting.inconsistent');
  });

  it('refuses ids that try to escape the data root', async () => {
    mkdirSync(join(root, 'secret'));
    writeFileSync(join(root, 'secret', 'meeting.json'), '{}');
    for (const id of ['../secret', '..', '/etc', 'a/../../secret', 'm-1\u0000', '%2e%2e', 'M-ABC', '']) {
      expect(() => archive.meetingDir(id)).toThrow(MahdarError);
      expect(await code(archive.read(id))).toBe('validation');
      expect(await code(archive.delete(id))).toBe('validation');
    }
  });

  it('a full disk gives disk.full and the previous version stays intact', async (t) => {
    const mnt = mkdtempSync(join(tmpdir(), 'mahdar-full-'));
    // A tiny tmpfs is a real full disk; mounting needs root (CI runs as root).
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]).status !== 0) t.skip();
    try {
      const small = new MeetingArchive(mnt);
      await small.init();
      const m = await small.create({ title: 'قبل' });
      const huge = Array.from({ length: 3000 }, (_, i) => ({ id: `s-${String(i).padStart(6, '0')}`, start: i, end: i + 1, text: 'كلام '.repeat(30), speakerId: null, tags: [], edited: false }));
      expect(await code(small.update(m.id, (cur) => ({ ...cur, segments: huge })))).toBe('disk.full');
      expect((await small.read(m.id)).title).toBe('قبل');
      expect(readdirSync(join(mnt, 'meetings', m.id))).toEqual(['meeting.json']);
      expect(await code(writeFileAtomic(join(mnt, 'big.bin'), new Uint8Array(1024 * 1024)))).toBe('disk.full');
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
