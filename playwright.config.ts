import { defineConfig } from '@playwright/test';

// E2E tests drive the real React build in Debian's Chromium against `npm run serve`'s server
// (each test starts its own server process on a temporary data root; see tests/e2e/serve.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/e2e-output',
  use: {
    locale: 'ar',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1280, height: 900 },
  },
});
