// The review editor, as the secretary uses it for hours: a three-hour transcript (2,500 segments)
// opens at once and only the rows in view exist; clicking a segment plays it; text, splits,
// merges, speakers (by number key and by range), agenda points, decisions and a replace-all are
// made from the keyboard and the mouse, undone and redone from the journal, and survive a reload,
// a SIGKILL of the server, and reach the exported DOCX. Typing is not lost to a reload made before
// it was saved; an undo shows the segment it changed. An approved meeting cannot be changed.
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoA11yViolations } from './axe.ts';
import { agenda, SEG_SEC, SEGMENTS, seedLongMeeting, textOf } from './seed.ts';
import { apiCall, apiHeaders, restartServe, startServe, type ServeProcess } from './serve.ts';

mkdirSync('test-results/screens', { recursive: true });
test.use({ actionTimeout: 15_000 });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const auth = () => apiHeaders(server);
const call = <T>(request: APIRequestContext, method: string, data: unknown) => apiCall<T>(request, server, method, data);
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
  const id = await seedLongMeeting(server);
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
  // PageDown moves ten segments.
  await page.keyboard.press('PageDown');
  await expect(row(page, 's-11')).toBeFocused();
  await expect(row(page, 's-11')).toHaveAttribute('aria-selected', 'true');
  const scroller = page.locator('.seg-scroll');
  await expect(async () => {
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(text(page, `s-${SEGMENTS}`)).toBeInViewport({ timeout: 500 });
  }).toPass();
  expect(await page.locator('[role="row"]').count()).toBeLessThan(100);

  // The help panel lists the editor's keys and the player's (from the keymap they are matched with).
  await page.keyboard.press('Home');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
  await expect(help).toContainText('تعيين المتدخل ذي الرتبة 1 إلى 9');
  await expect(help).toContainText('Ctrl+Space');
  await expect(help).toContainText('تشغيل / إيقاف مؤقت');
  await expect(help).toContainText('PageDown');
  await expect(help).toContainText('Ctrl+S');
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
  const id = await seedLongMeeting(server);
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
  // The split is saved before it is shown. Under the full suite's load it was once not shown within
  // the default 5 s (the box still held the whole text; slow or lost, not found): the longer wait
  // keeps slowness alone from failing the test, and a lost split still fails it.
  await expect(text(page, 's-2')).toHaveValue('الكلمة الأولى', { timeout: 20_000 });
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

