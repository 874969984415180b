// The review editor's summaries view, as the secretary reviews a model's drafts after the
// meeting, from the keyboard: accept a draft, write a summary of her own, reject one and undo the
// rejection, listen to an intervention, while the counter of interventions without a checked
// summary follows; everything is kept across a reload, typing not yet saved included, and a
// passage edited afterwards shows its summary "to check".
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { people } from './seed.ts';
import { startServe, type ServeProcess } from './serve.ts';
import { seedSummariesMeeting } from './summaries-seed.ts';

// Tall enough for the nine rows of this meeting to be rendered at once (the list is virtualised;
// moving the focus across 150 rows is what bench/summaries-review.ts does).
test.use({ actionTimeout: 15_000, viewport: { width: 1280, height: 2000 } });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

interface SummaryJson {
  id: string;
  kind: string;
  text: string;
  state: string;
  source: string;
  segmentIds: string[];
}
async function summariesOf(request: APIRequestContext, id: string): Promise<SummaryJson[]> {
  const res = await request.post(`${server.origin}/api/getMeeting`, { data: { id }, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, connection: 'close' } });
  const body = await res.json();
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value.summaries ?? [];
}

const agenda = [
  { id: 'a-1', title: 'المصادقة على محضر الدورة السابقة' },
  { id: 'a-2', title: 'دراسة مشروع ميزانية سنة 2026' },
];
const drafts = {
  chair: 'أكد السيد رئيس المجلس أن محضر الدورة السابقة وُزّع على الأعضاء.',
  deputy: 'طالبت السيدة نائبة الرئيس بتصحيح تاريخ الدورة في المحضر.',
  adviser: 'اقترح السيد المستشار تأجيل المصادقة.',
  budget: 'عرض السيد رئيس المجلس مشروع الميزانية.',
};

async function openSummaries(page: Page, id: string) {
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  await page.getByRole('button', { name: 'الملخصات' }).click();
}

const row = (page: Page, key: string): Locator => page.locator(`[role="listitem"][data-key="${key}"]`);
const box = (page: Page, key: string): Locator => row(page, key).locator('textarea');
const counter = (page: Page) => page.locator('.sum-counter [data-unchecked]');
const expectCounter = (page: Page, n: number) => expect(counter(page)).toHaveText(`${n} من 5 تدخلًا بلا ملخص مُراجَع`);

const written = 'لاحظت السيدة نائبة الرئيس خطأ في تاريخ الدورة وطالبت بتصحيحه.';
const typedLate = 'طالبت السيدة نائبة الرئيس بتوضيحات حول الاعتمادات.';

/** From the first intervention to review: accept, write, reject and undo, next not checked, listen, accept. */
async function reviewByKeyboard(page: Page) {
  // Tab enters the list on the first intervention to review; Ctrl+Enter accepts its draft and goes to the next.
  await expect(row(page, 'iv:s-1')).toHaveAttribute('tabindex', '0');
  await row(page, 'iv:s-1').focus();
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 'iv:s-1')).toHaveAttribute('data-status', 'checked');
  await expect(row(page, 'iv:s-3')).toBeFocused();
  await expectCounter(page, 4);

  // Enter edits; what she types, saved with Ctrl+Enter, is her summary; the next one's text box takes the focus.
  await page.keyboard.press('Enter');
  await expect(box(page, 'iv:s-3')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(written);
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 'iv:s-3')).toHaveAttribute('data-status', 'checked');
  await expect(box(page, 'iv:s-4')).toBeFocused();
  await expectCounter(page, 3);

  // Ctrl+Delete rejects the draft; Ctrl+Z (from the row) brings it back.
  await page.keyboard.press('Control+Delete');
  await expect(row(page, 'iv:s-4')).toHaveAttribute('data-status', 'missing');
  await expect(box(page, 'iv:s-4')).toHaveValue('');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(row(page, 'iv:s-4')).toHaveAttribute('data-status', 'draft');
  await expect(box(page, 'iv:s-4')).toHaveValue(drafts.adviser);
  await expectCounter(page, 3);

  // Alt+Shift+↓: the next one not checked; Space plays it from its start (the 5th passage, at 8 s).
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(row(page, 'iv:s-5')).toBeFocused();
  await page.keyboard.press('Space');
  const audio = page.locator('audio');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime >= 8)).toBe(true);
  await audio.evaluate((a: HTMLAudioElement) => a.pause());
  await page.keyboard.press('Control+Enter');
  await expectCounter(page, 2);
  await expect(row(page, 'iv:s-6')).toBeFocused();
}

