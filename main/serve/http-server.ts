// Serve mode: the same service over loopback HTTP, so the same React build runs in a browser
// (e2e tests, an official reviewing on another screen). Loopback only; a random token on every
// request (query on first visit, then an HttpOnly SameSite=Strict cookie, or a Bearer header);
// Host and Origin checked against our own address (DNS rebinding, cross-site requests).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { MAX_REQUEST_BYTES, type MahdarService } from '../../shared/api.ts';
import { toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import { dispatch } from '../service/index.ts';
import { forwardEvents } from '../service/events.ts';
import type { FileResolvers } from '../service/files.ts';
import type { EventBus } from '../context/events.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';

export interface ServeOptions {
  service: MahdarService;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  token: string;
  port?: number;
  /** Exports by download id and recordings by meeting id (main/service/files.ts fileResolvers). */
  files: FileResolvers;
}

/** Cookies are shared by every port of a host: the name carries the port, so that two serve
 * instances on the same computer do not overwrite each other's token. */
const cookieName = (port: number) => `mahdar_token_${port}`;

/**
 * The HTTP status that goes with a service error (the JSON body keeps the code and params), so
 * that HTTP clients and logs see refusals for what they are. Keyed by plain strings: a code that
 * is renamed falls back to 500 instead of breaking the build.
 */
const STATUS: Record<string, number> = {
  validation: 400,
  'audio.empty': 400,
  'audio.unreadable': 400,
  'model.invalid': 400,
  'model.englishOnly': 400,
  'model.checksum': 400,
  'request.unauthorized': 401,
  'request.unknownMethod': 404,
  'meeting.notFound': 404,
  'model.notFound': 404,
  'upload.notFound': 404,
  'audio.missing': 409,
  'job.running': 409,
  'job.blocksApproval': 409,
  'meeting.readOnly': 409,
  'meeting.busy': 409,
  'meeting.futureVersion': 409,
  'meeting.speakerInUse': 409,
  'meeting.inconsistent': 409,
  'upload.offset': 409,
  'edit.conflict': 409,
  'edit.undoConflict': 409,
  'edit.nothingToUndo': 409,
  'edit.nothingToRedo': 409,
  'recording.active': 409,
  'recording.gap': 409,
  'recording.paused': 409,
  'recording.cannotContinue': 409,
  'recording.badChunk': 400,
  'recording.tooLong': 413,
  'passage.running': 409,
  'passage.cancelled': 409,
  'passage.noSpeech': 422,
  'bag.notApproved': 409,
  'bag.recordDamaged': 409,
  'request.tooLarge': 413,
  'audio.tooLarge': 413,
  'upload.tooLarge': 413,
  'disk.full': 507,
  'upload.noSpace': 507,
};
export function httpStatusOf(code: string): number {
  const status = Object.hasOwn(STATUS, code) ? STATUS[code] : undefined;
  if (status) return status;
  if (/(^|\.)notFound$|NotFound$/.test(code)) return 404;
  // The other edit refusals are requests that cannot apply (bad split, unknown speaker, ...).
  if (code.startsWith('edit.')) return 400;
  return 500;
}

const badRequest = (detail: string) => ({ ok: false, error: { code: 'validation', params: { detail } } });
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
    // A client that goes away mid-request must not become an unhandled 'error' event.
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
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
  const url = admit(req, res, opts.token, port);
  if (!url) return;

  if (url.pathname.startsWith('/api/')) {
    const method = url.pathname.slice('/api/'.length);
    if (method === 'events' && req.method === 'GET') return streamEvents(req, res, opts.events, streams);
    return serveCommand(req, res, opts.service, method);
  }
  if (url.pathname.startsWith('/download/') && req.method === 'GET') return serveDownload(res, opts.files, url.pathname.slice('/download/'.length));
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'validation', params: { detail: 'method' } } });
  if (url.pathname.startsWith('/media/')) {
    // The one media resource: /media/<meetingId>/audio. Anything else under /media/ is a 404,
    // never the app page (an <audio> element would try to play the HTML).
    const m = /^\/media\/([^/]+)\/audio$/.exec(url.pathname);
    if (!m) return sendJson(res, 404, badRequest('path'));
    return serveMedia(req, res, opts.files, m[1]!);
  }
  return serveStatic(url.pathname, res, opts.staticDir);
}

/**
 * The request's URL when it may be answered: our own Host and Origin, an origin-form path, and
 * the token. Otherwise the refusal (or, on the first visit with the printed URL, the redirect
 * that sets the cookie) is sent and null returned.
 */
