// A transcription started while other programs hold the processor says so, in the secretary's
// language, and stops saying it once they are gone (the real engine, its thread count following
// the free cores: main/asr/free-cores.ts, thread-watch.ts).
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BusyCores } from './busy-cores.ts';
import { startServe, type ServeProcess } from './serve.ts';

const fixtures = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'msa-read');
let server: ServeProcess;
const cores = new BusyCores();
test.afterEach(async () => {
  cores.release();
  await server?.stop();
});

test('other programs on every core: the page says the transcription runs on fewer cores, and stops saying it when they end', async ({ page }) => {
  test.skip(!existsSync(join(fixtures, '001.wav')), 'Arabic fixtures not present beside the repository');
  test.skip(cpus().length < 2 || process.platform !== 'linux', 'needs 2 cores, and Linux for the thread count to follow them during a run');
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-e2e-load-'));
  // About 2 minutes of read Arabic: several 30 s windows, so the engine takes a new count mid-run.
  const clips = Array.from({ length: 16 }, (_, i) => join(fixtures, `${String(i + 1).padStart(3, '0')}.wav`));
  execFileSync('sox', [...clips, join(dir, 'long.wav')]);

  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.getByLabel('استيراد ملف صوتي').setInputFiles(join(dir, 'long.wav'));
  await expect(page.getByText(/المدة: [12]:\d\d/)).toBeVisible({ timeout: 30_000 });

  // A spinning process on every core, as a video call and a busy browser would.
  cores.hold();
  await page.getByRole('button', { name: 'بدء التفريغ' }).click();
  const note = page.locator('p.cores-taken[role="status"]');
  await expect(note).toHaveText(`برامج أخرى تشغل المعالج: يعمل التفريغ على 1 من ${cpus().length >= 8 ? 8 : cpus().length} أنوية، فيستغرق وقتًا أطول.`, {
    timeout: 60_000,
  });
  await page.screenshot({ path: 'test-results/screens/transcribe-cores-taken-ar.png', fullPage: true });
  await page.getByLabel('لغة الواجهة').selectOption('en');
  await expect(note).toContainText('Other programs are using the processor: the transcription runs on 1 of');
  await page.getByLabel('Interface language').selectOption('ar');

  // The programs end: at its next window the engine takes its cores back, and the note goes.
  cores.release();
  await expect(note).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'إيقاف' })).toBeVisible();
  await page.getByRole('button', { name: 'إيقاف' }).click();
});
