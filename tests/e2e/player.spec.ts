// Listening while reviewing: the recording plays in the page from /media/<meetingId>/audio (by
// id, with byte ranges), and the player's keys work while the secretary types in a text box.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServe, type ServeProcess } from './serve.ts';

const msa = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'msa-read');
let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const audio = (page: Page) => page.locator('.audio-bar audio');
const media = (page: Page) =>
  audio(page).evaluate((el: HTMLAudioElement) => ({ time: el.currentTime, paused: el.paused, rate: el.playbackRate, src: el.currentSrc }));

test('play, pause, back 3 s and speed, by buttons and by keys while typing', async ({ page }) => {
  test.skip(!existsSync(join(msa, '003.wav')), 'Arabic fixtures not present beside the repository');
  // About 18 s of read Arabic (17.7 s: the player shows 0:17, whole seconds as everywhere): long
  // enough to move back 3 s from the middle.
  const wav = join(mkdtempSync(join(tmpdir(), 'mahdar-e2e-player-')), 'جلسة.wav');
  execFileSync('sox', [join(msa, '001.wav'), join(msa, '002.wav'), join(msa, '003.wav'), wav]);

  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByLabel('العنوان', { exact: true }).fill('مراجعة بالاستماع');
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.getByLabel('استيراد ملف صوتي').setInputFiles(wav);

  const bar = page.getByRole('region', { name: 'مشغل التسجيل' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  // The page names the meeting, never a file.
  await expect.poll(async () => (await media(page)).src).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/m-[a-z0-9-]+\/audio\?v=/);
  await expect(bar.getByText(/\/ 0:17$/)).toBeVisible();

  // Play with a real click: the position advances, and the button now pauses.
  await bar.getByRole('button', { name: 'تشغيل' }).click();
  await expect.poll(async () => (await media(page)).time, { timeout: 15_000 }).toBeGreaterThan(0.5);
  await bar.getByRole('button', { name: 'إيقاف مؤقت' }).click();
  await expect.poll(async () => (await media(page)).paused).toBe(true);
  await expect(bar.getByRole('button', { name: 'تشغيل' })).toBeVisible();

  // The keys, while a text box has focus: they drive the player and type nothing.
  await page.evaluate(() => {
    const box = document.createElement('textarea');
    box.setAttribute('aria-label', 'نص المقطع');
    document.querySelector('.audio-bar')!.after(box);
  });
  const box = page.getByRole('textbox', { name: 'نص المقطع' });
  await box.click();
  await box.pressSequentially('نص');
  await page.keyboard.press('Control+Space');
  await expect.poll(async () => (await media(page)).paused).toBe(false);
  await expect.poll(async () => (await media(page)).time).toBeGreaterThan((await media(page)).time + 0.3);
  await page.keyboard.press('Control+Space');
  await expect.poll(async () => (await media(page)).paused).toBe(true);
  await expect(box).toBeFocused();

  // Back 3 s from 10 s, by key, then by the button.
  await bar.getByRole('slider', { name: 'الموضع في التسجيل' }).fill('10');
  await expect.poll(async () => (await media(page)).time).toBeCloseTo(10, 0);
  await box.focus();
  await page.keyboard.press('Control+B');
  await expect.poll(async () => (await media(page)).time).toBeCloseTo(7, 0);
  await bar.getByRole('button', { name: 'رجوع 3 ثوانٍ' }).click();
  await expect.poll(async () => (await media(page)).time).toBeCloseTo(4, 0);

  // Speed: faster and slower by keys, any speed from the list.
  await box.focus();
  await page.keyboard.press('Control+Shift+Period');
  await expect.poll(async () => (await media(page)).rate).toBe(1.25);
  await page.keyboard.press('Control+Shift+Period');
  await expect(bar.getByLabel('سرعة التشغيل')).toHaveValue('1.5');
  await page.keyboard.press('Control+Shift+Comma');
  await expect.poll(async () => (await media(page)).rate).toBe(1.25);
  await bar.getByLabel('سرعة التشغيل').selectOption('2');
  await expect.poll(async () => (await media(page)).rate).toBe(2);
  // Playing keeps the chosen speed.
  await box.focus();
  await page.keyboard.press('Control+Space');
  await expect.poll(async () => (await media(page)).paused).toBe(false);
  expect((await media(page)).rate).toBe(2);
  await expect(box).toHaveValue('نص');
  await page.screenshot({ path: 'test-results/screens/player.png', fullPage: true });
  await page.keyboard.press('Control+Space');
});

test('the timeline shows who speaks when, and clicking it moves the playback there', async ({ page, request }) => {
  test.skip(!existsSync(join(msa, '003.wav')), 'Arabic fixtures not present beside the repository');
  server = await startServe();
  const created = await request.post(`${server.origin}/api/createMeeting`, {
    data: { fields: { title: 'من تكلم ومتى' } },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  const id = (await created.json()).value.id as string;
  // Written into the meeting folder as an earlier transcription would have left it: three clips,
  // two speakers taking turns.
  const dir = join(server.dataDir, 'meetings', id);
  execFileSync('sox', [join(msa, '001.wav'), join(msa, '002.wav'), join(msa, '003.wav'), join(dir, 'audio-seed.wav')]);
  const m = JSON.parse(readFileSync(join(dir, 'meeting.json'), 'utf8'));
  m.participants = [
    { id: 'p-amina', name: 'أمينة', gender: 'f', title: '', organisation: '' },
    { id: 'p-karim', name: 'كريم', gender: 'm', title: '', organisation: '' },
  ];
  m.audio = { file: 'audio-seed.wav', durationSec: 18.9, originalName: 'جلسة.wav' };
  m.segments = [
    { id: 's-1', start: 0, end: 6.3, text: 'المقطع الأول', speakerId: 'p-amina', tags: [], edited: false },
    { id: 's-2', start: 6.3, end: 12.6, text: 'المقطع الثاني', speakerId: 'p-karim', tags: [], edited: false },
    { id: 's-3', start: 12.6, end: 18.9, text: 'المقطع الثالث', speakerId: 'p-amina', tags: [], edited: false },
  ];
  writeFileSync(join(dir, 'meeting.json'), JSON.stringify(m, null, 2));

  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  const bar = page.getByRole('region', { name: 'مشغل التسجيل' });
  const turns = bar.locator('.audio-speakers > span:not(.audio-played)');
  await expect(turns).toHaveCount(3);
  const colours = await turns.evaluateAll((spans) => spans.map((s) => getComputedStyle(s).backgroundColor));
  expect(colours[0]).toBe(colours[2]);
  expect(colours[0]).not.toBe(colours[1]);

  // Arabic runs right to left: the start of the recording is at the right end of the timeline.
  const slider = bar.getByRole('slider', { name: 'الموضع في التسجيل' });
  await expect(slider).toBeEnabled();
  const box = (await slider.boundingBox())!;
  await slider.click({ position: { x: box.width * 0.25, y: box.height / 2 } });
  await expect.poll(async () => (await media(page)).time).toBeGreaterThan(12);
  await page.screenshot({ path: 'test-results/screens/player-speakers.png', fullPage: true });
});