function admit(req: IncomingMessage, res: ServerResponse, token: string, port: number): URL | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    refuse(res, 'host');
    return null;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    refuse(res, 'origin');
    return null;
  }

  // Origin-form only ('/path?query'). The base is prepended as text, never passed to new URL as a
  // base: '//evil.example/' would otherwise be read as another host.
  const raw = req.url ?? '';
  let url: URL | null = null;
  try {
    if (raw.startsWith('/')) url = new URL(`http://127.0.0.1${raw}`);
  } catch {
    url = null;
  }
  if (!url) {
    sendJson(res, 400, badRequest('path'));
    return null;
  }
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    // First visit with the printed URL: keep the token in a cookie and drop it from the address bar.
    if (!tokenMatches(queryToken, token)) {
      refuse(res, 'token');
      return null;
    }
    res.setHeader('Set-Cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    url.searchParams.delete('token');
    // One leading slash: '/.//evil.example/' normalises to the path '//evil.example/', which a
    // browser would follow to another host.
    const path = '/' + url.pathname.replace(/^\/+/, '');
    res.writeHead(303, { Location: path + (url.search || '') });
    res.end();
    return null;
  }
  if (!tokenMatches(requestToken(req, port), token)) {
    refuse(res, 'token');
    return null;
  }
  return url;
}

/** POST /api/<method>: a JSON argument in, the result envelope out, with a fitting status. */
async function serveCommand(req: IncomingMessage, res: ServerResponse, service: MahdarService, method: string): Promise<void> {
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
  const result = await dispatch(service, method, input);
  return sendJson(res, result.ok ? 200 : httpStatusOf(result.error.code), result);
}

/** What `open` gives, or null once its refusal is answered: a refused id is a 400, a file gone a 404. */
async function openOrRefuse<T>(res: ServerResponse, open: () => Promise<T>): Promise<T | null> {
  try {
    return await open();
  } catch (err) {
    const error = toErrorPayload(err);
    sendJson(res, error.code === 'validation' ? 400 : 404, { ok: false, error });
    return null;
  }
}

/** GET /download/<id>: an export as an attachment; a refused id is a 400, a file gone a 404. */
async function serveDownload(res: ServerResponse, files: FileResolvers, rawId: string): Promise<void> {
  const id = safeDecode(rawId);
  if (id === null) return sendJson(res, 400, badRequest('path'));
  const d = await openOrRefuse(res, () => files.openDownload(id));
  if (!d) return;
  sendFile(res, d.handle, {
    'Content-Type': d.contentType,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
  });
}

function requestToken(req: IncomingMessage, port: number): string {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === cookieName(port) && v) return v;
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
  // Nothing is written once the stream is ended (server closing) or the client has gone.
  const send = (text: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(text);
  };
  const unsubscribe = forwardEvents(events, (e) => send(`data: ${JSON.stringify(e)}\n\n`));
  const keepAlive = setInterval(() => send(': ping\n\n'), 15_000);
  const stop = () => {
    streams.delete(res);
    clearInterval(keepAlive);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}

/** decodeURIComponent, or null for malformed %-encoding. */
function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Streams an open file as the response. Whatever happens to the file or the client from here on
 * (deleted: its data stays readable through the open handle; a read error; the client leaves)
 * ends this response only. No Content-Length: a file rewritten under us ends the body cleanly.
 */
function sendFile(res: ServerResponse, fh: FileHandle, headers: Record<string, string>): void {
  res.writeHead(200, headers);
  if (res.req.method === 'HEAD') {
    res.end();
    void fh.close().catch(() => undefined);
    return;
  }
  pipeline(fh.createReadStream(), res, (err) => {
    if (err) res.destroy();
  });
}

/** GET or HEAD /media/<meetingId>/audio: the player's recording (main/service/media.ts meetingAudioReply). */
async function serveMedia(req: IncomingMessage, res: ServerResponse, files: FileResolvers, rawId: string): Promise<void> {
  const meetingId = safeDecode(rawId);
  if (meetingId === null) return sendJson(res, 400, badRequest('path'));
  const reply = await openOrRefuse(res, () => files.openMedia(meetingId, { method: req.method ?? 'GET', range: req.headers.range }));
  if (!reply) return;
  res.writeHead(reply.status, reply.headers);
  if (!reply.body) {
    res.end();
    return;
  }
  // A body that fails (the file shrank) cuts this response short: the client sees it unfinished.
  pipeline(reply.body, res, (err) => {
    if (err) res.destroy();
  });
}

/** Opens a regular file for reading; null when it is missing, a folder, or unreadable. */
async function openFile(file: string): Promise<FileHandle | null> {
  const fh = await open(file, 'r').catch(() => null);
  if (!fh) return null;
  const st = await fh.stat().catch(() => null);
  if (st?.isFile()) return fh;
  await fh.close().catch(() => undefined);
  return null;
}

async function serveStatic(pathname: string, res: ServerResponse, root: string): Promise<void> {
  const decoded = safeDecode(pathname);
  if (decoded === null) return sendJson(res, 400, badRequest('path'));
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root) + sep)) return sendJson(res, 404, badRequest('path'));
  // Unknown paths fall back to the app page (client-side views). Files are opened, not stat-ed
  // then opened: `vite build` may delete any of them at any moment.
  let target = file;
  let fh = await openFile(file);
  if (!fh) {
    target = join(root, 'index.html');
    fh = await openFile(target);
  }
  if (!fh) return sendJson(res, 404, badRequest('not found (is the interface built?)'));
  const type = MIME[extname(target)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  sendFile(res, fh, headers);
}
