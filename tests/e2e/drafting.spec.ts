// Drafting summaries from the transcript tab, through the real UI and the real drafting service,
// against a real OpenAI-compatible server started in the test (node:http, the chat completions
// protocol that llama-server and Ollama speak): the privacy note, an address off this computer
// refused with a clear message, the server tested, drafting started with its progress, drafts
// saved in the meeting as drafts, the run cancelled and still shown after a reload. A GGUF model
// (the tiny random-weight one the unit tests write) is imported, listed, chosen and removed after
// a confirmation; a file that is not a GGUF model gets a clear message and is not listed. The tiny
// model's drafting is tested through the service in tests/unit/drafting-*.test.ts: on two shared
// cores its low-priority process drafted nothing within 90 s here, too slow for a UI test.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haveGgufWriter, tinyGguf } from '../unit/tiny-gguf.ts';
import { agenda, people } from './seed.ts';
import { apiCall, startServe, type ServeProcess } from './serve.ts';

test.use({ actionTimeout: 15_000 });

let server: ServeProcess;
let chat: ChatServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  await chat?.close();
  chat = undefined;
});

/** A chat request the test answers when it chooses: drafting waits on it, so progress is seen step by step. */
interface HeldRequest {
  body: { model: string; messages: { role: string; content: string }[] };
  reply(content: string): void;
}
interface ChatServer {
  url: string;
  /** The next chat request to arrive (already arrived, or the one to come). */
  next(): Promise<HeldRequest>;
  close(): Promise<void>;
}

