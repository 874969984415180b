// What the drafting tests share: a meeting with a few interventions, and a real HTTP server on
// loopback speaking the OpenAI chat protocol (as llama-server and Ollama do) whose answers the
// test controls: each request is answered at once, or held until the test lets it go.
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MeetingFields, Segment } from '../../shared/domain.ts';
import { passageAt } from './meeting-fixture.ts';

const seg = (i: number, text: string, speakerId: string, agendaItemId: string): Segment => passageAt(i, text, speakerId, agendaItemId);

/** Four interventions under two points: the chair (two passages), the rapporteur, the chair, a member. */
export function meetingWithInterventions(): Partial<MeetingFields> {
  return {
    title: 'دورة المجلس',
    type: 'council',
    participants: [
      { id: 'p-chair', name: 'أحمد العلوي', gender: 'm', title: 'رئيس المجلس', organisation: '' },
      { id: 'p-rap', name: 'فاطمة بناني', gender: 'f', title: 'المقررة', organisation: '' },
      { id: 'p-mem', name: 'يوسف', gender: 'm', title: 'عضو', organisation: '' },
    ],
    agenda: [
      { id: 'a-1', title: 'الميزانية' },
      { id: 'a-2', title: 'الطرق' },
    ],
    segments: [
      seg(0, 'نفتتح الجلسة ونناقش الميزانية', 'p-chair', 'a-1'),
      seg(1, 'ارتفعت الميزانية بعشرة في المائة', 'p-chair', 'a-1'),
      seg(2, 'أقترح تأجيل التصويت', 'p-rap', 'a-1'),
      seg(3, 'ننتقل إلى الطرق القروية', 'p-chair', 'a-2'),
      seg(4, 'الطرق تحتاج إلى صيانة عاجلة', 'p-mem', 'a-2'),
    ],
  };
}

export interface ChatRequest {
  model: string;
  system: string;
  user: string;
  maxTokens: number;
  /** Settles when the client has gone away (a cancelled draft closes its connection). */
  closed: Promise<void>;
}

export interface ChatServer {
  /** The base URL, as a secretary types it (…/v1). */
  url: string;
  requests: ChatRequest[];
  /** Settles when the n-th request (from 1) has arrived. */
  arrived(n: number): Promise<ChatRequest>;
  /** Answers held requests from now on, and those already held. */
  release(): void;
  close(): void;
}

/**
 * A chat server whose reply restates the first line of what it was given (the speaker) with the
 * request's number. `hold(n)`: the n-th request (from 1) and later ones wait for release().
 */
export async function chatServer(hold: (n: number) => boolean = () => false): Promise<ChatServer> {
  const requests: ChatRequest[] = [];
  let released = false;
  const waiting: (() => void)[] = [];
  const watchers: { n: number; resolve: (r: ChatRequest) => void }[] = [];
  const answer = (res: ServerResponse, n: number, user: string) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const content = `أكد ${user.split('\n')[0]} ما ورد في المداخلة رقم ${n}.`;
    res.end(JSON.stringify({ model: 'test-model', choices: [{ index: 0, message: { role: 'assistant', content } }], usage: { completion_tokens: 12 } }));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; messages: { content: string }[]; max_tokens: number };
      const closed = once(res, 'close').then(() => undefined);
      const [system, user] = body.messages.map((m) => m.content) as [string, string];
      requests.push({ model: body.model, system, user, maxTokens: body.max_tokens, closed });
      const n = requests.length;
      for (const w of watchers.filter((w) => w.n === n)) w.resolve(requests[n - 1]!);
      if (hold(n) && !released) waiting.push(() => answer(res, n, user));
      else answer(res, n, user);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    arrived: (n) => (requests[n - 1] ? Promise.resolve(requests[n - 1]!) : new Promise((resolve) => watchers.push({ n, resolve }))),
    release() {
      released = true;
      for (const go of waiting.splice(0)) go();
    },
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
