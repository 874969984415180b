// The recording reaches the page by meeting id: serve mode's GET /media/<meetingId>/audio, hit
// with raw requests on a real server and the real service, as the <audio> element would (byte
// ranges to seek, HEAD). A request never names a file, and nothing that happens to the file
// while it is sent may stop the server.
import { request } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { fileResolvers } from '../../main/service/files.ts';
import { parseByteRange } from '../../main/service/media.ts';
import { startServe } from '../../main/serve/http-server.ts';
import { tempDir } from './asr-fixtures.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The response was cut before its declared end. */
  aborted: boolean;
}
type Served = Awaited<ReturnType<typeof startServe>>;

const TOKEN = 'c'.repeat(48);
const auth = { Authorization: `Bearer ${TOKEN}` };

function raw(
  server: Served,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; onResponse?: () => Promise<void> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const done = (aborted: boolean) => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), aborted });
      (opts.onResponse ? opts.onResponse() : Promise.resolve()).then(() => {
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(!res.complete));
        res.on('error', () => done(true));
        res.on('aborted', () => done(true));
      }, reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Distinct bytes everywhere, so that any misplaced range shows. */
function pattern(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) b.writeUInt32LE(i, i);
  return b;
}

let root: string;
let ctx: ServiceContext;
let server: Served;
let meetingId: string;
let noAudioId: string;
const DATA = pattern(200_000);

async function setAudio(id: string, file: string, data: Buffer): Promise<string> {
  const path = join(ctx.archive.meetingDir(id), file);
  writeFileSync(path, data);
  await ctx.archive.update(id, (m) => ({ ...m, audio: { file, durationSec: data.length / 32_000, originalName: 'x.wav' } }));
  return path;
}
const media = (id = meetingId) => `/media/${id}/audio`;
async function stillUp(): Promise<void> {
  const r = await raw(server, '/', { headers: auth });
  expect(r.status).toBe(200);
  expect(r.body.toString()).toContain('<title>Mahdar</title>');
}

