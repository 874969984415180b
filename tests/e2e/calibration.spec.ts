// "Measure on this computer" through the real UI, the real engine and the real base model (found
// in ../shared/models, as every e2e test finds it): the model list says what base is for, the
// button transcribes the built-in sample, base gets its expected time per hour of audio, and the
// app never recommends it, however fast (base is for trying the app only) and says why instead of
// "no model keeps up". The measure is kept: after a reload it is still shown.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { expectNoA11yViolations, wcagTags } from './axe.ts';
import { BusyCores } from './busy-cores.ts';
import { startServe, type ServeProcess } from './serve.ts';

const model = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'models', 'ggml-base.bin');
let server: ServeProcess;
const cores = new BusyCores();
test.afterEach(async () => {
  cores.release();
  await server?.stop();
});

/** "1:02:05" or "37:12" → seconds. */
const seconds = (clock: string) => clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);

test('measure on this computer: time per hour for base, and the recommendation', async ({ page }) => {
  test.skip(!existsSync(model), 'Whisper base model not present beside the repository');
  test.setTimeout(240_000);
  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.locator('.transcript-panel summary').click();

  const row = (label: string) => page.locator('.model-list li').filter({ has: page.getByText(label, { exact: true }) });
  const base = row('Whisper base');
  await expect(base).toContainText('للتجربة فقط');
  await expect(base).toContainText('مثبت');
  await expect(row('Whisper large-v3-turbo (q5_0)')).toContainText('موصى به للعربية');
  await expect(base).not.toContainText('لكل ساعة تسجيل');

  await page.getByRole('button', { name: 'قياس السرعة على هذا الحاسوب' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'جارٍ قياس Whisper base' })).toBeVisible();
  await expect(base).toContainText('لكل ساعة تسجيل', { timeout: 200_000 });
  await expect(page.getByRole('button', { name: 'قياس السرعة على هذا الحاسوب' })).toBeVisible();

  const time = /نحو ([\d:]+) لكل ساعة تسجيل/.exec((await base.textContent()) ?? '')?.[1];
  expect(time).toBeTruthy();
  const perHour = seconds(time!);
  expect(perHour).toBeGreaterThan(0);
  console.log(`calibration e2e: base needs about ${time} per hour of audio here`);
  // Base keeps up on most computers, but a trial model is never "recommended on this computer".
  await expect(base).not.toContainText('موصى به على هذا الحاسوب');
  await expect(page.getByRole('note').filter({ hasText: 'للتجربة فقط، ولا يوصى بها للمحاضر' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: /لا يفرّغ أي نموذج مثبت/ })).toHaveCount(0);
  // Labels are isolated: "(q5_1)" keeps its parentheses in order inside the Arabic list.
  await expect(page.locator('.model-list bdi[dir="ltr"]', { hasText: 'Whisper base (q5_1)' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/calibration.png', fullPage: true });
  await expectNoA11yViolations(page, 'model list after measuring', { tags: [...wcagTags, 'best-practice'] });

  // The measure is kept on this computer (calibration.json in the data folder).
  expect(existsSync(join(server.dataDir, 'calibration.json'))).toBe(true);
  await page.reload();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.locator('.transcript-panel summary').click();
  await expect(base).toContainText(`نحو ${time} لكل ساعة تسجيل`);
});

test('measure on this computer while other programs hold every core: the model is not measured, and the list says why', async ({ page }) => {
  test.skip(!existsSync(model), 'Whisper base model not present beside the repository');
  test.skip(cpus().length < 2, 'the look at the processor runs only with more than one thread');
  server = await startServe();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  await page.locator('.transcript-panel summary').click();
  const base = page.locator('.model-list li').filter({ has: page.getByText('Whisper base', { exact: true }) });

  // A spinning process on every core, as a video call and a busy browser would.
  cores.hold();
  await page.getByRole('button', { name: 'قياس السرعة على هذا الحاسوب' }).click();
  await expect(base).toContainText('برامج أخرى تشغل المعالج الآن', { timeout: 120_000 });
  await expect(base).not.toContainText('لكل ساعة تسجيل');
  await page.screenshot({ path: 'test-results/screens/calibration-computer-busy-ar.png', fullPage: true });
  expect(existsSync(join(server.dataDir, 'calibration.json'))).toBe(false);
});

