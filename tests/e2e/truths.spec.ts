// What the secretary sees must be true: replacing the audio asks first and names what will be
// lost; the transcript says which part of the recording has no text; every segment decoded is
// shown as it arrives; a finished job offers no Resume and a new recording leaves no old
// "100 %"; a server that dies is said at once, and the page comes back by itself with fresh data.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { restartServe, startServe, type ServeProcess } from './serve.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures');
const consultation = join(fixtures, 'consultation');
const msa = join(fixtures, 'msa-read');
mkdirSync('test-results/screens', { recursive: true });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

async function createMeeting(request: APIRequestContext, title: string): Promise<string> {
  const res = await request.post(`${server.origin}/api/createMeeting`, {
    data: { fields: { title } },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  const body = await res.json();
  expect(body.ok).toBe(true);
  return body.value.id as string;
}

const meetingFile = (id: string) => join(server.dataDir, 'meetings', id, 'meeting.json');
const readMeeting = (id: string) => JSON.parse(readFileSync(meetingFile(id), 'utf8'));

/** The consultation's reference turns up to `until` seconds, as saved segments. */
function consultationSegments(until: number) {
  return readFileSync(join(consultation, 'turns.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([, end]) => Number(end) <= until)
    .map(([start, end, , text], i) => ({ id: `s-${i + 1}`, start: Number(start), end: Number(end), text: text!, speakerId: null, tags: [], edited: false }));
}

/**
 * A meeting holding consultation.wav (117.9 s) and a transcript that stops at 88.3 s, as the real
 * engine left it: written into the meeting folder as another tool (or an earlier run) would.
 */
async function seedConsultation(request: APIRequestContext, segmentsUntil = 88.3): Promise<string> {
  const id = await createMeeting(request, 'لقاء تشاوري حول رقمنة الخدمات');
  copyFileSync(join(consultation, 'consultation.wav'), join(server.dataDir, 'meetings', id, 'audio.wav'));
  const m = readMeeting(id);
  m.audio = { file: 'audio.wav', durationSec: 117.863687, originalName: 'consultation.wav' };
  m.segments = consultationSegments(segmentsUntil);
  writeFileSync(meetingFile(id), JSON.stringify(m, null, 2));
  return id;
}

async function openTranscript(page: Page, id: string) {
  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'التفريغ' }).click();
}

test('replacing the audio asks first, naming its duration and segment count; cancel keeps everything', async ({ page, request }) => {
  test.skip(!existsSync(join(consultation, 'consultation.wav')), 'fixtures not present beside the repository');
  server = await startServe();
  const id = await seedConsultation(request);
  await openTranscript(page, id);
  const segments = page.locator('.segments li');
  await expect(segments).toHaveCount(8);
  await expect(page.getByText('المدة: 1:57')).toBeVisible();

  await page.getByLabel('استيراد ملف صوتي').setInputFiles(join(msa, '001.wav'));
  const dialog = page.getByRole('dialog', { name: 'استبدال التسجيل؟' });
  await expect(dialog).toContainText('المدة: 1:57');
  await expect(dialog).toContainText('عدد المقاطع: 8');
  await expect(dialog).toContainText('001.wav');
  await page.screenshot({ path: 'test-results/screens/replace-audio-confirm.png' });
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(segments).toHaveCount(8);
  await expect(page.getByText('المدة: 1:57')).toBeVisible();
  expect(readMeeting(id).segments).toHaveLength(8);
  expect(readMeeting(id).audio.originalName).toBe('consultation.wav');

  // Confirmed, the new recording replaces the old one and its transcript.
  await page.getByLabel('استيراد ملف صوتي').setInputFiles(join(msa, '001.wav'));
  await dialog.getByRole('button', { name: 'استبدال التسجيل' }).click();
  await expect(page.getByText('المدة: 0:06')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('لا يوجد نص بعد.')).toBeVisible();
});

test('a transcript that stops before the end of the recording says which span has no text', async ({ page, request }) => {
  test.skip(!existsSync(join(consultation, 'consultation.wav')), 'fixtures not present beside the repository');
  server = await startServe();
  const id = await seedConsultation(request);
  await openTranscript(page, id);
  // The note headed by the gaps' heading (the tab has other notes: the drafting card's privacy note).
  const warning = page.locator('[role="note"][aria-labelledby="gaps-h"]');
  await expect(warning).toContainText('النص لا يغطي التسجيل كله');
  await expect(warning.getByRole('listitem')).toHaveText(['لا يوجد نص بين 1:28 و1:57 (30 ث)']);
  await page.screenshot({ path: 'test-results/screens/gap-warning-ar.png', fullPage: true });
  await page.getByLabel('لغة الواجهة').selectOption('fr');
  await expect(warning.getByRole('listitem')).toHaveText(['Aucun texte entre 1:28 et 1:57 (30 s)']);
  await page.getByLabel('Langue de l’interface').selectOption('en');
  await expect(warning.getByRole('listitem')).toHaveText(['No text between 1:28 and 1:57 (30 s)']);
  await page.getByLabel('Interface language').selectOption('ar');

  // A transcript covering the whole recording has no warning.
  const full = readMeeting(id);
  full.segments = consultationSegments(200);
  writeFileSync(meetingFile(id), JSON.stringify(full, null, 2));
  await page.reload();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await expect(page.locator('.segments li')).toHaveCount(11);
  await expect(warning).toHaveCount(0);
});

test('the server dies: the page says so at once, then reconnects and shows fresh data', async ({ page, request }) => {
  test.skip(!existsSync(join(consultation, 'consultation.wav')), 'fixtures not present beside the repository');
  server = await startServe();
  const id = await seedConsultation(request, 60);
  await openTranscript(page, id);
  await expect(page.locator('.segments li')).toHaveCount(5);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Proves below that the page was never reloaded.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await server.kill();
  const lost = page.getByRole('alert').filter({ hasText: 'انقطع الاتصال بمحضر' });
  await expect(lost).toBeVisible({ timeout: 2_000 });
  await page.screenshot({ path: 'test-results/screens/connection-lost.png' });

  // What was saved while this page could not hear about it (a job's last segments, another window).
  const m = readMeeting(id);
  m.segments = consultationSegments(88.3);
  writeFileSync(meetingFile(id), JSON.stringify(m, null, 2));
  server = await restartServe(server);
  await expect(lost).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('.segments li')).toHaveCount(8);
  await expect(page.getByText('هذه ملاحظة مهمة')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.screenshot({ path: 'test-results/screens/connection-back.png' });
});

test('live segments are all shown; a finished job offers no Resume; new audio leaves no old 100 %', async ({ page }) => {
  test.skip(!existsSync(join(msa, '001.wav')), 'fixtures not present beside the repository');
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-e2e-truths-'));
  // Four read clips, then 3 s of silence: the engine's last segment ends well before the end of
  // the audio (the old screen offered "Resume" after such a finished job).
  const wav = join(dir, 'جلسة.wav');
  execFileSync('sox', [...['001', '002', '003', '004'].map((n) => join(msa, `${n}.wav`)), wav, 'pad', '0', '3']);

  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.getByLabel('استيراد ملف صوتي').setInputFiles(wav);
  await expect(page.getByText('المدة: 0:29')).toBeVisible({ timeout: 30_000 });
  const id = /#\/meeting\/([a-z0-9-]+)/.exec(page.url())![1]!;

  // From here the page learns of segments only through live events: reading the meeting again
  // (as it does when the job ends) would hide segments the live view dropped.
  await page.route('**/api/getMeeting', (route) => route.abort());
  await page.getByRole('button', { name: 'بدء التفريغ' }).click();
  await expect(page.getByRole('button', { name: 'إيقاف' })).toBeVisible();
  await expect(page.getByText('اكتمل التفريغ.')).toBeVisible({ timeout: 110_000 });
  const saved = readMeeting(id).segments as { text: string }[];
  expect(saved.length).toBeGreaterThan(2);
  const segments = page.locator('.segments li .seg-text');
  await expect(segments).toHaveCount(saved.length);
  await page.unroute('**/api/getMeeting');

  // Finished: starting again would do nothing, so there is no Start or Resume, only "again from the start".
  await expect(page.getByText('100%')).toBeVisible();
  await expect(page.getByRole('button', { name: 'استئناف التفريغ' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'بدء التفريغ' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'إعادة التفريغ من البداية' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/job-finished.png', fullPage: true });

  // New audio: the old job's 100 % belonged to the old recording.
  await page.getByLabel('استيراد ملف صوتي').setInputFiles(join(msa, '005.wav'));
  const dialog = page.getByRole('dialog', { name: 'استبدال التسجيل؟' });
  await expect(dialog).toContainText(`عدد المقاطع: ${saved.length}`);
  await dialog.getByRole('button', { name: 'استبدال التسجيل' }).click();
  await expect(page.getByText('المدة: 0:10')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('لا يوجد نص بعد.')).toBeVisible();
  await expect(page.getByText('100%')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'بدء التفريغ' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/new-audio.png', fullPage: true });
});
