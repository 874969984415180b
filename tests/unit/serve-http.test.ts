// Serve mode's HTTP server, started for real on a temporary data root with the real service, and
// hit with raw request paths (fetch would normalise '/.//' and reject bad %-encoding itself). No
// request, however malformed, and no file vanishing under a request, may stop the server.
import { request } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import { createService } from '../../main/service/index.ts';
import { resolveDownload } from '../../main/service/minutes.ts';
import { fileResolvers } from '../../main/service/files.ts';
import { startServe } from '../../main/serve/http-server.ts';
import type { MahdarService } from '../../shared/api.ts';
import { tempDir } from './asr-fixtures.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
type Served = Awaited<ReturnType<typeof startServe>>;

/** One request with the path exactly as given. `onResponse` runs when the headers have arrived. */
function raw(
  server: Served,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; onResponse?: () => Promise<void> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      const ready = opts.onResponse ? opts.onResponse() : Promise.resolve();
      ready.then(
        () => {
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
        reject,
      );
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const TOKEN = 'a'.repeat(48);
const json = (r: Reply) => JSON.parse(r.body.toString('utf8')) as { ok: boolean; error?: { code: string; params: Record<string, unknown> } };

let root: string;
let staticDir: string;
let ctx: ServiceContext;
let service: MahdarService;
let server: Served;
/** Set by a test: deletes the exported file once the request arrived, as if it vanished before the GET streamed it. */
let vanishOnRequest = false;
const auth = () => ({ Authorization: `Bearer ${TOKEN}` });
const api = (method: string, input: unknown) =>
  raw(server, `/api/${method}`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
/** The server still answers: the app page, with the token. */
async function stillUp(s: Served = server): Promise<void> {
  const r = await raw(s, '/', { headers: auth() });
  expect(r.status).toBe(200);
  expect(r.body.toString()).toContain('<title>Mahdar</title>');
}

beforeAll(async () => {
  root = tempDir('mahdar-serve-');
  staticDir = join(root, 'dist');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mahdar</title>');
  ctx = await createContext(join(root, 'data'));
  service = await createService(ctx);
  server = await startServe({
    service,
    events: ctx.events,
    staticDir,
    token: TOKEN,
    files: {
      ...fileResolvers(ctx),
      openDownload: async (id) => {
        if (vanishOnRequest) await rm((await resolveDownload(ctx, id)).file);
        return fileResolvers(ctx).openDownload(id);
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('malformed requests', () => {
  it('malformed %-encoding is a 400, in a page path and in a download id', async () => {
    for (const path of ['/%E0%A4%A', '/download/%E0%A4%A', '/%']) {
      const r = await raw(server, path, { headers: auth() });
      expect(r.status, path).toBe(400);
      expect(json(r).error?.code).toBe('validation');
    }
    await stillUp();
  });

  it('the token redirect never leads to another host', async () => {
    for (const path of [`/.//evil.example/?token=${TOKEN}`, `//evil.example/?token=${TOKEN}`, `/.//evil.example/x?token=${TOKEN}&a=1`, `/\\evil.example/?token=${TOKEN}`]) {
      const r = await raw(server, path);
      expect(r.status, path).toBe(303);
      const location = String(r.headers.location);
      expect(location, path).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, `http://127.0.0.1:${server.port}`).host).toBe(`127.0.0.1:${server.port}`);
    }
    const r = await raw(server, `/.//evil.example/x?token=${TOKEN}&a=1`);
    expect(r.headers.location).toBe('/evil.example/x?a=1');
    await stillUp();
  });
});

describe('the token cookie', () => {
  it('carries the port, so that two serve instances keep their own tokens', async () => {
    const otherToken = 'b'.repeat(48);
    const other = await startServe({ service, events: ctx.events, staticDir, token: otherToken, files: fileResolvers(ctx) });
    try {
      const cookieOf = async (s: Served, token: string) => {
        const r = await raw(s, `/?token=${token}`);
        expect(r.status).toBe(303);
        return String((r.headers['set-cookie'] as string[])[0]).split(';')[0]!;
      };
      const mine = await cookieOf(server, TOKEN);
      const theirs = await cookieOf(other, otherToken);
      expect(mine.split('=')[0]).toBe(`mahdar_token_${server.port}`);
      expect(theirs.split('=')[0]).toBe(`mahdar_token_${other.port}`);
      // A browser sends both cookies to both (cookies ignore the port): each server finds its own.
      const jar = `${mine}; ${theirs}`;
      expect((await raw(server, '/', { headers: { Cookie: jar } })).status).toBe(200);
      expect((await raw(other, '/', { headers: { Cookie: jar } })).status).toBe(200);
      expect((await raw(other, '/', { headers: { Cookie: mine } })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('service errors travel with a fitting HTTP status', () => {
  it('400, 404, 409, 413, and the JSON body keeps the code', async () => {
    const bad = await api('getMeeting', { id: 42 });
    expect([bad.status, json(bad).error?.code]).toEqual([400, 'validation']);
    const missing = await api('getMeeting', { id: 'm-doesnotexist' });
    expect([missing.status, json(missing).error?.code]).toEqual([404, 'meeting.notFound']);
    const unknown = await api('readFile', {});
    expect([unknown.status, json(unknown).error?.code]).toEqual([404, 'request.unknownMethod']);
    const huge = await api('beginUpload', { name: 'huge.wav', size: 9 * 1024 ** 3 });
    expect([huge.status, json(huge).error]).toEqual([413, { code: 'upload.tooLarge', params: { limit: '8 GiB' } }]);
    const begun = await api('beginUpload', { name: 'a.wav', size: 4 });
    const { uploadId } = (json(begun) as unknown as { value: { uploadId: string } }).value;
    const offset = await api('uploadChunk', { uploadId, offset: 2, data: 'QUJD' });
    expect([offset.status, json(offset).error]).toEqual([409, { code: 'upload.offset', params: { expected: 0 } }]);
    const ok = await api('listMeetings', {});
    expect([ok.status, json(ok).ok]).toEqual([200, true]);
  });
});

describe('files that vanish', () => {
  it('a download whose file was deleted after the export is a 404, and the server keeps serving', async () => {
    const created = json(await api('createMeeting', { fields: { title: 'اجتماع' } })) as unknown as { value: { id: string } };
    const exported = json(await api('exportMeeting', { meetingId: created.value.id, format: 'txt' })) as unknown as { value: { downloadId: string } };
    const path = `/download/${encodeURIComponent(exported.value.downloadId)}`;
    const first = await raw(server, path, { headers: auth() });
    expect(first.status).toBe(200);
    expect(first.headers['content-disposition']).toContain('attachment');
    // The file goes as the request arrives, after the export that named it.
    vanishOnRequest = true;
    try {
      const gone = await raw(server, path, { headers: auth() });
      expect(gone.status).toBe(404);
      expect(json(gone).error?.code).toBe('export.failed');
    } finally {
      vanishOnRequest = false;
    }
    // Deleted before the request: the same clear answer.
    const again = await raw(server, path, { headers: auth() });
    expect(again.status).toBe(404);
    await stillUp();
  });

  it('a static file deleted while it is being sent still arrives whole', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 'x');
    writeFileSync(join(staticDir, 'big.js'), big);
    const r = await raw(server, '/big.js', { headers: auth(), onResponse: () => rm(join(staticDir, 'big.js')) });
    expect(r.status).toBe(200);
    expect(r.body.equals(big)).toBe(true);
    await stillUp();
  });

  it('with the interface deleted (vite build emptying dist/), pages are a 404 until it is back', async () => {
    rmSync(join(staticDir, 'index.html'));
    for (const path of ['/', '/meetings/m-1', '/app.js']) {
      const r = await raw(server, path, { headers: auth() });
      expect(r.status, path).toBe(404);
    }
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Mahdar</title>');
    await stillUp();
  });
});
