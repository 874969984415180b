// Serve mode: the same service over loopback HTTP, so the same React build runs in a browser
// (e2e tests, an official reviewing on another screen). Loopback only; a random token on every
// request (query on first visit, then an HttpOnly SameSite=Strict cookie, or a Bearer header);
// Host and Origin checked against our own address (DNS rebinding, cross-site requests).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { MAX_REQUEST_BYTES, type MahdarService } from '../../shared/api.ts';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import { dispatch } from '../service/index.ts';
import type { EventBus } from '../context/events.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';

export interface ServeOptions {
  service: MahdarService;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  token: string;
  port?: number;
  /** Resolves an export's download id to a file inside the archive. */
  resolveDownload: (downloadId: string) => Promise<{ file: string; fileName: string; contentType: string }>;
}

const COOKIE = 'mahdar_token';
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startServe(opts: ServeOptions): Promise<{ server: Server; url: string; port: number; close(): Promise<void> }> {
  // Open event streams, ended on close so that the server can stop at once.
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res, opts, port, streams).catch((err) => {
      console.error('mahdar serve:', err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorPayload(err) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${opts.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: ServeOptions, port: number, streams: Set<ServerResponse>): Promise<void> {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');

  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 'host');
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return refuse(res, 'origin');

  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    // First visit with the printed URL: keep the token in a cookie and drop it from the address bar.
    if (!tokenMatches(queryToken, opts.token)) return refuse(res, 'token');
    res.setHeader('Set-Cookie', `${COOKIE}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`);
    url.searchParams.delete('token');
    res.writeHead(303, { Location: url.pathname + (url.search || '') });
    res.end();
    return;
  }
  if (!tokenMatches(requestToken(req), opts.token)) return refuse(res, 'token');

  if (url.pathname.startsWith('/api/')) {
    const method = url.pathname.slice('/api/'.length);
    if (method === 'events' && req.method === 'GET') return streamEvents(req, res, opts.events, streams);
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'validation', params: { detail: 'POST only' } } });
    // A simple-request form post from another site cannot set this header.
    if (req.headers['content-type']?.split(';')[0] !== 'application/json') {
      return sendJson(res, 415, { ok: false, error: { code: 'validation', params: { detail: 'content-type' } } });
    }
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'request.tooLarge', params: {} } });
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'validation', params: { detail: 'JSON' } } });
    }
    const result = await dispatch(opts.service, method, input);
    return sendJson(res, 200, result);
  }

  if (url.pathname.startsWith('/download/') && req.method === 'GET') {
    const id = decodeURIComponent(url.pathname.slice('/download/'.length));
    try {
      const d = await opts.resolveDownload(id);
      res.writeHead(200, {
        'Content-Type': d.contentType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
      });
      createReadStream(d.file).pipe(res);
    } catch (err) {
      sendJson(res, 404, { ok: false, error: toErrorPayload(err) });
    }
    return;
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'validation', params: { detail: 'method' } } });
  return serveStatic(url.pathname, res, opts.staticDir);
}

function requestToken(req: IncomingMessage): string {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return v;
  }
  return '';
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(res: ServerResponse, why: string): void {
  const error: ErrorPayload = { code: 'request.unauthorized', params: { why } };
  sendJson(res, why === 'token' ? 401 : 403, { ok: false, error });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Reads a body up to `limit` bytes; returns null (and stops reading) when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function streamEvents(req: IncomingMessage, res: ServerResponse, events: EventBus, streams: Set<ServerResponse>): void {
  streams.add(res);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    streams.delete(res);
    clearInterval(keepAlive);
    unsubscribe();
  });
}

async function serveStatic(pathname: string, res: ServerResponse, root: string): Promise<void> {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) return sendJson(res, 404, { ok: false, error: { code: 'validation', params: { detail: 'path' } } });
  const st = await stat(file).catch(() => null);
  // Unknown paths fall back to the app page (client-side views).
  const target = st?.isFile() ? file : join(root, 'index.html');
  const type = MIME[extname(target)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  createReadStream(target).pipe(res);
}