test('typing is kept when the page is reloaded before it was saved, and undo and redo show the segment they changed', async ({ page, request }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  await openEditor(page, id);
  const typed = 'نص كتب ثم أعيد تحميل الصفحة فورا';
  // Reloaded at once: neither the 400 ms save nor a blur comes before the page goes away.
  await text(page, 's-1').fill(typed);
  await page.reload();
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  await expect(text(page, 's-1')).toHaveValue(typed);
  expect(seg(await getMeeting(request, id), 's-1')?.text).toBe(typed);

  // Far from the change (the last segment; the first row is no longer rendered), undo brings it
  // into view, selected; redo likewise.
  const undoButton = page.getByRole('button', { name: 'تراجع', exact: true });
  await expect(undoButton).toBeEnabled();
  await clickRow(page, 's-3');
  await page.keyboard.press('End');
  await expect(text(page, `s-${SEGMENTS}`)).toBeInViewport();
  await expect(row(page, 's-1')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(text(page, 's-1')).toHaveValue(textOf(1));
  await expect(row(page, 's-1')).toBeInViewport();
  await expect(row(page, 's-1')).toHaveAttribute('aria-selected', 'true');
  // The keys were the list's: the focus goes with the selection.
  await expect(row(page, 's-1')).toBeFocused();
  await page.keyboard.press('End');
  await expect(row(page, 's-1')).toHaveCount(0);
  await page.getByRole('button', { name: 'إعادة', exact: true }).click();
  await expect(text(page, 's-1')).toHaveValue(typed);
  await expect(row(page, 's-1')).toBeInViewport();
  await expect(row(page, 's-1')).toHaveAttribute('aria-selected', 'true');
  expect(seg(await getMeeting(request, id), 's-1')?.text).toBe(typed);
});

test('an approved meeting opens read-only in the editor, and says why', async ({ page, request }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
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

test("the engine's doubtful words are underlined, counted, and F8 walks the segments that have them", async ({ page, request }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  // Confidences as a finished job stores them (one per word), written into the seeded file.
  const file = join(server.dataDir, 'meetings', id, 'meeting.json');
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  const confident = (n: number) => textOf(n).split(' ').map(() => 0.93);
  const withLow = (n: number, low: number[]) => confident(n).map((p, i) => (low.includes(i) ? 0.21 : p));
  const conf: Record<string, number[]> = {
    's-1': confident(1).map((p, i) => (i === 0 ? 0.4 : p)), // middling, above the threshold: not doubtful
    's-2': withLow(2, [1, 4]), // 'الكلمة الأولى ثم الكلمة الثانية': الأولى and الثانية
    's-1500': withLow(1500, [2]),
    's-2400': withLow(2400, [0, 1]), // edited below: its words are the secretary's now, never underlined
  };
  for (const s of stored.segments) if (conf[s.id]) s.wordConfidence = conf[s.id];
  stored.segments.find((s: Seg) => s.id === 's-2400').edited = true;
  writeFileSync(file, JSON.stringify(stored, null, 2));

  await openEditor(page, id);
  const underlined = (sid: string) => row(page, sid).locator('.seg-backdrop .doubtful');
  await expect(underlined('s-2')).toHaveText(['الأولى', 'الثانية']);
  await expect(underlined('s-1')).toHaveCount(0);
  // Not only a colour: a wavy line; and said to assistive technology on the text box.
  expect(await underlined('s-2').first().evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('wavy');
  await expect(text(page, 's-2')).toHaveAttribute('aria-description', /الأولى، الثانية/);
  const count = page.getByRole('button', { name: /^كلمات مشكوك فيها/ });
  await expect(count).toHaveText('كلمات مشكوك فيها متبقية: 3');

  // F8 from the first segment: s-2, then s-1500 far below (scrolled to), then round to s-2; Shift+F8 back.
  await clickRow(page, 's-1');
  await page.keyboard.press('F8');
  await expect(row(page, 's-2')).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 's-2')).toBeFocused();
  await page.keyboard.press('F8');
  await expect(row(page, 's-1500')).toBeInViewport();
  await expect(row(page, 's-1500')).toBeFocused();
  await expect(underlined('s-1500')).toHaveText([textOf(1500).split(' ')[2]!]);
  await page.keyboard.press('F8');
  await expect(row(page, 's-2')).toBeFocused();
  await page.keyboard.press('Shift+F8');
  await expect(row(page, 's-1500')).toBeFocused();
  await page.keyboard.press('Shift+F8');
  await expect(row(page, 's-2')).toBeFocused();

  // While the text is edited the underline is gone; once changed, the words are the secretary's.
  await page.keyboard.press('Enter');
  await expect(text(page, 's-2')).toBeFocused();
  await expect(underlined('s-2')).toHaveCount(0);
  await page.keyboard.press('End');
  await page.keyboard.type(' تماما');
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('كلمات مشكوك فيها متبقية: 1');
  await expect(underlined('s-2')).toHaveCount(0);
  await expect(text(page, 's-2')).not.toHaveAttribute('aria-description');
  const saved = seg(await getMeeting(request, id), 's-2') as Seg & { wordConfidence?: number[] };
  expect(saved.text).toBe(`${textOf(2)} تماما`);
  expect(saved.wordConfidence).toBeUndefined();
  // The toolbar count takes the next one too.
  await count.click();
  await expect(row(page, 's-1500')).toBeFocused();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: 'F8 / Shift+F8' })).toContainText('كلمة مشكوك فيها');
  await page.keyboard.press('Escape');
  await expectNoA11yViolations(page, 'review editor, doubtful words');
});
