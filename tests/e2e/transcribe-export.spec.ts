// The secretary's path from audio to signed minutes, through the real UI, the real engine and
// the real Whisper model: import an MP3, transcribe it (progress, segments appear), preview and
// export the minutes, approve them. Broken audio gets a clear Arabic message.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServe, type ServeProcess } from './serve.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'msa-read');
let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

test('import audio, transcribe with the local engine, export and approve the minutes', async ({ page }) => {
  test.skip(!existsSync(join(fixtures, '001.wav')), 'Arabic fixtures not present beside the repository');
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-e2e-audio-'));
  const mp3 = join(dir, 'جلسة.mp3');
  // Two real read-Arabic clips joined, as an MP3 like a recorder would give.
  execFileSync('sox', [join(fixtures, '001.wav'), join(fixtures, '002.wav'), join(dir, 'joined.wav')]);
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', join(dir, 'joined.wav'), mp3]);

  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByLabel('العنوان', { exact: true }).fill('لقاء تشاوري حول الماء');
  await page.getByRole('tab', { name: 'التفريغ' }).click();

  await page.getByLabel('استيراد ملف صوتي').setInputFiles(mp3);
  await expect(page.getByText('المدة: 0:11')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'بدء التفريغ' }).click();
  await expect(page.getByRole('button', { name: 'إيقاف' })).toBeVisible();
  await expect(page.getByText('اكتمل التفريغ.')).toBeVisible({ timeout: 100_000 });
  const segments = page.locator('.segments li');
  expect(await segments.count()).toBeGreaterThan(0);
  // The real model hears Arabic: the transcript shares words with what was read.
  const text = (await segments.allTextContents()).join(' ');
  expect(text).toMatch(/[\u0600-\u06FF]{3,}/);
  expect(text).toMatch(/الماء|المياه|الشعر|العربي|الدول/);
  await page.screenshot({ path: 'test-results/screens/transcript.png', fullPage: true });

  // Starting over asks first, then replaces the transcript from the beginning.
  await page.getByRole('button', { name: 'إعادة التفريغ من البداية' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('سيُستبدل النص الحالي');
  await confirm.getByRole('button', { name: 'إعادة التفريغ من البداية' }).click();
  await expect(page.getByRole('button', { name: 'إيقاف' })).toBeVisible();
  await expect(page.getByText('اكتمل التفريغ.')).toBeVisible({ timeout: 100_000 });
  await expect(segments.first()).toContainText('0:00');

  await page.getByRole('tab', { name: 'المحضر' }).click();
  const preview = page.getByRole('region', { name: 'معاينة المحضر' });
  await expect(preview.getByText('لقاء تشاوري حول الماء').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/minutes-preview.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير المحضر (DOCX)' }).click();
  const file = await download;
  const saved = join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK'); // a DOCX is a zip
  expect(file.suggestedFilename()).toMatch(/\.docx$/);

  // A consultation prints summary minutes: approval first names the interventions still without a
  // summary (none was written here), and goes through once confirmed.
  await page.getByRole('button', { name: 'المصادقة على المحضر' }).click();
  await expect(page.getByRole('dialog')).toContainText('تدخلات بدون ملخص مراجع:');
  await page.getByRole('dialog').getByRole('button', { name: 'المصادقة على المحضر' }).click();
  await expect(page.getByText('هذا المحضر مصادق عليه وللقراءة فقط.')).toBeVisible();

  // The approved revision goes to the archive as a BagIt zip: the approved DOCX with its checksums.
  const bagDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'حزمة الأرشيف (BagIt)' }).click();
  const bag = await bagDownload;
  expect(bag.suggestedFilename()).toMatch(/\.zip$/);
  const bagPath = join(dir, bag.suggestedFilename());
  await bag.saveAs(bagPath);
  const listing = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', bagPath], { encoding: 'utf8' });
  expect(listing).toMatch(/\/bagit\.txt$/m);
  expect(listing).toMatch(/\/manifest-sha256\.txt$/m);
  expect(listing).toMatch(/\/data\/.*\.docx$/m);
  await expect(page.getByText(/تم إنشاء حزمة الأرشيف/)).toBeVisible();

  await page.getByRole('tab', { name: 'المعلومات' }).click();
  await expect(page.getByLabel('العنوان', { exact: true })).toHaveAttribute('readonly', '');
});

test('a file that is not audio gets a clear message and leaves the meeting untouched', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-e2e-bad-'));
  const fake = join(dir, 'تسجيل.mp3');
  writeFileSync(fake, 'هذا ليس ملفًا صوتيًا\n'.repeat(50));
  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.getByLabel('استيراد ملف صوتي').setInputFiles(fake);
  await expect(page.getByRole('alert')).toContainText('تعذرت قراءة الملف الصوتي');
  await expect(page.getByText('لا يوجد تسجيل بعد.', { exact: false })).toBeVisible();
});
