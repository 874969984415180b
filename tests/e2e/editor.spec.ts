// The review editor, as the secretary uses it for hours: a three-hour transcript (2,500 segments)
// opens at once and only the rows in view exist; clicking a segment plays it; text, splits,
// merges, speakers (by number key and by range), agenda points, decisions and a replace-all are
// made from the keyboard and the mouse, undone and redone from the journal, and survive a reload,
// a SIGKILL of the server, and reach the exported DOCX. An approved meeting cannot be changed.
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoA11yViolations } from './axe.ts';
import { restartServe, startServe, type ServeProcess } from './serve.ts';

mkdirSync('test-results/screens', { recursive: true });
test.use({ actionTimeout: 15_000 });

const SEGMENTS = 2500;
const SEG_SEC = 0.4;
const people = [
  { id: 'p-1', name: 'أحمد بنعلي', gender: 'm', title: 'رئيس المجلس', organisation: '' },
  { id: 'p-2', name: 'فاطمة الزهراء العلوي', gender: 'f', title: 'نائبة الرئيس', organisation: '' },
  { id: 'p-3', name: 'يوسف الإدريسي', gender: 'm', title: 'مستشار', organisation: '' },
];
const agenda = [
  { id: 'a-1', title: 'المصادقة على محضر الدورة السابقة' },
  { id: 'a-2', title: 'دراسة مشروع ميزانية سنة 2026' },
];
const phrases = [
  'نرحب بالسادة الأعضاء في هذه الدورة العادية للمجلس',
  'تمت مناقشة النقطة المتعلقة بتأهيل الطرق القروية',
  'يقترح السيد الرئيس تشكيل لجنة لتتبع المشاريع',
  'طالب بعض المستشارين بتوضيحات حول الاعتمادات المرصودة',
  'أكدت الإدارة أن الأشغال ستنطلق خلال الأشهر المقبلة',
];
/** Segment n (1-based): its text, with the fixtures the tests look for. */
function textOf(n: number): string {
  if (n === 2) return 'الكلمة الأولى ثم الكلمة الثانية';
  if (n === SEGMENTS) return `نهاية الجلسة رقم ${n}`;
  // A misheard name, written as the engine would; once with diacritics, found only by the Arabic-aware search.
  if (n === 40) return 'تدخل السيد بِنْسعيد حول الميزانية';
  if (n % 500 === 7) return `أشار السيد بنسعيد إلى ضرورة الإسراع (${n})`;
  return `${phrases[n % phrases.length]} (${n})`;
}

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