/** An OpenAI-compatible server on 127.0.0.1 that holds each POST …/chat/completions until answered. */
async function startChatServer(): Promise<ChatServer> {
  const arrived: HeldRequest[] = [];
  const waiting: ((r: HeldRequest) => void)[] = [];
  const answer = (res: ServerResponse, model: string, content: string) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      }),
    );
  };
  const http: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw) as HeldRequest['body'];
      const held: HeldRequest = { body, reply: (content) => answer(res, body.model || 'tiny-test', content) };
      const taker = waiting.shift();
      if (taker) taker(held);
      else arrived.push(held);
    });
  });
  await new Promise<void>((res) => http.listen(0, '127.0.0.1', res));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`,
    next: () => {
      const first = arrived.shift();
      return first ? Promise.resolve(first) : new Promise((res) => waiting.push(res));
    },
    close: () =>
      new Promise((res) => {
        http.closeAllConnections();
        http.close(() => res());
      }),
  };
}

// A fresh connection per request: a kept-alive one may be closed by the server's idle timeout.
const call = <T>(request: APIRequestContext, method: string, data: unknown) => apiCall<T>(request, server, method, data);

/** Speakers of the six passages: four interventions (p-1 twice in a row, then p-2, p-3, p-1). */
const speakers = ['p-1', 'p-1', 'p-2', 'p-3', 'p-1', null];
const texts = [
  'نرحب بالسادة الأعضاء في هذه الدورة العادية',
  'ونقترح تشكيل لجنة لتتبع المشاريع',
  'أطالب بتوضيحات حول الاعتمادات المرصودة',
  'الأشغال ستنطلق خلال الأشهر المقبلة',
  'نمر إلى التصويت على النقطة',
  '',
];

/** A meeting with participants and six passages, four interventions, written as another tool would. */
async function seedMeeting(request: APIRequestContext): Promise<string> {
  const { id } = await call<{ id: string }>(request, 'createMeeting', { fields: { title: 'دورة المجلس' } });
  const file = join(server.dataDir, 'meetings', id, 'meeting.json');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  m.participants = people;
  m.agenda = agenda;
  m.segments = speakers.map((speakerId, i) => ({ id: `s-${i + 1}`, start: i * 5, end: i * 5 + 5, text: texts[i], speakerId, tags: [], edited: false }));
  writeFileSync(file, JSON.stringify(m, null, 2));
  return id;
}

async function openTranscriptTab(page: Page, id: string) {
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'التفريغ' }).click();
}

interface SummaryJson {
  segmentIds: string[];
  text: string;
  state: string;
  source: string;
}

test('the server on this computer: refused off it, tested, drafts the summaries with progress, cancelled', async ({ page, request }) => {
  chat = await startChatServer();
  server = await startServe();
  const id = await seedMeeting(request);
  await openTranscriptTab(page, id);

  const card = page.getByRole('region', { name: 'صياغة الملخصات بنموذج لغوي' });
  await expect(card.getByRole('note')).toContainText('لا يُرسل أي شيء خارج هذا الحاسوب');
  // No source chosen yet: the setup is open.
  await expect(card.getByRole('button', { name: 'النماذج اللغوية والخادم المحلي' })).toHaveAttribute('aria-expanded', 'true');

  // An address on the network is refused by main, before anything is sent.
  await card.getByLabel('عنوان الخادم').fill('http://192.168.1.20:8080/v1');
  await card.getByRole('button', { name: 'اختبار الخادم' }).click();
  await expect(card.getByRole('alert')).toContainText('رُفض العنوان «192.168.1.20»');

  await card.getByLabel('عنوان الخادم').fill(chat.url);
  await card.getByLabel('اسم النموذج في الخادم').fill('tiny-test');
  await card.getByRole('button', { name: 'اختبار الخادم' }).click();
  const probe = await chat.next();
  expect(probe.body.model).toBe('tiny-test');
  probe.reply('نعم');
  await expect(card.getByRole('status')).toContainText('أجاب الخادم بالنموذج');
  await expect(card.getByRole('status')).toContainText('نعم');
  await expect(card.getByRole('alert')).toHaveCount(0);

  // Tested is not chosen: without a source, starting says what to do.
  await card.getByRole('button', { name: 'صياغة الملخصات', exact: true }).click();
  await expect(card.getByRole('alert')).toContainText('لم يُختر نموذج لغوي لصياغة الملخصات');

  await card.getByLabel('مصدر الصياغة').selectOption({ label: 'الخادم على هذا الحاسوب' });
  // The reply to the start is held until the run's first draft is announced: the page must keep
  // the newer state the event carried (under load the reply once came last and put 0 of 4 back).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/startDrafting', async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const startReplied = page.waitForEvent('requestfinished', (r) => r.url().endsWith('/api/startDrafting'));
  await card.getByRole('button', { name: 'صياغة الملخصات', exact: true }).click();

  // The first intervention's passages, and only they, are what the model is given.
  const first = await chat.next();
  const prompt = first.body.messages.map((msg) => msg.content).join('\n');
  expect(prompt).toContain(texts[0]);
  expect(prompt).toContain(texts[1]);
  expect(prompt).not.toContain(texts[2]);
  first.reply('رحب السيد رئيس المجلس بالأعضاء واقترح تشكيل لجنة لتتبع المشاريع.');
  const progress = card.getByRole('status').filter({ hasText: 'صيغت مسودات' });
  await expect(progress).toContainText('صيغت مسودات 1 من 4 تدخلا');
  release();
  await startReplied;
  // Two frames: the page has read the reply and rendered what it made of it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(progress).toContainText('صيغت مسودات 1 من 4 تدخلا');
  await page.unroute('**/api/startDrafting');
  await card.screenshot({ path: 'test-results/screens/drafting.png' });

  // The second draft is asked for; the secretary stops the run while the model writes it.
  await chat.next();
  await card.getByRole('button', { name: 'إيقاف الصياغة' }).click();
  await expect(progress).toContainText('أوقفت الصياغة');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'صياغة الملخصات', exact: true })).toBeEnabled();

  // What was drafted before the stop is saved in the meeting, as a draft tied to its passages.
  const meeting = await call<{ summaries?: SummaryJson[] }>(request, 'getMeeting', { id });
  expect(meeting.summaries).toHaveLength(1);
  expect(meeting.summaries![0]).toMatchObject({ segmentIds: ['s-1', 's-2'], state: 'draft', source: 'model' });
  expect(meeting.summaries![0]!.text).toContain('رحب السيد رئيس المجلس');

  // Reopened, the tab shows the run as it ended.
  await page.reload();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'صيغت مسودات' })).toContainText('1 من 4');
});

test('a file that is not a GGUF language model gets a clear message and is not listed', async ({ page, request }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-e2e-gguf-'));
  const fake = join(dir, 'نموذج.gguf');
  writeFileSync(fake, 'هذا ليس نموذجا لغويا\n'.repeat(50));
  server = await startServe();
  const id = await seedMeeting(request);
  await openTranscriptTab(page, id);

  const card = page.getByRole('region', { name: 'صياغة الملخصات بنموذج لغوي' });
  await expect(card.getByRole('button', { name: 'النماذج اللغوية والخادم المحلي' })).toHaveAttribute('aria-expanded', 'true');
  await card.getByLabel('استيراد نموذج لغوي (GGUF)').first().setInputFiles(fake);
  await expect(card.getByRole('alert')).toContainText('هذا الملف ليس نموذجا لغويا بصيغة GGUF');
  await expect(card.getByText('لا يوجد نموذج لغوي مستورد')).toBeVisible();
  expect(await call<unknown[]>(request, 'listLanguageModels', {})).toEqual([]);
});

test('a GGUF language model is imported, listed with its size and architecture, chosen, and removed after a confirmation', async ({ page, request }) => {
  test.skip(!haveGgufWriter, 'the gguf Python package (.venv-tools) is not installed');
  const file = await tinyGguf();
  server = await startServe();
  const id = await seedMeeting(request);
  await openTranscriptTab(page, id);

  const card = page.getByRole('region', { name: 'صياغة الملخصات بنموذج لغوي' });
  await card.getByLabel('استيراد نموذج لغوي (GGUF)').first().setInputFiles(file);
  const listed = card.getByRole('list', { name: 'النماذج اللغوية المستوردة' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('tiny-llama.gguf');
  await expect(listed).toContainText('· llama');
  await expect(listed).toContainText(/\d+(\.\d)? (B|MiB)/);
  await card.getByLabel('مصدر الصياغة').selectOption({ label: 'tiny-llama.gguf' });
  await expect.poll(async () => (await call<{ source: unknown }>(request, 'getDraftingSettings', {})).source).toMatchObject({ kind: 'model' });

  // Remove asks first; Cancel keeps the model.
  await listed.getByRole('button', { name: 'إزالة النموذج اللغوي tiny-llama.gguf' }).click();
  const dialog = page.getByRole('dialog', { name: 'إزالة النموذج اللغوي؟' });
  await expect(dialog).toContainText('tiny-llama.gguf');
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(listed).toHaveCount(1);
  await listed.getByRole('button', { name: 'إزالة النموذج اللغوي tiny-llama.gguf' }).click();
  await dialog.getByRole('button', { name: 'إزالة' }).click();
  await expect(listed).toHaveCount(0);
  await expect(card.getByText('لا يوجد نموذج لغوي مستورد')).toBeVisible();
  expect(await call<unknown[]>(request, 'listLanguageModels', {})).toEqual([]);
});
