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
import { MahdarError, toErrorPayload, type ErrorPayload } from '../../shared/errors.ts';
import { dispatch } from '../service/index.ts';
import { forwardEvents } from '../service/events.ts';
import { mediaReply, type MeetingAudio } from '../service/media.ts';
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
  /** Opens a meeting's current recording by meeting id (main/service/media.ts openMeetingAudio). */
  openMedia: (meetingId: string) => Promise<MeetingAudio>;
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

  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 'host');
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return refuse(res, 'origin');

  // Origin-form only ('/path?query'). The base is prepended as text, never passed to new URL as a
  // base: '//evil.example/' would otherwise be read as another host.
  const raw = req.url ?? '';
  if (!raw.startsWith('/')) return sendJson(res, 400, badRequest('path'));
  let url: URL;
  try {
    url = new URL(`http://127.0.0.1${raw}`);
  } catch {
    return sendJson(res, 400, badRequest('path'));
  }
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    // First visit with the printed URL: keep the token in a cookie and drop it from the address bar.
    if (!tokenMatches(queryToken, opts.token)) return refuse(res, 'token');
    res.setHeader('Set-Cookie', `${cookieName(port)}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`);
    url.searchParams.delete('token');
    // One leading slash: '/.//evil.example/' normalises to the path '//evil.example/', which a
    // browser would follow to another host.
    const path = '/' + url.pathname.replace(/^\/+/, '');
    res.writeHead(303, { Location: path + (url.search || '') });
    res.end();
    return;
  }
  if (!tokenMatches(requestToken(req, port), opts.token)) return refuse(res, 'token');

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
    return sendJson(res, result.ok ? 200 : httpStatusOf(result.error.code), result);
  }

  if (url.pathname.startsWith('/download/') && req.method === 'GET') {
    const id = safeDecode(url.pathname.slice('/download/'.length));
    if (id === null) return sendJson(res, 400, badRequest('path'));
    let d: Awaited<ReturnType<ServeOptions['resolveDownload']>>;
    try {
      d = await opts.resolveDownload(id);
    } catch (err) {
      const error = toErrorPayload(err);
      return sendJson(res, error.code === 'validation' ? 400 : 404, { ok: false, error });
    }
    // Opened before answering: a file deleted since the export is a clear 404, never a crash.
    const fh = await open(d.file, 'r').catch(() => null);
    if (!fh) {
      const error = toErrorPayload(new MahdarError('export.failed', { detail: 'the exported file is no longer there; export again' }));
      return sendJson(res, 404, { ok: false, error });
    }
    sendFile(res, fh, {
      'Content-Type': d.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
    });
    return;
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'validation', params: { detail: 'method' } } });
  if (url.pathname.startsWith('/media/')) {
    // The one media resource: /media/<meetingId>/audio. Anything else under /media/ is a 404,
    // never the app page (an <audio> element would try to play the HTML).
    const m = /^\/media\/([^/]+)\/audio$/.exec(url.pathname);
    if (!m) return sendJson(res, 404, badRequest('path'));
    return serveMedia(req, res, opts, m[1]!);
  }
  return serveStatic(url.pathname, res, opts.staticDir);
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

/**
 * A meeting's recording for the page's <audio> element, with single byte ranges so that it can
 * seek (206 + Content-Range; 416 past the end). The file is opened before answering, so a
 * recording that is gone is a JSON 404; once streaming, a file deleted under us still arrives
 * whole (the open handle), and one that shrinks ends this response only, cut short (its
 * Content-Length is then not met, so the client cannot mistake it for the whole).
 */
async function serveMedia(req: IncomingMessage, res: ServerResponse, opts: ServeOptions, rawId: string): Promise<void> {
  const meetingId = safeDecode(rawId);
  if (meetingId === null) return sendJson(res, 400, badRequest('path'));
  let audio: MeetingAudio;
  try {
    audio = await opts.openMedia(meetingId);
  } catch (err) {
    const error = toErrorPayload(err);
    return sendJson(res, error.code === 'validation' ? 400 : 404, { ok: false, error });
  }
  const { handle } = audio;
  const reply = mediaReply(req.headers.range, audio.size, audio.contentType);
  res.writeHead(reply.status, reply.headers);
  if (req.method === 'HEAD' || !reply.range) {
    res.end();
    void handle.close().catch(() => undefined);
    return;
  }
  const { start, end } = reply.range;
  const stream = handle.createReadStream({ start, end });
  pipeline(stream, res, (err) => {
    if (err || stream.bytesRead < end - start + 1) res.destroy();
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
