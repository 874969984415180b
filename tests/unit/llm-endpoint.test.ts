// The endpoint drafter against a real HTTP server started here that speaks the OpenAI chat
// protocol (as llama-server and Ollama do): what it sends, what it takes back, and every way the
// server or the address can be wrong. Addresses off this computer are refused before any request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { endpointDrafter } from '../../main/llm/endpoint.ts';
import { checkLoopback, isLoopbackAddress } from '../../main/llm/loopback.ts';
import { MahdarError } from '../../shared/errors.ts';
import { errorCodeOf } from './error-code.ts';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

interface TestServer {
  server: Server;
  base: string;
  requests: { path: string; body: unknown }[];
}

const servers: Server[] = [];

async function serve(handler: Handler): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ path: req.url ?? '', body: body ? JSON.parse(body) : null });
      handler(req, body, res);
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

const reply = (text: string, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'qwen2.5-7b-instruct',
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 50, completion_tokens: 17, total_tokens: 67 },
  ...extra,
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const req = { system: 'لخص بضمير الغائب.', user: 'السيد الرئيس: نفتتح الجلسة.', maxTokens: 120 };
const signal = () => new AbortController().signal;

describe('endpoint drafter', () => {
  it('posts the system and user messages, the model and max_tokens, and returns the draft', async () => {
    const s = await serve((_r, _b, res) => json(res, 200, reply('  افتتح السيد الرئيس الجلسة.  ', { timings: { predicted_n: 17, predicted_ms: 321.5 } })));
    const d = endpointDrafter({ url: `${s.base}/v1/`, model: 'qwen2.5:7b' });
    const out = await d.draft(req, signal());
    expect(out).toEqual({ text: 'افتتح السيد الرئيس الجلسة.', tokens: 17, modelMs: 321.5 });
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]!.path).toBe('/v1/chat/completions');
    expect(s.requests[0]!.body).toMatchObject({
      model: 'qwen2.5:7b',
      messages: [
        { role: 'system', content: req.system },
        { role: 'user', content: req.user },
      ],
      max_tokens: 120,
      stream: false,
    });
    expect(d.modelName).toBe('qwen2.5:7b');
  });

  it('times the request when the server gives no timings, and names the server’s model when none was asked', async () => {
    const s = await serve((_r, _b, res) => json(res, 200, reply('نص')));
    const d = endpointDrafter({ url: `http://localhost:${new URL(s.base).port}/v1`, model: '' });
    const out = await d.draft(req, signal());
    expect(out.tokens).toBe(17);
    expect(out.modelMs).toBeGreaterThan(0);
    expect(d.modelName).toBe('qwen2.5-7b-instruct');
  });

  it('says the server is unreachable when nothing listens', async () => {
    const s = await serve(() => undefined);
    const url = `${s.base}/v1`;
    s.server.close();
    await once(s.server, 'close');
    expect(await errorCodeOf(endpointDrafter({ url, model: 'm' }).draft(req, signal()))).toBe('drafting.endpointUnreachable');
  });

  it('reports the HTTP status and the server’s own message on an error', async () => {
    const s = await serve((_r, _b, res) => json(res, 500, { error: { message: 'model "x" not found' } }));
    const err = await endpointDrafter({ url: s.base, model: 'x' }).draft(req, signal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MahdarError);
    expect((err as MahdarError).code).toBe('drafting.endpointError');
    expect((err as MahdarError).message).toContain('500');
    expect((err as MahdarError).message).toContain('model "x" not found');
  });

  it('refuses a reply that is not a chat completion', async () => {
    const s = await serve((_r, _b, res) => json(res, 200, { hello: 'world' }));
    expect(await errorCodeOf(endpointDrafter({ url: s.base, model: 'm' }).draft(req, signal()))).toBe('drafting.badReply');
  });

  it('does not follow a redirect', async () => {
    const elsewhere = await serve((_r, _b, res) => json(res, 200, reply('should never be asked')));
    const s = await serve((_r, _b, res) => {
      res.writeHead(307, { location: `${elsewhere.base}/v1/chat/completions` });
      res.end();
    });
    expect(await errorCodeOf(endpointDrafter({ url: s.base, model: 'm' }).draft(req, signal()))).toBe('drafting.endpointError');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('cancels a draft in progress, and drafts again after', async () => {
    let hold = true;
    let received: () => void = () => undefined;
    const arrived = new Promise<void>((r) => (received = r));
    const s = await serve((_r, _b, res) => {
      if (!hold) return json(res, 200, reply('بعد الإلغاء'));
      received(); // the server keeps this one waiting, as a model would while it writes
    });
    const d = endpointDrafter({ url: s.base, model: 'm' });
    const ac = new AbortController();
    const pending = errorCodeOf(d.draft(req, ac.signal));
    await arrived;
    ac.abort();
    expect(await pending).toBe('drafting.cancelled');
    hold = false;
    expect((await d.draft(req, signal())).text).toBe('بعد الإلغاء');
  });
});

describe('endpoint address', () => {
  it('refuses addresses off this computer before any request', () => {
    for (const url of ['http://192.168.1.10:8080/v1', 'http://example.com/v1', 'http://127.0.0.1.nip.io:8080/v1', 'http://localhost.example.com/v1', 'http://[::ffff:192.168.1.10]:8080/v1', 'http://10.0.0.1/v1']) {
      // Thrown by the constructor itself: no drafter exists, so nothing could have been sent.
      let code = 'none';
      try {
        endpointDrafter({ url, model: 'm' });
      } catch (err) {
        code = err instanceof MahdarError ? err.code : String(err);
      }
      expect(code, url).toBe('drafting.notLoopback');
    }
    for (const url of ['ftp://127.0.0.1/v1', 'not a url', 'file:///etc/passwd']) expect(() => checkLoopback(url), url).toThrow(/Invalid language-model server address/);
  });

  it('accepts every loopback form', () => {
    for (const url of ['http://127.0.0.1:8080/v1', 'http://127.3.4.5/v1', 'http://[::1]:11434/v1', 'https://localhost/v1', 'http://2130706433:8080/v1', 'http://[::ffff:127.0.0.1]/v1']) {
      expect(() => checkLoopback(url), url).not.toThrow();
    }
    expect(isLoopbackAddress('192.168.1.10')).toBe(false);
    expect(isLoopbackAddress('::2')).toBe(false);
  });
});
