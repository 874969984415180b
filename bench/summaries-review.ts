// The secretary's keystrokes to review the drafted summaries of a three-hour meeting in the
// editor's summaries view: 150 interventions (the 2,500 segments of the export benchmark's
// generator, cut into 150 runs of one speaker, 25 under each of 6 agenda points), each with a
// model's draft, accepted one after the other with the keyboard flow (Ctrl+Enter accepts and goes
// to the next one to review). In Debian's Chromium (Playwright) against a real serve process on a
// temporary data root, seeded as tests/e2e/summaries.spec.ts seeds it.
//
// Counted: the keys pressed from the moment the list has the focus (the first intervention to
// review is where Tab enters it) until the counter says no intervention is left without a checked
// summary. Each key waits for the focus to reach the next row, as a person would see it move
// before pressing again. `ms`: from the first key to the counter at 0 (every accept saved).
// bench/summaries.ts reports it beside the drafting time.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { startServe } from '../tests/e2e/serve.ts';
import { seedSummariesMeeting, type SeedIntervention } from '../tests/e2e/summaries-seed.ts';
import { generateMeeting } from './export.ts';

const root = resolve(import.meta.dirname, '..');
const INTERVENTIONS = 150;
const POINTS = 6;

export interface ReviewKeystrokes {
  interventions: number;
  keystrokes: number;
  keystrokesPerIntervention: number;
  ms: number;
}

/** The generator's segments cut into `INTERVENTIONS` runs; consecutive runs have different speakers. */
function plan() {
  const generated = generateMeeting();
  const { segments, participants } = generated;
  const agenda = generated.agenda.slice(0, POINTS);
  const interventions: SeedIntervention[] = Array.from({ length: INTERVENTIONS }, (_, k) => {
    const texts = segments.slice(Math.floor((k * segments.length) / INTERVENTIONS), Math.floor(((k + 1) * segments.length) / INTERVENTIONS)).map((s) => s.text);
    const speaker = participants[k % participants.length]!;
    return { speakerId: speaker.id, agendaItemId: agenda[Math.floor((k * POINTS) / INTERVENTIONS)]!.id, texts, draft: `أكد ${speaker.title} ${speaker.name} أن ${texts[0]}` };
  });
  return { participants, agenda, interventions, segSec: (3 * 3600) / segments.length };
}

const unchecked = (page: Page) => page.locator('.sum-counter [data-unchecked]').getAttribute('data-unchecked').then(Number);
const focusedRow = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-key]')?.getAttribute('data-key') ?? null);

export async function reviewKeystrokes(): Promise<ReviewKeystrokes> {
  // Serve mode serves the built renderer (dist/renderer), as `npm run serve` builds it first.
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
  const server = await startServe();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const id = await seedSummariesMeeting(server, plan());
    const page = await browser.newPage({ locale: 'ar', viewport: { width: 1280, height: 900 } });
    await page.goto(server.url); // sets the token cookie
    await page.goto(`${server.origin}/#/meeting/${id}`);
    await page.getByRole('tab', { name: 'المراجعة' }).click();
    await page.getByRole('button', { name: 'الملخصات' }).click();
    const first = page.locator('[role="listitem"][tabindex="0"]');
    await first.focus();
    if ((await unchecked(page)) !== INTERVENTIONS) throw new Error(`expected ${INTERVENTIONS} interventions to review, got ${await unchecked(page)}`);

    let keystrokes = 0;
    const start = performance.now();
    for (let left = INTERVENTIONS; left > 0; left--) {
      const before = await focusedRow(page);
      await page.keyboard.press('Control+Enter');
      keystrokes++;
      // The last accept leaves the focus where it is: nothing is left to go to.
      if (left > 1) await page.waitForFunction((key) => document.activeElement?.closest('[data-key]')?.getAttribute('data-key') !== key, before);
    }
    await page.waitForFunction(() => document.querySelector('.sum-counter [data-unchecked]')?.getAttribute('data-unchecked') === '0', undefined, { timeout: 60_000 });
    const ms = performance.now() - start;
    return { interventions: INTERVENTIONS, keystrokes, keystrokesPerIntervention: keystrokes / INTERVENTIONS, ms: Math.round(ms) };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
