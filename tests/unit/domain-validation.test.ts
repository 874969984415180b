// What a meeting may contain, checked where a user would meet it: real dates and times, segments
// that end after they start, unique ids, references that resolve, no invisible characters that
// reorder the printed minutes; updateMeeting limited to the form's fields; a speaker kept in the
// participants; settings that name a model Mahdar knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Meeting, Segment } from '../../shared/domain.ts';
import { cleanMultiLine, cleanSingleLine, isRealDate, isRealTime } from '../../shared/domain.ts';
import { errorMessages } from '../../shared/errors.ts';
import type { MahdarService } from '../../shared/api.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { createService, dispatch } from '../../main/service/index.ts';

let root: string;
let ctx: ServiceContext;
let service: MahdarService;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mahdar-domain-'));
  ctx = await createContext(root);
  service = await createService(ctx);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function call(method: string, input: unknown): Promise<{ code: string; detail: string; value: unknown }> {
  const r = await dispatch(service, method, input);
  if (r.ok) return { code: 'ok', detail: '', value: r.value };
  return { code: r.error.code, detail: String(r.error.params.detail ?? ''), value: r.error.params };
}
async function create(fields: Record<string, unknown> = {}): Promise<Meeting> {
  const r = await call('createMeeting', { fields });
  if (r.code !== 'ok') throw new Error(`create failed: ${r.code} ${r.detail}`);
  return r.value as Meeting;
}
const seg = (id: string, start: number, end: number, speakerId: string | null = null): Segment => ({
  id, start, end, text: 'نص', speakerId, tags: [], edited: false,
});
const fileOf = (id: string) => join(root, 'meetings', id, 'meeting.json');

describe('dates and times are real', () => {
  it('knows the calendar', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true); // leap year
    expect(isRealDate('2000-02-29')).toBe(true); // divisible by 400
    for (const d of ['2026-02-29', '2026-02-30', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01']) {
      expect(isRealDate(d), d).toBe(false);
    }
    expect(isRealTime('00:00')).toBe(true);
    expect(isRealTime('23:59')).toBe(true);
    for (const t of ['24:00', '99:99', '12:60']) expect(isRealTime(t), t).toBe(false);
  });

  it('refuses 2026-02-30 and 99:99 in requests, and says which field', async () => {
    const m = await create({ title: 'دورة' });
    const bad = await call('updateMeeting', { id: m.id, fields: { date: '2026-02-30' } });
    expect(bad.code).toBe('validation');
    expect(bad.detail).toContain('date');
    expect((await call('updateMeeting', { id: m.id, fields: { startTime: '99:99' } })).code).toBe('validation');
    expect((await call('createMeeting', { fields: { endTime: '24:00' } })).code).toBe('validation');
    expect((await call('updateMeeting', { id: m.id, fields: { date: '2028-02-29', startTime: '09:30', endTime: '' } })).code).toBe('ok');
    expect(JSON.parse(readFileSync(fileOf(m.id), 'utf8')).date).toBe('2028-02-29');
  });
});

describe('lists and references', () => {
  it('refuses a segment that ends before it starts', async () => {
    const r = await call('createMeeting', { fields: { segments: [seg('s-001', 10, 4)] } });
    expect(r.code).toBe('validation');
    expect(r.detail).toContain('segments.0.end');
    expect((await call('createMeeting', { fields: { segments: [seg('s-001', 4, 4)] } })).code).toBe('ok');
  });

  it('refuses an id used twice in the same list', async () => {
    const m = await create();
    const twice = [{ id: 'p-001', name: 'أحمد' }, { id: 'p-001', name: 'سعاد' }];
    const r = await call('updateMeeting', { id: m.id, fields: { participants: twice } });
    expect(r.code).toBe('validation');
    expect(r.detail).toContain('p-001');
    expect((await call('updateMeeting', { id: m.id, fields: { agenda: [{ id: 'a-001', title: '1' }, { id: 'a-001', title: '2' }] } })).code).toBe('validation');
    expect((await call('createMeeting', { fields: { segments: [seg('s-001', 0, 1), seg('s-001', 1, 2)] } })).code).toBe('validation');
    const d = { id: 'd-001', kind: 'decision', text: 'x' };
    expect((await call('createMeeting', { fields: { decisions: [d, d] } })).code).toBe('validation');
    // The same id in two different lists is fine.
    expect((await call('updateMeeting', { id: m.id, fields: { participants: [{ id: 'x-001', name: 'أ' }], agenda: [{ id: 'x-001', title: 'ب' }] } })).code).toBe('ok');
  });

  it('refuses a speaker who is not a participant and a decision citing a missing segment', async () => {
    const r = await call('createMeeting', { fields: { segments: [seg('s-001', 0, 1, 'p-ghost')] } });
    expect(r.code).toBe('validation');
    expect(r.detail).toContain('p-ghost');
    const cites = await call('createMeeting', { fields: { segments: [seg('s-001', 0, 1)], decisions: [{ id: 'd-001', kind: 'decision', text: 'x', segmentIds: ['s-404'] }] } });
    expect(cites.code).toBe('validation');
    expect(cites.detail).toContain('s-404');
    const ok = await call('createMeeting', {
      fields: {
        participants: [{ id: 'p-001', name: 'أحمد' }],
        segments: [seg('s-001', 0, 1, 'p-001')],
        decisions: [{ id: 'd-001', kind: 'decision', text: 'x', segmentIds: ['s-001'] }],
      },
    });
    expect(ok.code).toBe('ok');
  });
});

