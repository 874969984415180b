// The recording tab's warnings, in Chromium with a fake microphone: a muted one (digital silence)
// brings the silence warning, one driven past full scale the clipping warning, and a disk that
// holds 12 minutes of recording (serve mode with a fake disk, serve-low-disk.ts) the low-disk
// alert with the minutes left. Each is a live region the screen reader reads out.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe.ts';
import { fakeInputs, openRecordingTab, startServeWithoutEngine, waitForShown, withFakeMic } from './recording-fakes.ts';
import type { ServeProcess } from './serve.ts';

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

const silenceWarning = /لا يصل أي صوت من الميكروفون منذ بضع ثوانٍ/;
const clippingWarning = /الصوت مرتفع إلى حد التشويه منذ بضع ثوانٍ/;

test('a muted microphone: the page warns that no sound arrives, in a status region, while recording goes on', async ({ playwright, request }) => {
  await withFakeMic(playwright, fakeInputs.silent(), async (page) => {
    server = await startServeWithoutEngine();
    await openRecordingTab(server, page, request);
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();
    await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();
    const warning = page.getByRole('status').filter({ hasText: silenceWarning });
    await expect(warning).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screens/recording-warning-silent.png', fullPage: true });
    await expectNoA11yViolations(page, 'recording tab, silence warning');
    // Paused, nothing is recorded: nothing to warn about.
    await page.getByRole('button', { name: 'إيقاف التسجيل مؤقتًا' }).click();
    await expect(page.getByText(silenceWarning)).toHaveCount(0);
  });
});

test('a microphone driven past full scale: the page warns that the sound is distorted, in a status region', async ({ playwright, request }) => {
  await withFakeMic(playwright, fakeInputs.clipping(), async (page) => {
    server = await startServeWithoutEngine();
    await openRecordingTab(server, page, request);
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();
    const warning = page.getByRole('status').filter({ hasText: clippingWarning });
    await expect(warning).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: 'test-results/screens/recording-warning-clipping.png', fullPage: true });
  });
});

test('a nearly full disk: the page alerts with the minutes of recording left', async ({ playwright, request }) => {
  await withFakeMic(playwright, fakeInputs.tone(), async (page) => {
    server = await startServeWithoutEngine(join(import.meta.dirname, 'serve-low-disk.ts'));
    await openRecordingTab(server, page, request);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /لا تتسع المساحة الحرة على القرص إلا لـ 12 دقيقة من التسجيل/ });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    // A steady voice-band input, recorded past the time either level warning needs: neither shows.
    await waitForShown(page, 7);
    await expect(page.getByText(silenceWarning)).toHaveCount(0);
    await expect(page.getByText(clippingWarning)).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/recording-warning-disk.png', fullPage: true });
  });
});
