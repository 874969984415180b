// Smoke test of the desktop shell with Playwright's Electron driver. Where no Electron binary
// is installed (its download is blocked on offline machines, and CI installs the package
// without it for its types) the test reports itself skipped.
import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BRIDGE_KEYS } from '../../main/bridge-channels.ts';

const require = createRequire(import.meta.url);
function electronBinary(): string | null {
  try {
    return require('electron') as string;
  } catch {
    return null;
  }
}

test('the desktop app opens the library in Arabic, hardened', async () => {
  const binary = electronBinary();
  test.skip(!binary, 'no Electron binary installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)');
  const app = await electron.launch({
    executablePath: binary!,
    args: [resolve(import.meta.dirname, '..', '..'), '--no-sandbox'],
    env: { ...process.env, MAHDAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'mahdar-electron-')) },
  });
  const page = await app.firstWindow();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'اجتماع جديد' }).click();
  await expect(page.getByLabel('العنوان', { exact: true })).toBeVisible();
  // No Node in the page; only the narrow bridge.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((window as unknown as { mahdarBridge: object }).mahdarBridge).sort())).toEqual([...BRIDGE_KEYS].sort());
  // No Node globals leak into the page (nodeIntegration off, context isolated).
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  // Navigation away from our page is blocked.
  await page.evaluate(() => (window.location.href = 'https://example.org/'));
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^file:.*index\.html/);
  await app.close();
});