describe('invisible characters', () => {
  it('strips bidi overrides and control characters from text fields; multi-line text keeps its lines', async () => {
    // U+202E would print «محضر» reversed in the minutes; U+0007 and U+0085 are invisible controls.
    const m = await create({
      title: 'محضر\u202e الدورة\u2066\u0007\u0085',
      place: 'قاعة\nالاجتماعات',
      participants: [{ id: 'p-001', name: '\u202bأحمد\u202c', title: 'المدير\u2069' }],
      segments: [{ ...seg('s-001', 0, 1), text: 'سطر أول\r\nسطر\tثان\u202d\u0000' }],
    });
    expect(m.title).toBe('محضر الدورة');
    expect(m.place).toBe('قاعة الاجتماعات'); // a one-line field: the line break becomes a space
    expect(m.participants[0]).toMatchObject({ name: 'أحمد', title: 'المدير' });
    expect(m.segments[0]!.text).toBe('سطر أول\nسطر\tثان');
    const stored = readFileSync(fileOf(m.id), 'utf8');
    expect(stored).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0085\u0007]/);
    const u = await call('updateMeeting', { id: m.id, fields: { chair: '\u202eسعاد\u202c', letterhead: ['المملكة\u0008 المغربية'] } });
    expect(u.value).toMatchObject({ chair: 'سعاد', letterhead: ['المملكة المغربية'] });
    // Marks that Arabic text needs (RLM, ZWJ) are kept.
    expect(cleanSingleLine('أ\u200fب\u200dج')).toBe('أ\u200fب\u200dج');
    expect(cleanMultiLine('a\rb')).toBe('a\nb');
  });
});

describe('updateMeeting', () => {
  it('refuses segments and decisions, so a save cannot wipe what a transcription appended', async () => {
    const m = await create({ title: 'x' });
    // A running job appends a segment after the form was loaded…
    await ctx.archive.update(m.id, (cur) => ({ ...cur, segments: [...cur.segments, seg('s-001', 0, 2)] }));
    // …a client that still holds the old, empty transcript cannot send it back.
    const r = await call('updateMeeting', { id: m.id, fields: { title: 'y', segments: [] } });
    expect(r.code).toBe('validation');
    expect((await call('updateMeeting', { id: m.id, fields: { decisions: [] } })).code).toBe('validation');
    const after = JSON.parse(readFileSync(fileOf(m.id), 'utf8')) as Meeting;
    expect(after.segments.map((s) => s.id)).toEqual(['s-001']);
    expect(after.title).toBe('x');
    // The form's fields are saved and the transcript is kept.
    expect(((await call('updateMeeting', { id: m.id, fields: { title: 'y' } })).value as Meeting).segments).toHaveLength(1);
  });

  it('refuses to remove a participant who speaks in the transcript, with their name, and saves nothing', async () => {
    const m = await create({
      participants: [{ id: 'p-001', name: 'محمد العلمي' }, { id: 'p-002', name: 'سعاد' }],
      segments: [seg('s-001', 0, 1, 'p-001'), seg('s-002', 1, 2, 'p-001')],
    });
    const r = await call('updateMeeting', { id: m.id, fields: { title: 'z', participants: [{ id: 'p-002', name: 'سعاد' }] } });
    expect(r.code).toBe('meeting.speakerInUse');
    expect(r.value).toEqual({ name: 'محمد العلمي', count: 2 });
    expect(errorMessages['meeting.speakerInUse'].ar(r.value as Record<string, string | number>)).toContain('محمد العلمي');
    const after = JSON.parse(readFileSync(fileOf(m.id), 'utf8')) as Meeting;
    expect(after.participants.map((p) => p.id)).toEqual(['p-001', 'p-002']);
    expect(after.title).toBe('');
    // Someone who does not speak can be removed; the speaker can be renamed.
    const ok = await call('updateMeeting', { id: m.id, fields: { participants: [{ id: 'p-001', name: 'محمد العلمي الإدريسي' }] } });
    expect(ok.code).toBe('ok');
    expect((ok.value as Meeting).segments.every((s) => s.speakerId === 'p-001')).toBe(true);
  });
});

describe('settings', () => {
  it('accept only a model Mahdar knows, or none', async () => {
    const r = await call('updateSettings', { settings: { modelId: 'no-such-model' } });
    expect(r.code).toBe('model.notFound');
    expect(r.value).toEqual({ model: 'no-such-model' });
    expect(((await call('getSettings', {})).value as { modelId: unknown }).modelId).toBe(null);
    expect((await call('updateSettings', { settings: { modelId: 'small' } })).code).toBe('ok'); // in the catalogue
    expect(((await call('getSettings', {})).value as { modelId: unknown }).modelId).toBe('small');
    expect((await call('updateSettings', { settings: { modelId: null } })).code).toBe('ok');
    expect((await call('updateSettings', { settings: { threads: 2 } })).code).toBe('ok');
    expect(((await call('getSettings', {})).value as { modelId: unknown }).modelId).toBe(null);
  });
});
