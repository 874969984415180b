// The review walked by key: T selects the next change of speaker or agenda point and plays from
// 3 s before it, a number key retags it, T moves on; D does the same for the decisions (their
// keystrokes are counted by bench/editor-turns.ts, on the same walks). Ctrl+G goes to a typed
// time; after a seek on the timeline, Play brings the list to the playing segment; Esc closes the
// search bar.
import { expect, test, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { audioTime, markedDecision, openEditor as openOn, rewriteMeeting, row, seedDecisions, tagTurns, walkDecisions, walkTurns, type StoredSeg } from './editor-turns-walk.ts';
import { SEG_SEC, seedLongMeeting } from './seed.ts';
import { startServe, type ServeProcess } from './serve.ts';

test.use({ actionTimeout: 15_000 });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const openEditor = (page: Page, id: string) => openOn(page, server, id);

test('T walks the turns of a trial meeting, from 3 s before each, and a number key retags one', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  const { first, untagged } = tagTurns(server, id, 8, 4);
  await openEditor(page, id);
  await walkTurns(page, first, untagged, true);
  // Past the last turn T stays; Shift+T goes back one turn.
  await page.keyboard.press('t');
  await expect(row(page, first[7]!.id)).toBeFocused();
  await page.keyboard.press('Shift+T');
  await expect(row(page, first[6]!.id)).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: 'T / Shift+T' })).toContainText('التدخل التالي');
  await page.keyboard.press('Escape');
  await expectNoA11yViolations(page, 'review editor, walking turns');
});

test('D walks the decisions at their first passages, from 3 s before each, marks and says each, stops after the last; Shift+D goes back', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  const decisions = seedDecisions(server, id, 3);
  await openEditor(page, id);
  const status = page.locator('.editor-status');
  await walkDecisions(page, decisions, true);
  await expect(status).toContainText(`المقرر 3 من 3: ${decisions[2]!.text}`);
  // Past the last one D stays there, and says why nothing moved.
  await page.keyboard.press('d');
  await expect(row(page, decisions[2]!.first.id)).toBeFocused();
  await expect(status).toContainText('لا مقرر بعد هذا.');
  await expect(markedDecision(page)).toContainText(decisions[2]!.text);
  await page.keyboard.press('Shift+D');
  await expect(row(page, decisions[1]!.first.id)).toBeFocused();
  await expect(markedDecision(page)).toContainText(decisions[1]!.text);
  await expect(status).toContainText(`المقرر 2 من 3: ${decisions[1]!.text}`);
  // Moving off the passage ends the mark: the walk goes on from the row she is on.
  await page.keyboard.press('ArrowDown');
  await expect(markedDecision(page)).toHaveCount(0);
  await expect(status).not.toContainText('المقرر');
  await page.keyboard.press('Shift+D');
  await expect(row(page, decisions[1]!.first.id)).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: 'D / Shift+D' })).toContainText('المقرر التالي');
  await page.keyboard.press('Escape');
  await expectNoA11yViolations(page, 'review editor, walking decisions');
});

/** One long passage from 600 s to 660 s, as speech is: playing inside it crosses no boundary for a minute. */
function longPassageAt600(id: string): string {
  let longId = '';
  rewriteMeeting(server, id, (stored) => {
    stored.segments = stored.segments.filter((s) => s.start <= 600 || s.start >= 660);
    const long = stored.segments.find((s) => s.start === 600) as StoredSeg & { end: number };
    long.end = 660;
    longId = long.id;
  });
  return longId;
}

test('Ctrl+G goes to a typed time, Play after a seek on the timeline brings the list along, and Esc closes the search', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  const at600 = longPassageAt600(id);
  await openEditor(page, id);
  const field = page.getByRole('textbox', { name: 'الانتقال إلى الوقت' });

  // A time that is none, and one past the end, are said; the typing stays to correct.
  await page.keyboard.press('Control+g');
  await expect(field).toBeFocused();
  await field.fill('1:75');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'اكتب الوقت' })).toBeVisible();
  await expect(field).toHaveValue('1:75');
  await field.fill('40:00');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'بعد نهاية التسجيل' })).toBeVisible();
  await expectNoA11yViolations(page, 'review editor, go to a time with an error');
  // The toolbar's button that opens the field names its key.
  await expect(page.getByRole('button', { name: 'الانتقال إلى الوقت', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Control+G');
  // 1:39 is 99 s: the segment heard then is selected and shown, the player is there.
  await field.fill('1:39');
  await field.press('Enter');
  const at99 = `s-${Math.floor(99 / SEG_SEC) + 1}`;
  await expect(row(page, at99)).toBeFocused();
  await expect(row(page, at99)).toBeInViewport();
  await expect(field).toHaveCount(0);
  expect(await audioTime(page)).toBeCloseTo(99, 0);

  // Seek on the timeline while paused, then Play: the list goes to the segment playing.
  await page.getByRole('slider', { name: 'الموضع في التسجيل' }).fill('630');
  await page.getByRole('button', { name: 'تشغيل', exact: true }).click();
  await expect(row(page, at600)).toBeInViewport();
  await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());

  // Esc closes the search bar from its field, and from the list once the focus went back there.
  const search = page.getByRole('search');
  await page.keyboard.press('Control+f');
  await expect(search).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  await page.keyboard.press('Control+f');
  await search.getByRole('checkbox', { name: 'كلمة كاملة' }).focus();
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
});

