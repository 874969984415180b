// A Drafter that asks an OpenAI-compatible server on this computer (llama.cpp's llama-server,
// Ollama…) through POST {url}/chat/completions. The address is checked to be loopback before any
// request (loopback.ts), and a redirect is never followed: the words stay on this machine.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { MahdarError } from '../../shared/errors.ts';
import type { DraftRequest, DraftResult, Drafter } from './drafter.ts';
import { checkLoopback, loopbackLookup } from './loopback.ts';

export interface EndpointOptions {
  /** The server's base URL (`http://127.0.0.1:8080/v1`); a URL ending in /chat/completions is used as is. */
  url: string;
  /** The model to ask for (Ollama needs one; llama-server serves the one it loaded). */
  model: string;
  /** How long the server may take to accept the connection, and to write the whole draft. */
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
}

/** Low: a summary restates, it does not invent. */
const TEMPERATURE = 0.2;
/** A chat reply is a few KB; anything past this is not one. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** The chat completions URL of a server's base URL, after the loopback check. */
export function chatCompletionsUrl(url: string): URL {
  const parsed = checkLoopback(url);
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = /\/chat\/completions$/.test(path) ? path : `${path}/chat/completions`;
  return parsed;
}

export function endpointDrafter(opts: EndpointOptions): Drafter {
  const target = chatCompletionsUrl(opts.url);
  let served = '';
  return {
    // The server's own name for its model once it has answered, when none was asked for.
    get modelName() {
      return opts.model.trim() || served || target.host;
    },
    async draft(req: DraftRequest, signal: AbortSignal): Promise<DraftResult> {
      const body = JSON.stringify({
        model: opts.model,
        messages: [
          { role: 'system', content: req.system },
          { role: 'user', content: req.user },
        ],
        max_tokens: req.maxTokens,
        temperature: TEMPERATURE,
        stream: false,
      });
      const started = performance.now();
      const res = await post(target, body, signal, opts);
      const result = parseReply(res, performance.now() - started);
      served = result.served;
      return { text: result.text, tokens: result.tokens, modelMs: result.modelMs };
    },
    async close() {
      // Nothing held: each draft is one request.
    },
  };
}

interface RawReply {
  status: number;
  location: string | undefined;
  body: string;
}

/** One POST; resolves with whatever status came back, rejects with a MahdarError. */
function post(target: URL, body: string, signal: AbortSignal, opts: EndpointOptions): Promise<RawReply> {
  if (signal.aborted) return Promise.reject(new MahdarError('drafting.cancelled'));
  const shown = target.origin;
  return new Promise((resolve, reject) => {
    let failure: MahdarError | null = null;
    const fail = (err: MahdarError) => {
      failure ??= err;
      req.destroy();
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), accept: 'application/json' },
      lookup: loopbackLookup,
    });
    const onAbort = () => fail(new MahdarError('drafting.cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    const connectTimer = setTimeout(() => fail(new MahdarError('drafting.endpointUnreachable', { url: shown })), opts.connectTimeoutMs ?? 10_000);
    const replyTimer = setTimeout(() => fail(new MahdarError('drafting.endpointUnreachable', { url: shown })), opts.replyTimeoutMs ?? 15 * 60_000);
    let settled = false;
    const settle = (outcome: RawReply | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(replyTimer);
      signal.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (outcome instanceof MahdarError) reject(outcome);
      else if (outcome instanceof Error) reject(new MahdarError('drafting.endpointUnreachable', { url: shown }));
      else resolve(outcome);
    };
    req.on('socket', (s) => {
      if (!s.connecting) clearTimeout(connectTimer);
      else s.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', settle);
    req.on('response', (res) => {
      readBody(res, fail).then((text) => settle({ status: res.statusCode ?? 0, location: res.headers.location, body: text }), settle);
    });
    req.end(body);
  });
}

function readBody(res: IncomingMessage, fail: (err: MahdarError) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REPLY_BYTES) fail(new MahdarError('drafting.badReply'));
      else chunks.push(c);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    // Cut before its end (a cancel, a server that died mid-reply): no 'end' comes.
    res.on('close', () => {
      if (!res.complete) reject(new Error('reply cut short'));
    });
  });
}

interface ParsedReply extends DraftResult {
  served: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

function parseReply(res: RawReply, elapsedMs: number): ParsedReply {
  if (res.status >= 300 && res.status < 400) {
    throw new MahdarError('drafting.endpointError', { status: res.status, detail: `(redirect to ${res.location ?? '?'} not followed)` });
  }
  let json: Record<string, unknown> | null = null;
  try {
    const v: unknown = JSON.parse(res.body);
    if (v && typeof v === 'object') json = v as Record<string, unknown>;
  } catch {
    // Not JSON: an error page, or not a chat server at all.
  }
  if (res.status < 200 || res.status >= 300) throw new MahdarError('drafting.endpointError', { status: res.status, detail: errorDetail(json, res.body) });
  const choice = Array.isArray(json?.choices) ? (json.choices[0] as { message?: { content?: unknown } } | undefined) : undefined;
  const content = choice?.message?.content;
  if (typeof content !== 'string') throw new MahdarError('drafting.badReply');
  const usage = json?.usage as Record<string, unknown> | undefined;
  const timings = json?.timings as Record<string, unknown> | undefined;
  return {
    text: content.trim(),
    tokens: num(usage?.completion_tokens) ?? num(timings?.predicted_n) ?? 0,
    // llama-server says how long the model itself took; otherwise the whole request counts.
    modelMs: num(timings?.predicted_ms) ?? elapsedMs,
    served: typeof json?.model === 'string' ? json.model : '',
  };
}

/** The server's own words about the error, short: `{error: {message}}`, `{error: "…"}` or the text. */
function errorDetail(json: Record<string, unknown> | null, body: string): string {
  const e = json?.error;
  const said = typeof e === 'string' ? e : e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : json ? '' : body;
  const short = said.replace(/\s+/g, ' ').trim().slice(0, 200);
  return short ? `: ${short}` : '';
}