beforeAll(async () => {
  root = tempDir('mahdar-media-');
  const staticDir = join(root, 'dist');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mahdar</title>');
  ctx = await createContext(join(root, 'data'));
  const service = await createService(ctx);
  server = await startServe({
    service,
    events: ctx.events,
    staticDir,
    token: TOKEN,
    files: fileResolvers(ctx),
  });
  meetingId = (await ctx.archive.create({ title: 'صوت' })).id;
  noAudioId = (await ctx.archive.create({ title: 'بلا صوت' })).id;
  await setAudio(meetingId, 'audio-0001.wav', DATA);
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('GET /media/<meetingId>/audio', () => {
  it('sends the whole recording as audio/wav, saying that ranges are accepted', async () => {
    const r = await raw(server, media(), { headers: auth });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('audio/wav');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-length']).toBe(String(DATA.length));
    expect(r.body.equals(DATA)).toBe(true);
  });

  it('answers byte ranges with 206 and the exact bytes: first, middle, suffix, open-ended, past the end', async () => {
    const n = DATA.length;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-1999', 1000, 1999],
      ['bytes=-100', n - 100, n - 1],
      ['bytes=150000-', 150_000, n - 1],
      ['bytes=199990-300000', 199_990, n - 1],
    ];
    for (const [range, start, end] of cases) {
      const r = await raw(server, media(), { headers: { ...auth, Range: range } });
      expect(r.status, range).toBe(206);
      expect(r.headers['content-range'], range).toBe(`bytes ${start}-${end}/${n}`);
      expect(r.headers['content-length'], range).toBe(String(end - start + 1));
      expect(r.body.equals(DATA.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('a range past the end is a 416 that gives the size; several ranges get the whole file', async () => {
    const r = await raw(server, media(), { headers: { ...auth, Range: `bytes=${DATA.length}-` } });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${DATA.length}`);
    const several = await raw(server, media(), { headers: { ...auth, Range: 'bytes=0-1,5-9' } });
    expect(several.status).toBe(200);
    expect(several.body.length).toBe(DATA.length);
  });

  it('HEAD gives the headers of GET and no body', async () => {
    const r = await raw(server, media(), { method: 'HEAD', headers: auth });
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe(String(DATA.length));
    expect(r.body.length).toBe(0);
    const part = await raw(server, media(), { method: 'HEAD', headers: { ...auth, Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${DATA.length}`);
  });

  it('needs the token like every other request', async () => {
    const r = await raw(server, media());
    expect(r.status).toBe(401);
    expect(r.body.includes(DATA.subarray(0, 16))).toBe(false);
  });

  it('refuses what is not a meeting with audio: unknown meeting, no audio, bad id, other paths', async () => {
    const unknown = await raw(server, media('m-doesnotexist'), { headers: auth });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString()).error.code).toBe('meeting.notFound');
    const none = await raw(server, media(noAudioId), { headers: auth });
    expect(none.status).toBe(404);
    expect(JSON.parse(none.body.toString()).error.code).toBe('audio.missing');
    for (const id of ['..%2F..%2Fetc', '..%2Fserve-token', 'M-UPPER', '%E0%A4%A', '%20m-abc']) {
      const r = await raw(server, media(id), { headers: auth });
      expect(r.status, id).toBe(400);
    }
    // Never the app page, which an <audio> element would try to play.
    for (const path of [`/media/${meetingId}/audio/x`, `/media/${meetingId}`, `/media/${meetingId}/audio-0001.wav`, '/media/']) {
      const r = await raw(server, path, { headers: auth });
      expect(r.status, path).toBe(404);
      expect(r.headers['content-type'], path).toMatch(/^application\/json/);
    }
    // Dot segments are resolved before routing: they leave /media/ and never reach a recording.
    for (const path of ['/media/%2E%2E/audio', `/media/x/../${meetingId}/audio/../../../serve-token`]) {
      const r = await raw(server, path, { headers: auth });
      expect(r.headers['content-type'], path).not.toMatch(/audio/);
    }
  });

  it('follows a new import: the same address plays the new recording', async () => {
    const id = (await ctx.archive.create({ title: 'إعادة' })).id;
    const first = await setAudio(id, 'audio-aaaa.wav', pattern(1000));
    const next = Buffer.from('RIFF-new-recording');
    await setAudio(id, 'audio-bbbb.wav', next);
    await rm(first);
    const r = await raw(server, media(id), { headers: auth });
    expect(r.body.equals(next)).toBe(true);
  });
});

describe('the file changing while it is sent', () => {
  const BIG = pattern(16 * 1024 * 1024);
  it('a recording deleted mid-stream still arrives whole, and the server keeps serving', async () => {
    const id = (await ctx.archive.create({ title: 'حذف' })).id;
    const file = await setAudio(id, 'audio-cccc.wav', BIG);
    const r = await raw(server, media(id), { headers: auth, onResponse: () => rm(file) });
    expect(r.status).toBe(200);
    expect(r.body.equals(BIG)).toBe(true);
    const after = await raw(server, media(id), { headers: auth });
    expect(after.status).toBe(404);
    await stillUp();
  });

  it('a recording cut short mid-stream ends that response only, visibly short', async () => {
    const id = (await ctx.archive.create({ title: 'بتر' })).id;
    const file = await setAudio(id, 'audio-dddd.wav', BIG);
    const r = await raw(server, media(id), { headers: auth, onResponse: () => truncate(file, 1000) });
    expect(r.status).toBe(200);
    expect(r.body.length).toBeLessThan(BIG.length);
    expect(r.aborted).toBe(true);
    await stillUp();
  });
});

describe('parseByteRange', () => {
  it('reads the forms a media element sends and ignores the rest', () => {
    expect(parseByteRange(undefined, 10)).toBeNull();
    expect(parseByteRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseByteRange('bytes=-30', 10)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=5-2', 10)).toBeNull();
    expect(parseByteRange('items=0-1', 10)).toBeNull();
    expect(parseByteRange('bytes=0-1,3-4', 10)).toBeNull();
    expect(parseByteRange('bytes=-', 10)).toBeNull();
  });
});
