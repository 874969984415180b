// The review that walks the turns: T selects the next change of speaker or agenda point and plays
// from 3 s before it, a number key retags it, T moves on; the keystrokes are counted for a trial
// meeting of 8 turns and a three-hour one of 150 (printed: a bench, not a timed test). Ctrl+G goes
// to a typed time; after a seek on the timeline, Play brings the list to the playing segment; Esc
// closes the search bar.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoA11yViolations } from './axe.ts';
import { agenda, people, SEG_SEC, SEGMENTS, seedLongMeeting } from './seed.ts';
import { startServe, type ServeProcess } from './serve.ts';

test.use({ actionTimeout: 15_000 });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

interface StoredSeg {
  id: string;
  start: number;
  speakerId: string | null;
  agendaItemId?: string;
}

/**
 * The seeded meeting cut into `turns` equal turns, the speakers taking the floor in turn, the
 * first half under the first agenda point. Every `untaggedEvery`-th turn's first segment has no
 * speaker, as a late floor key leaves it: the secretary retags it. Returns the turns' first segments.
 */
function tagTurns(id: string, turns: number, untaggedEvery: number): { first: StoredSeg[]; untagged: Set<string> } {
  const file = join(server.dataDir, 'meetings', id, 'meeting.json');
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  const per = Math.floor(SEGMENTS / turns);
  const first: StoredSeg[] = [];
  const untagged = new Set<string>();
  stored.segments.forEach((s: StoredSeg, i: number) => {
    const turn = Math.min(turns - 1, Math.floor(i / per));
    s.speakerId = people[turn % people.length]!.id;
    s.agendaItemId = agenda[turn < turns / 2 ? 0 : 1]!.id;
    if (i === turn * per) {
      first.push(s);
      if (turn % untaggedEvery === untaggedEvery - 1) {
        s.speakerId = null;
        untagged.add(s.id);
      }
    }
  });
  writeFileSync(file, JSON.stringify(stored, null, 2));
  return { first, untagged };
}

async function openEditor(page: Page, id: string) {
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'المراجعة' }).click();
  await expect(page.getByRole('grid', { name: 'مقاطع التفريغ' })).toBeVisible();
}

const row = (page: Page, id: string): Locator => page.locator(`[role="row"][data-seg="${id}"]`);
const audioTime = (page: Page) => page.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime);

/** Walks every turn by key, retagging the untagged ones; returns the keys pressed. */
async function walkTurns(page: Page, first: StoredSeg[], untagged: Set<string>, checkLead: boolean): Promise<number> {
  let keys = 0;
  for (const s of first) {
    await page.keyboard.press('t');
    keys++;
    await expect(row(page, s.id)).toBeFocused();
    if (checkLead && s.start > 0) {
      // Heard from 3 s before the change (playback has gone on a little since).
      const at = await audioTime(page);
      expect(at).toBeGreaterThanOrEqual(s.start - 3 - 0.05);
      expect(at).toBeLessThan(s.start);
    }
    if (untagged.has(s.id)) {
      // Turn n is the speaker of rank n % 3 + 1: the key that names them.
      await page.keyboard.press(String((first.indexOf(s) % people.length) + 1));
      keys++;
      await expect(row(page, s.id)).toContainText(people[first.indexOf(s) % people.length]!.name);
    }
  }
  return keys;
}

test('T walks the turns of a trial meeting, from 3 s before each, and a number key retags one', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  const { first, untagged } = tagTurns(id, 8, 4);
  await openEditor(page, id);
  const keys = await walkTurns(page, first, untagged, true);
  console.log(`editor-turns: 8 turns walked with ${keys} keystrokes`);
  expect(keys).toBe(8 + untagged.size);
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

test('the 150 turns of a three-hour meeting are walked by key (bench: keystrokes printed)', async ({ page }) => {
  server = await startServe();
  const id = await seedLongMeeting(server);
  const { first, untagged } = tagTurns(id, 150, 10);
  await openEditor(page, id);
  const keys = await walkTurns(page, first, untagged, false);
  console.log(`editor-turns: 150 turns walked with ${keys} keystrokes (${untagged.size} retagged)`);
  expect(keys).toBe(150 + untagged.size);
});

/** One long passage from 600 s to 660 s, as speech is: playing inside it crosses no boundary for a minute. */
function longPassageAt600(id: string): string {
  const file = join(server.dataDir, 'meetings', id, 'meeting.json');
  const stored = JSON.parse(readFileSync(file, 'utf8'));
  stored.segments = stored.segments.filter((s: StoredSeg) => s.start <= 600 || s.start >= 660);
  const long = stored.segments.find((s: StoredSeg) => s.start === 600);
  long.end = 660;
  writeFileSync(file, JSON.stringify(stored, null, 2));
  return long.id;
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
