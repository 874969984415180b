// The secretary's keystrokes to walk a review by key (issue 25): the 8 turns of a trial meeting
// and the 150 of a three-hour one with T (and a number key for each turn left without a
// speaker, every 4th and every 10th), and 12 decisions with D. In Debian's Chromium, launched as
// the e2e tests launch it (playwright.config.ts), against a real serve process on a temporary
// data root; the meeting is seed.ts's 2,500 segments, the size of three hours of speech. The walks
// are tests/e2e/editor-turns-walk.ts's, which tests/e2e/editor-turns.spec.ts runs too: each key
// waits for the focus to reach its row, and a stop not reached fails the bench.
//
// Counted: the keys pressed. Beside them, what the same stops would take with ↓ alone from the
// first row (their rows, read from the meeting, not pressed), and the walk's time, which depends
// on the machine (its line and the load average are in the table) and is no goal.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import config from '../playwright.config.ts';
import { openEditor, seedDecisions, tagTurns, walkDecisions, walkTurns, type StoredSeg } from '../tests/e2e/editor-turns-walk.ts';
import { SEGMENTS, seedLongMeeting } from '../tests/e2e/seed.ts';
import { startServe, type ServeProcess } from '../tests/e2e/serve.ts';
import type { BenchReport } from './index.ts';
import { machineLine } from './machine.ts';

const root = resolve(import.meta.dirname, '..');

interface Walk {
  walk: string;
  stops: number;
  /** Number keys pressed to retag a turn left without a speaker. */
  retags: number;
  keystrokes: number;
  /** ↓ presses from the first row to the last stop, plus the retags. */
  arrowsInstead: number;
  ms: number;
  load: { before: number; after: number };
}

/** Row of a seeded segment: seed.ts numbers them s-1, s-2… in time order, and no filter is on. */
const rowOf = (s: StoredSeg) => Number(s.id.slice(2)) - 1;

async function measure(browser: Browser, server: ServeProcess, walk: string, prepare: (id: string) => { stops: StoredSeg[]; retags: number; press(page: Page): Promise<number> }): Promise<Walk> {
  const id = await seedLongMeeting(server);
  const plan = prepare(id);
  const page = await browser.newPage({ locale: config.use?.locale, viewport: config.use?.viewport });
  try {
    await openEditor(page, server, id);
    const before = loadavg()[0]!;
    const start = performance.now();
    const keystrokes = await plan.press(page);
    const ms = performance.now() - start;
    const last = plan.stops[plan.stops.length - 1]!;
    return { walk, stops: plan.stops.length, retags: plan.retags, keystrokes, arrowsInstead: rowOf(last) + plan.retags, ms, load: { before, after: loadavg()[0]! } };
  } finally {
    await page.close();
  }
}

function turns(count: number, untaggedEvery: number) {
  return (browser: Browser, server: ServeProcess) =>
    measure(browser, server, `${count} turns (T; a number key retags every ${untaggedEvery}th)`, (id) => {
      const { first, untagged } = tagTurns(server, id, count, untaggedEvery);
      return { stops: first, retags: untagged.size, press: (page) => walkTurns(page, first, untagged, false) };
    });
}

function decisions(count: number) {
  return (browser: Browser, server: ServeProcess) =>
    measure(browser, server, `${count} decisions (D)`, (id) => {
      const seeded = seedDecisions(server, id, count);
      return { stops: seeded.map((d) => d.first), retags: 0, press: (page) => walkDecisions(page, seeded, false) };
    });
}

const WALKS = [turns(8, 4), turns(150, 10), decisions(12)];

export async function run(): Promise<BenchReport> {
  // Serve mode serves the built renderer (dist/renderer), as `npm run serve` builds it first.
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
  const server = await startServe();
  const browser = await chromium.launch(config.use?.launchOptions);
  const walks: Walk[] = [];
  try {
    for (const walk of WALKS) walks.push(await walk(browser, server));
  } finally {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
  const per = (w: Walk) => (w.keystrokes / w.stops).toFixed(2);
  const table = [
    `Walking a review by key, on a meeting of ${SEGMENTS} segments; ${machineLine()}. Browser: Chromium (Playwright, headless, no GPU) against a serve process.`,
    '',
    '| walk | stops | keystrokes | per stop | of which retags | ↓ alone from the first row | walk ms | load before → after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...walks.map((w) => `| ${w.walk} | ${w.stops} | ${w.keystrokes} | ${per(w)} | ${w.retags} | ${w.arrowsInstead} | ${w.ms.toFixed(0)} | ${w.load.before.toFixed(2)} → ${w.load.after.toFixed(2)} |`),
    '',
    'Keystrokes: each walk key pressed (one a stop) and each number key that retags a turn left without a speaker; each waits for the focus to reach its row. ' +
      '"↓ alone": the rows from the first one to the last stop, plus the same retags: what the walk would take without the walk key (read from the meeting, not pressed). ' +
      'Walk ms includes the checks that each stop is reached; it is the machine’s, not a goal.',
  ].join('\n');
  return { name: 'editor-turns', table, data: { segments: SEGMENTS, machine: machineLine(), walks } };
}