// A fresh connection per request: a kept-alive one may be closed by the server (its idle timeout)
// just as the next request goes out, which fails it with ECONNRESET.
const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${server.token}`, connection: 'close' });
async function call<T>(request: APIRequestContext, method: string, data: unknown): Promise<T> {
  const res = await request.post(`${server.origin}/api/${method}`, { data, headers: auth() });
  const body = await res.json();
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value as T;
}
interface Seg {
  id: string;
  start: number;
  end: number;
  text: string;
  speakerId: string | null;
  agendaItemId?: string | null;
}
interface MeetingJson {
  segments: Seg[];
  participants: { id: string; name: string }[];
  decisions: { text: string; segmentIds: string[]; vote?: { kind: string } | null }[];
}
const getMeeting = (request: APIRequestContext, id: string) => call<MeetingJson>(request, 'getMeeting', { id });
const seg = (m: MeetingJson, id: string) => m.segments.find((s) => s.id === id);

/** A meeting of 2,500 segments (0.4 s each, 16 min 40 s) with a quiet WAV, written into the data root as another tool would. */
async function seedLongMeeting(request: APIRequestContext): Promise<string> {
  const created = await call<{ id: string }>(request, 'createMeeting', { fields: { title: 'الدورة العادية لمجلس الجماعة' } });
  const dir = join(server.dataDir, 'meetings', created.id);
  const duration = SEGMENTS * SEG_SEC;
  // 4 kHz, 8 bit: 4 kB a second keeps the file small; the test only needs positions in it.
  execFileSync('sox', ['-n', '-r', '4000', '-b', '8', '-c', '1', join(dir, 'audio.wav'), 'synth', String(duration), 'sine', '300', 'vol', '0.05']);
  const m = JSON.parse(readFileSync(join(dir, 'meeting.json'), 'utf8'));
  m.audio = { file: 'audio.wav', durationSec: duration, originalName: 'session.wav' };
  m.participants = people;
  m.agenda = agenda;
  m.segments = Array.from({ length: SEGMENTS }, (_, i) => ({
    id: `s-${i + 1}`,
    start: Math.round(i * SEG_SEC * 1000) / 1000,
    end: Math.round((i + 1) * SEG_SEC * 1000) / 1000,
    text: textOf(i + 1),
    speakerId: null,
    tags: [],
    edited: false,
  }));
  writeFileSync(join(dir, 'meeting.json'), JSON.stringify(m, null, 2));
  return created.id;
}

async function openEditor(page: Page, id: string, tab = 'المراجعة') {
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: tab }).click();
}

const grid = (page: Page) => page.getByRole('grid', { name: 'مقاطع التفريغ' });
const row = (page: Page, id: string): Locator => page.locator(`[role="row"][data-seg="${id}"]`);
const text = (page: Page, id: string): Locator => row(page, id).locator('textarea');
/**
 * Selects a segment with the mouse, as the secretary clicks its time. A click plays from there;
 * the playback is paused again so that the list, which follows the playing segment, stays put.
 */
async function clickRow(page: Page, id: string, modifiers: 'Shift'[] = []) {
  await row(page, id).locator('.seg-play').click({ modifiers });
  await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());
}

test('a three-hour transcript opens at once, shows only a window of rows, scrolls to the end, and plays the segment clicked', async ({ page, request }) => {
  server = await startServe();
  const id = await seedLongMeeting(request);
  await openEditor(page, id);
  await expect(text(page, 's-1')).toHaveValue(textOf(1));
  // Virtualised: a handful of rows exist, not 2,500.
  const rendered = await page.locator('[role="row"]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(SEGMENTS));

  // Clicking a segment selects it and plays the recording from its start.
  await row(page, 's-3').locator('.seg-play').click();
  await expect(row(page, 's-3')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 's-3')).toBeFocused();
  const audio = page.locator('audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement, from) => !a.paused && a.currentTime >= from, 2 * SEG_SEC)).toBe(true);
  expect(await audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeLessThan(2 * SEG_SEC + 1.5);
  await page.keyboard.press('Control+Space'); // the player's key: pause
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);

  // End goes to the last segment; scrolling the list by hand reaches it too.
  await page.keyboard.press('End');
  await expect(text(page, `s-${SEGMENTS}`)).toHaveValue(textOf(SEGMENTS));
  await expect(text(page, `s-${SEGMENTS}`)).toBeInViewport();
  await page.keyboard.press('Home');
  await expect(text(page, 's-1')).toBeInViewport();
  const scroller = page.locator('.seg-scroll');
  await expect(async () => {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(text(page, `s-${SEGMENTS}`)).toBeInViewport({ timeout: 500 });
  }).toPass();
  expect(await page.locator('[role="row"]').count()).toBeLessThan(100);

  // The help panel lists the editor's keys and the player's.
  await page.keyboard.press('Home');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
  await expect(help).toContainText('تعيين المتدخل ذي الرتبة 1 إلى 9');
  await expect(help).toContainText('Ctrl+Space');
  await expect(help).toContainText('تشغيل / إيقاف مؤقت');
  await expectNoA11yViolations(page, 'editor help panel');
  await help.getByRole('button', { name: 'إغلاق' }).click();
  await expect(help).toHaveCount(0);

  await expectNoA11yViolations(page, 'review editor');
  await page.screenshot({ path: 'test-results/screens/editor-ar.png' });
  await page.getByLabel('لغة الواجهة').selectOption('fr');
  await expect(page.getByRole('tab', { name: 'Révision' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('grid', { name: 'Segments de la transcription' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/editor-fr.png' });
  await page.getByLabel('Langue de l’interface').selectOption('ar');
});

test('text, split, merge, speakers, agenda, a decision and a replace-all are undone, redone, kept across a reload and a SIGKILL, and exported', async ({ page, request }) => {
  test.setTimeout(240_000);
  server = await startServe();
  const id = await seedLongMeeting(request);
  await openEditor(page, id);
  const undoButton = page.getByRole('button', { name: 'تراجع', exact: true });
  await expect(undoButton).toBeDisabled();

  // Text typed in place is saved as it is typed (no button), and shown right to left.
  await text(page, 's-1').fill('نص مصحح للمقطع الأول مع اسم Dupont');
  await expect.poll(async () => seg(await getMeeting(request, id), 's-1')?.text).toBe('نص مصحح للمقطع الأول مع اسم Dupont');
  await expect(undoButton).toBeEnabled();

  // Split at the cursor (Ctrl+Enter); times in proportion to the characters.
  await text(page, 's-2').click();
  await text(page, 's-2').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(14, 14)); // after "الكلمة الأولى "
  await text(page, 's-2').press('Control+Enter');
  await expect(text(page, 's-2')).toHaveValue('الكلمة الأولى');
  const afterSplit = await getMeeting(request, id);
  expect(afterSplit.segments).toHaveLength(SEGMENTS + 1);
  const tail = afterSplit.segments[2]!;
  expect(tail.text).toBe('ثم الكلمة الثانية');
  expect(tail.start).toBeGreaterThan(SEG_SEC);
  expect(tail.start).toBeLessThan(2 * SEG_SEC);
  await expect(text(page, tail.id)).toHaveValue('ثم الكلمة الثانية');

  // Merge with the next (M on the row).
  await clickRow(page, 's-5');
  await page.keyboard.press('m');
  await expect(text(page, 's-5')).toHaveValue(`${textOf(5)} ${textOf(6)}`);
  await expect(row(page, 's-6')).toHaveCount(0);

  // Speakers: a number key gives the floor to the participant of that rank...
  await clickRow(page, 's-10');
  await page.keyboard.press('1');
  await expect(row(page, 's-10').locator('.seg-head')).toHaveText('أحمد بنعلي');
  // ... to a range picked with Shift+click, which reads as one intervention (the name once) ...
  await clickRow(page, 's-11');
  await clickRow(page, 's-14', ['Shift']);
  await expect(page.getByText('محدد: 4')).toBeVisible();
  await page.keyboard.press('2');
  await expect(row(page, 's-11').locator('.seg-head')).toHaveText('فاطمة الزهراء العلوي');
  for (const s of ['s-12', 's-13', 's-14']) await expect(row(page, s).locator('.seg-head')).toHaveCount(0);
  // ... or with Shift+arrows.
  await clickRow(page, 's-15');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('3');
  await expect(row(page, 's-15').locator('.seg-head')).toHaveText('يوسف الإدريسي');
  // A participant not in the list is added on the fly and given the floor.
  await clickRow(page, 's-20');
  await page.getByLabel('المتدخل', { exact: true }).selectOption({ label: 'إضافة مشارك…' });
  await page.getByLabel('اسم المشارك الجديد').fill('خديجة المنصوري');
  await page.getByRole('button', { name: 'إضافة وتعيين' }).click();
  await expect(row(page, 's-20').locator('.seg-head')).toHaveText('خديجة المنصوري');
  let m = await getMeeting(request, id);
  expect(['s-10', 's-11', 's-14', 's-15', 's-17'].map((s) => seg(m, s)?.speakerId)).toEqual(['p-1', 'p-2', 'p-2', 'p-3', 'p-3']);
  expect(seg(m, 's-18')?.speakerId).toBeNull();
  expect(m.participants.map((p) => p.name)).toContain('خديجة المنصوري');

  // Agenda point and decision from a selection, through the side panel.
  await page.keyboard.press('Home');
  await expect(row(page, 's-1')).toBeFocused();
  await clickRow(page, 's-9', ['Shift']);
  await page.getByRole('button', { name: 'إسناد المقاطع المحددة (9) إلى هذه النقطة' }).first().click();
  await expect(page.getByText('عدد المقاطع: 9')).toBeVisible();
  await clickRow(page, 's-11');
  await clickRow(page, 's-12', ['Shift']);
  await page.getByRole('button', { name: 'قرار من المقاطع المحددة (2)' }).click();
  await page.getByLabel('النص', { exact: true }).fill('المصادقة على مشروع ميزانية سنة 2026');
  await page.getByLabel('بالإجماع').check();
  await page.getByRole('button', { name: 'إضافة القرار' }).click();
  await expect(page.locator('.decisions-panel')).toContainText('المصادقة على مشروع ميزانية سنة 2026');
  m = await getMeeting(request, id);
  expect(m.segments.filter((s) => s.agendaItemId === 'a-1').map((s) => s.id)).toEqual(['s-1', 's-2', tail.id, 's-3', 's-4', 's-5', 's-7', 's-8', 's-9']);
  expect(m.decisions).toMatchObject([{ text: 'المصادقة على مشروع ميزانية سنة 2026', segmentIds: ['s-11', 's-12'], vote: { kind: 'unanimous' } }]);

  // Search (Ctrl+F) with the Arabic-aware toggle, then replace all: one command.
  await clickRow(page, 's-3');
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'بحث' });
  await expect(find).toBeFocused();
  await find.fill('بنسعيد');
  await expect(page.locator('.search-count')).toHaveText('1 من 6');
  await page.getByLabel('بحث مرن (تجاهل التشكيل والتطويل وأشكال الهمزة)').uncheck();
  await expect(page.locator('.search-count')).toHaveText('1 من 5');
  await page.getByLabel('بحث مرن (تجاهل التشكيل والتطويل وأشكال الهمزة)').check();
  // Enter goes to the next match (s-40, the one with diacritics), scrolled into view and highlighted.
  await find.press('Enter');
  await expect(page.locator('.search-count')).toHaveText('2 من 6');
  await expect(row(page, 's-40').locator('mark.current')).toHaveText('بِنْسعيد');
  await find.press('Enter');
  await expect(page.locator('.search-count')).toHaveText('3 من 6');
  await expect(row(page, 's-507').locator('mark.current')).toHaveText('بنسعيد');
  await find.press('Shift+Enter');
  await expect(row(page, 's-40').locator('mark.current')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/editor-search-ar.png' });
  await page.getByLabel('استبدال بـ').fill('بن سعيد');
  await page.getByRole('button', { name: 'استبدال الكل' }).click();
  await expect(page.getByText('تم الاستبدال في 6 مقطع')).toBeVisible();
  await expect(text(page, 's-40')).toHaveValue('تدخل السيد بن سعيد حول الميزانية');
  m = await getMeeting(request, id);
  expect(m.segments.filter((s) => /بن?ْ?سعيد/.test(s.text) && !s.text.includes('بن سعيد'))).toEqual([]);

  // Undo (Ctrl+Z) takes back the whole replace; redo puts it back.
  await page.getByRole('button', { name: 'إغلاق البحث' }).click();
  await page.keyboard.press('Control+z');
  await expect(text(page, 's-40')).toHaveValue(textOf(40));
  await page.keyboard.press('Control+Shift+z');
  await expect(text(page, 's-40')).toHaveValue('تدخل السيد بن سعيد حول الميزانية');
  // The buttons do the same, and the history survives a reload.
  await undoButton.click();
  await expect(text(page, 's-40')).toHaveValue(textOf(40));
  await page.getByRole('button', { name: 'إعادة', exact: true }).click();
  await expect(text(page, 's-40')).toHaveValue('تدخل السيد بن سعيد حول الميزانية');

  await page.reload();
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  await expect(text(page, 's-1')).toHaveValue('نص مصحح للمقطع الأول مع اسم Dupont');
  await expect(text(page, 's-2')).toHaveValue('الكلمة الأولى');
  await expect(text(page, tail.id)).toHaveValue('ثم الكلمة الثانية');
  await expect(text(page, 's-5')).toHaveValue(`${textOf(5)} ${textOf(6)}`);
  await expect(row(page, 's-11').locator('.seg-head')).toHaveText('فاطمة الزهراء العلوي');
  // Filtered by speaker, the list shows her passages only.
  await page.getByLabel('عرض').selectOption({ label: 'خديجة المنصوري' });
  await expect(page.locator('[role="row"]')).toHaveCount(1);
  await expect(row(page, 's-20').locator('.seg-head')).toHaveText('خديجة المنصوري');
  await page.getByLabel('عرض').selectOption({ label: 'يوسف الإدريسي' });
  await expect.poll(() => page.locator('[role="row"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).toEqual([textOf(15), textOf(16), textOf(17)]);
  await page.getByLabel('عرض').selectOption({ label: 'كل المتدخلين' });
  await expect(page.getByText('عدد المقاطع: 9')).toBeVisible();
  await expect(page.locator('.decisions-panel')).toContainText('المصادقة على مشروع ميزانية سنة 2026');
  // The journal's history is still there after the reload.
  await expect(undoButton).toBeEnabled();
  await undoButton.click();
  await expect.poll(async () => seg(await getMeeting(request, id), 's-40')?.text).toBe(textOf(40));
  await page.getByRole('button', { name: 'إعادة', exact: true }).click();
  await expect.poll(async () => seg(await getMeeting(request, id), 's-40')?.text).toBe('تدخل السيد بن سعيد حول الميزانية');

  // The server killed right after an edit was answered: the edit is there after the restart.
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/applyEdit') && r.ok());
  await text(page, 's-3').fill('نص كتب قبل انقطاع الخادم مباشرة');
  await answered;
  await server.kill();
  server = await restartServe(server);
  await page.reload();
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  await expect(text(page, 's-3')).toHaveValue('نص كتب قبل انقطاع الخادم مباشرة');
  expect(seg(await getMeeting(request, id), 's-3')?.text).toBe('نص كتب قبل انقطاع الخادم مباشرة');

  // The exported minutes show the speakers, the agenda points and the decision.
  const exported = await call<{ downloadId: string }>(request, 'exportMeeting', { meetingId: id, format: 'docx' });
  const res = await request.get(`${server.origin}/download/${exported.downloadId}`, { headers: auth() });
  expect(res.ok()).toBe(true);
  const dir = join(server.dataDir, 'export-check');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'minutes.docx'), await res.body());
  const xml = execFileSync('unzip', ['-p', join(dir, 'minutes.docx'), 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  const docText = xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => p.replace(/<[^>]+>/g, '') + '\n');
  for (const expected of ['أحمد بنعلي', 'فاطمة الزهراء العلوي', 'يوسف الإدريسي', 'خديجة المنصوري', agenda[0]!.title, agenda[1]!.title, 'المصادقة على مشروع ميزانية سنة 2026', 'نص مصحح للمقطع الأول']) {
    expect(docText, expected).toContain(expected);
  }
});

test('an approved meeting opens read-only in the editor, and says why', async ({ page, request }) => {
  server = await startServe();
  const id = await seedLongMeeting(request);
  await call(request, 'approveMeeting', { meetingId: id });
  await openEditor(page, id);
  await expect(page.getByRole('note').filter({ hasText: 'المراجعة للقراءة فقط' })).toBeVisible();
  await expect(text(page, 's-1')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'تراجع', exact: true })).toBeDisabled();
  await expect(page.getByLabel('المتدخل', { exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: /قرار من المقاطع المحددة/ })).toHaveCount(0);
  await clickRow(page, 's-1');
  await page.keyboard.press('1');
  await page.keyboard.press('m');
  await expect(row(page, 's-1').locator('.seg-head')).toHaveText('متدخل غير محدد');
  const m = await getMeeting(request, id);
  expect(seg(m, 's-1')).toMatchObject({ text: textOf(1), speakerId: null });
  expect(m.segments).toHaveLength(SEGMENTS);
  await expectNoA11yViolations(page, 'review editor, approved');
});