/** Typing not yet saved, then a reload: all of it is kept, in the page and on the server. */
async function reloadKeepsAll(page: Page, request: APIRequestContext, id: string) {
  // Typed and reloaded at once, before the save: kept, as the transcript's typing is.
  await box(page, 'iv:s-6').fill(typedLate);
  await page.reload();
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  // The view chosen is kept for the tab's session.
  await expect(box(page, 'iv:s-6')).toHaveValue(typedLate);
  await expect(box(page, 'iv:s-3')).toHaveValue(written);
  await expect(row(page, 'iv:s-4')).toHaveAttribute('data-status', 'draft');
  await expectCounter(page, 1);
  const saved = await summariesOf(request, id);
  expect(saved.find((s) => s.segmentIds.includes('s-3'))).toMatchObject({ text: written, state: 'checked', source: 'secretary' });
  expect(saved.find((s) => s.segmentIds.includes('s-1'))).toMatchObject({ text: drafts.chair, state: 'checked', source: 'model' });
  expect(saved.find((s) => s.segmentIds.includes('s-6'))).toMatchObject({ text: typedLate, state: 'checked' });
}

/** A point's discussion summary, written from the keyboard: checked, and not counted with the interventions. */
async function writePointSummary(page: Page, unchecked: number) {
  const point = row(page, 'point:a-1');
  await expect(point).toContainText('النقطة 1: المصادقة على محضر الدورة السابقة');
  await expect(point).toContainText('عدد التدخلات: 3');
  await expect(point).toHaveAttribute('data-status', 'missing');
  await point.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('صادق المجلس على محضر الدورة السابقة بعد تصحيح تاريخها.');
  await page.keyboard.press('Control+Enter');
  await expect(point).toHaveAttribute('data-status', 'checked');
  await expectCounter(page, unchecked);
}

test('keyboard review: accept, write, reject and undo, listen, a point’s summary; the counter follows; a reload keeps it all; an edited passage puts its summary to check', async ({ page, request }) => {
  server = await startServe();
  const id = await seedSummariesMeeting(server, {
    participants: people,
    agenda,
    interventions: [
      { speakerId: 'p-1', agendaItemId: 'a-1', texts: ['نفتتح هذه الدورة العادية', 'وقد وزع محضر الدورة السابقة على الأعضاء'], draft: drafts.chair },
      { speakerId: 'p-2', agendaItemId: 'a-1', texts: ['في المحضر خطأ في تاريخ الدورة'], draft: drafts.deputy },
      { speakerId: 'p-3', agendaItemId: 'a-1', texts: ['أقترح أن نؤجل المصادقة'], draft: drafts.adviser },
      { speakerId: 'p-1', agendaItemId: 'a-2', texts: ['أعرض عليكم مشروع الميزانية'], draft: drafts.budget },
      { speakerId: 'p-2', agendaItemId: 'a-2', texts: ['نطلب توضيحات حول الاعتمادات'] },
    ],
  });
  await openSummaries(page, id);
  // Side by side: the passages and the draft, its status in words.
  await expect(row(page, 'iv:s-1')).toContainText('وقد وزع محضر الدورة السابقة على الأعضاء');
  await expect(box(page, 'iv:s-1')).toHaveValue(drafts.chair);
  await expect(row(page, 'iv:s-1').locator('.sum-status')).toHaveText('مسودة من tiny.gguf');
  await expect(row(page, 'iv:s-6')).toHaveAttribute('data-status', 'missing');
  await expectCounter(page, 5);
  await expect(counter(page).locator('xpath=..')).toHaveAttribute('aria-live', 'polite');
  await expectNoA11yViolations(page, 'summaries view');
  await page.screenshot({ path: 'test-results/screens/summaries-view.png', fullPage: true });

  await reviewByKeyboard(page);
  await reloadKeepsAll(page, request, id);
  await writePointSummary(page, 1);

  // A passage of an accepted intervention edited afterwards, in the transcript: its summary is to check.
  await page.getByRole('button', { name: 'النص', exact: true }).click();
  const passage = page.locator('[role="row"][data-seg="s-2"] textarea');
  await passage.fill('وقد وزع محضر الدورة السابقة على جميع الأعضاء');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'الملخصات' }).click();
  await expect(row(page, 'iv:s-1')).toHaveAttribute('data-status', 'toCheck');
  await expect(row(page, 'iv:s-1').locator('.sum-status')).toHaveText('للمراجعة: تغيّرت مقاطعه بعد كتابته');
  await expectCounter(page, 2);

  // The help panel lists the view's keys.
  await row(page, 'iv:s-1').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('قبول المسودة');
});
