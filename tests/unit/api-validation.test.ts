// The trust boundary: every request is validated in main before any service code runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiMethods, type MahdarService } from '../../shared/api.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { createService, dispatch } from '../../main/service/index.ts';

let root: string;
let ctx: ServiceContext;
let service: MahdarService;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mahdar-api-'));
  ctx = await createContext(root);
  service = await createService(ctx);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const call = (method: string, input: unknown) => dispatch(service, method, input);
const errCode = async (method: string, input: unknown) => {
  const r = await call(method, input);
  return r.ok ? 'ok' : r.error.code;
};

describe('API validation', () => {
  it('the list of commands is the contract: the service implements exactly those', () => {
    expect(apiMethods.length).toBeGreaterThan(15);
    expect(Object.keys(service).sort()).toEqual([...apiMethods].sort());
  });

  it('every command has a schema that refuses what is not its argument object', async () => {
    // A command whose schema were missing or accepted anything (z.unknown, z.any) would let these through.
    for (const m of apiMethods) {
      for (const bad of ['m-123', 42, true, []]) expect(await errCode(m, bad), `${m} ${JSON.stringify(bad)}`).toBe('validation');
    }
  });

  it('refuses unknown commands', async () => {
    expect(await errCode('readFile', { path: '/etc/passwd' })).toBe('request.unknownMethod');
    expect(await errCode('__proto__', {})).toBe('request.unknownMethod');
    expect(await errCode('constructor', {})).toBe('request.unknownMethod');
  });

  it('refuses unknown fields in every command', async () => {
    for (const m of apiMethods) expect(await errCode(m, { path: '/etc/passwd', __proto__x: 1 })).toBe('validation');
  });

  it('refuses bad types', async () => {
    expect(await errCode('getMeeting', { id: 42 })).toBe('validation');
    expect(await errCode('getMeeting', 'm-123')).toBe('validation');
    expect(await errCode('createMeeting', { fields: { participants: 'أحمد' } })).toBe('validation');
    expect(await errCode('createMeeting', { fields: { date: '20/11/2026' } })).toBe('validation');
    expect(await errCode('createMeeting', { fields: { date: '2026-02-30' } })).toBe('validation');
    expect(await errCode('createMeeting', { fields: { startTime: '99:99' } })).toBe('validation');
    expect(await errCode('createMeeting', { fields: { participants: 'أحمد', segments: [{ id: 's-001', start: 0, end: 1, text: '', speakerId: 'p-1' }] } })).toBe('validation');
    expect(await errCode('updateMeeting', { id: 'm-abc', fields: { segments: [] } })).toBe('validation');
    expect(await errCode('updateMeeting', { id: 'm-abc', fields: { decisions: [] } })).toBe('validation');
    expect(await errCode('updateSettings', { settings: { modelId: 'no-such-model' } })).toBe('model.notFound');
    expect(await errCode('updateSettings', { settings: { threads: -1 } })).toBe('validation');
    expect(await errCode('exportMeeting', { meetingId: 'm-abc', format: 'exe' })).toBe('validation');
  });

  it('refuses oversized strings and lists', async () => {
    expect(await errCode('createMeeting', { fields: { title: 'م'.repeat(301) } })).toBe('validation');
    expect(await errCode('listMeetings', { query: 'x'.repeat(10_000) })).toBe('validation');
    const many = Array.from({ length: 501 }, (_, i) => ({ id: `p-${String(i).padStart(4, '0')}`, name: 'x' }));
    expect(await errCode('createMeeting', { fields: { participants: many } })).toBe('validation');
  });

  it('refuses paths where ids are expected', async () => {
    for (const id of ['../../etc', '/tmp/x', 'C:\\Windows', 'a/b']) {
      expect(await errCode('getMeeting', { id })).toBe('validation');
      expect(await errCode('importAudio', { meetingId: 'm-abc', uploadId: id })).toBe('validation');
    }
  });

  it('accepts a valid request and gives the same error payload shape on failure', async () => {
    const created = await call('createMeeting', { fields: { title: 'لقاء' } });
    expect(created.ok).toBe(true);
    const missing = await call('getMeeting', { id: 'm-0000000000000000' });
    expect(missing).toEqual({ ok: false, error: { code: 'meeting.notFound', params: {} } });
  });

  it('an approved meeting refuses changes', async () => {
    const r = await call('createMeeting', { fields: { title: 'x' } });
    if (!r.ok) throw new Error('create failed');
    const id = (r.value as { id: string }).id;
    await ctx.archive.update(id, (m) => ({ ...m, status: 'approved' }));
    expect(await errCode('updateMeeting', { id, fields: { title: 'y' } })).toBe('meeting.readOnly');
  });
});