test('Tab goes from the list to the side panel; Alt+N assigns the selected rows to agenda point N (Alt+0: none), and Ctrl+D drafts a decision from them', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  await openEditor(page, id);
  const points = page.locator('.agenda-outline li');
  await row(page, 's-1').locator('.seg-play').click();
  // The rows' text boxes are out of the Tab order: one Tab reaches the side panel's buttons,
  // and Enter still edits.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'إسناد المقاطع المحددة (1) إلى هذه النقطة' }).first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(row(page, 's-1')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page, 's-1').getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(row(page, 's-1')).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Alt+2');
  await expect(points.nth(1)).toContainText('عدد المقاطع: 3');
  await expect(points.nth(0)).toContainText('لم يُسند');
  await page.keyboard.press('Alt+1');
  await expect(points.nth(0)).toContainText('عدد المقاطع: 3');
  await expect(points.nth(1)).toContainText('لم يُسند');
  // A point the agenda does not have changes nothing.
  await page.keyboard.press('Alt+9');
  await page.keyboard.press('Alt+0');
  await expect(points.nth(0)).toContainText('لم يُسند');
  await expect(points.nth(1)).toContainText('لم يُسند');
  await page.keyboard.press('Control+z');
  await expect(points.nth(0)).toContainText('عدد المقاطع: 3');

  await row(page, 's-3').focus();
  await page.keyboard.press('Control+d');
  await expect(page.getByRole('heading', { name: 'قرار جديد' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'النص' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'قرار جديد' })).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: 'Alt+0 … 9' })).toContainText('النقطة 1 إلى 9');
  await expect(page.getByRole('dialog').getByRole('row', { name: /^Ctrl\+D / })).toContainText('صياغة مقرر');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /^قرار من المقاطع المحددة/ })).toHaveAttribute('aria-keyshortcuts', 'Control+D');
});

test('a click that plays a row does not move it, even cut by the list edge, and a double-click on a word of another selects the word', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  await openEditor(page, id);
  // The row the list's bottom edge cuts: following playback would scroll it fully into view.
  const list = page.locator('.seg-scroll');
  await list.evaluate((el) => el.scrollBy(0, 25));
  const cutRow = () =>
    list.evaluate((el) => {
      const bottom = Math.min(el.getBoundingClientRect().bottom, window.innerHeight);
      const rows = [...el.querySelectorAll<HTMLElement>('[role="row"]')];
      return rows.find((r) => r.getBoundingClientRect().top < bottom - 30 && r.getBoundingClientRect().bottom > bottom)?.dataset.seg;
    });
  await expect.poll(cutRow).toBeDefined();
  const cut = (await cutRow())!;
  const above = `s-${Number(cut.slice(2)) - 1}`;
  const top = async (segId: string) => (await row(page, segId).boundingBox())!.y;
  const before = { cut: await top(cut), above: await top(above) };

  // A click on its time, outside the text: it plays, and stays where it was.
  const time = (await row(page, cut).locator('.seg-play').boundingBox())!;
  await page.mouse.click(time.x + time.width / 2, time.y + 6);
  await expect(row(page, cut)).toHaveClass(/playing/);
  await expect(row(page, cut)).toBeFocused();
  expect(await top(cut)).toBe(before.cut);
  await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());

  // A double-click on the first word of a row not selected (the text is right-aligned).
  const box = (await row(page, above).getByRole('textbox').boundingBox())!;
  await page.mouse.dblclick(box.x + box.width - 18, box.y + 12);
  await expect(row(page, above)).toHaveClass(/playing/);
  expect(await top(above)).toBe(before.above);
  const word = await row(page, above)
    .getByRole('textbox')
    .evaluate((a: HTMLTextAreaElement) => a.value.slice(a.selectionStart, a.selectionEnd));
  expect(word).toMatch(/^\S+$/);
});
