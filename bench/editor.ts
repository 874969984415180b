// The review editor on a three-hour meeting (2,500 segments), in two parts:
//  - in the browser: Debian's Chromium (Playwright) against a real serve process on a temporary
//    data root, seeded as tests/e2e/editor.spec.ts seeds it. Time from the click on the Review
//    tab to the first row painted, and from a key pressed in a segment's text box to the next
//    paint, both measured in the page (event timestamp → the task after the next animation
//    frame, which runs once that frame is painted). The goals: under 1 s and under 16 ms.
//  - in the service: one edit command (setText, assignSpeaker over 100 segments, splitSegment)
//    through the same dispatch the transports use, until it is acknowledged (appended to the
//    journal), and until the journal line is fsynced (the journal syncs at most a second after an
//    edit: main/archive/journal.ts).
// Timings, not ratios: they are set against fixed goals (a frame, a second), so they depend on
// the machine; the table names the CPU count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { createContext } from '../main/context/context.ts';
import { createService, dispatch } from '../main/service/index.ts';
import type { EditInput, EditResult } from '../shared/edits.ts';
import { seedLongMeeting, SEGMENTS } from '../tests/e2e/seed.ts';
import { startServe } from '../tests/e2e/serve.ts';
import { generateMeeting } from './export.ts';
import type { BenchReport } from './index.ts';

const root = resolve(import.meta.dirname, '..');
const OPEN_RUNS = Number(process.env.MAHDAR_BENCH_OPEN_RUNS ?? 10);
const KEYSTROKES = Number(process.env.MAHDAR_BENCH_KEYSTROKES ?? 200);
const COMMANDS = Number(process.env.MAHDAR_BENCH_COMMANDS ?? 200);
/**
 * Gaps between keystrokes (ms), in turn: a fast typist, and pauses longer than the editor's
 * 400 ms save delay, so that saves and their answers re-render the editor while typing goes on.
 */
const KEY_GAPS = [60, 110, 90, 180, 70, 450, 120, 80, 150, 420];

interface Stats {
  n: number;
  median: number;
  worst: number;
}
function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, median: s.length ? s[Math.floor(s.length / 2)]! : NaN, worst: s.length ? s[s.length - 1]! : NaN };
}
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '–');

/**
 * In the page: measures from a tab click, and from each keydown, to the paint that follows. A
 * string, not a function: the TypeScript loader would put its own helpers into a function's text.
 */
const PAGE_PROBE = `
(() => {
  const probe = (window.__probe = { open: null, keys: [], slow: 0 });
  // The task after the next animation frame runs once that frame has been painted.
  const afterPaint = (from) =>
    new Promise((res) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => res(performance.now() - from);
        ch.port2.postMessage(0);
      }),
    );
  document.addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('[role="tab"]')) return;
    const at = e.timeStamp;
    probe.open = new Promise((res) => {
      const obs = new MutationObserver(() => {
        if (!document.querySelector('[role="row"][data-seg] textarea')) return;
        obs.disconnect();
        afterPaint(at).then(res);
      });
      obs.observe(document, { childList: true, subtree: true });
    });
  }, true);
  let keyAt = 0;
  document.addEventListener('keydown', (e) => (keyAt = e.timeStamp), true);
  // 'input' comes once the text box's value has changed: the paint after it shows the key.
  document.addEventListener('input', () => probe.keys.push(afterPaint(keyAt)), true);
  // The browser's own count: Event Timing reports events slower than 16 ms to the next paint.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (['keydown', 'keypress', 'input', 'keyup'].includes(e.name)) probe.slow++;
  }).observe({ type: 'event', durationThreshold: 16 });
})();
`;

async function browserPart(): Promise<{ open: Stats; key: Stats; keysOver16: number; slowEvents: number }> {
  // Serve mode serves the built renderer (dist/renderer), as `npm run serve` builds it first.
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
  const server = await startServe();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const id = await seedLongMeeting(server);
    const page = await browser.newPage({ locale: 'ar', viewport: { width: 1280, height: 900 } });
    await page.addInitScript({ content: PAGE_PROBE });
    await page.goto(server.url); // sets the token cookie
    const tab = page.getByRole('tab', { name: 'المراجعة' });

    const openTimes: number[] = [];
    for (let i = 0; i < OPEN_RUNS + 1; i++) {
      await page.goto(`${server.origin}/#/meeting/${id}`);
      await page.reload(); // a fresh page each run: the editor mounts for the first time
      await tab.waitFor();
      if ((await page.locator('[role="row"]').count()) !== 0) throw new Error('the editor was already open before the tab was clicked');
      await tab.click();
      const t = await page.evaluate(() => (window as unknown as { __probe: { open: Promise<number> } }).__probe.open);
      if (i > 0) openTimes.push(t); // the first run warms the server's caches and the browser's
    }

    const box = page.locator('[role="row"][data-seg="s-1"] textarea');
    // Focused without a click: a click would start the playback, which the list then follows.
    await box.focus();
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
    await page.evaluate(() => void ((window as unknown as { __probe: { slow: number } }).__probe.slow = 0));
    const keys = 'abcdefghij klmnopqrst uvwxyz ';
    const keyTimes: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.press(keys[i % keys.length] === ' ' ? 'Space' : keys[i % keys.length]!);
      const t = await lastKey(page, i + 1);
      keyTimes.push(t);
      await page.waitForTimeout(Math.max(0, KEY_GAPS[i % KEY_GAPS.length]! - t));
    }
    const slowEvents = await page.evaluate(() => (window as unknown as { __probe: { slow: number } }).__probe.slow);
    return { open: stats(openTimes), key: stats(keyTimes), keysOver16: keyTimes.filter((t) => t >= 16).length, slowEvents };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

function lastKey(page: Page, n: number): Promise<number> {
  return page.evaluate(async (count) => {
    const p = (window as unknown as { __probe: { keys: Promise<number>[] } }).__probe;
    if (p.keys.length !== count) throw new Error(`expected ${count} input events, got ${p.keys.length}`);
    return p.keys[count - 1]!;
  }, n);
}

interface CommandRow {
  command: string;
  ack: Stats;
  fsynced: Stats;
}

async function servicePart(): Promise<{ rows: CommandRow[]; fsync: Stats }> {
  // Every datasync in this process is the journal's (atomic writes of meeting.json use sync()).
  const syncs: { start: number; end: number }[] = [];
  const probe = await open(join(tmpdir(), `mahdar-bench-probe-${process.pid}`), 'w');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  rmSync(join(tmpdir(), `mahdar-bench-probe-${process.pid}`), { force: true });
  const datasync = proto.datasync;
  let onSync: (() => void) | null = null;
  proto.datasync = async function (this: FileHandle) {
    const start = performance.now();
    await datasync.call(this);
    syncs.push({ start, end: performance.now() });
    onSync?.();
  };

  const dataRoot = mkdtempSync(join(tmpdir(), 'mahdar-bench-editor-'));
  try {
    const ctx = await createContext(dataRoot);
    const service = await createService(ctx);
    const generated = generateMeeting();
    const created = await ctx.archive.create({ title: generated.title });
    const meeting = await ctx.archive.update(created.id, (cur) => ({
      ...cur,
      participants: generated.participants,
      agenda: generated.agenda,
      segments: generated.segments,
      decisions: generated.decisions,
    }));
    let version = meeting.version ?? 0;
    const segs = generated.segments;
    const apply = async (edit: EditInput) => {
      const r = await dispatch(service, 'applyEdit', { meetingId: created.id, baseVersion: version, edit });
      if (!r.ok) throw new Error(`applyEdit ${edit.type}: ${JSON.stringify(r.error)}`);
      version = (r.value as EditResult).version;
    };

    const kinds: { command: string; edit(i: number): EditInput }[] = [
      { command: 'setText', edit: (i) => ({ type: 'setText', segmentId: segs[(i * 10) % SEGMENTS]!.id, text: `${segs[(i * 10) % SEGMENTS]!.text} (${i})` }) },
      {
        command: 'assignSpeaker, 100 segments',
        edit: (i) => {
          const from = (i * 11) % (SEGMENTS - 100);
          return { type: 'assignSpeaker', range: { fromId: segs[from]!.id, toId: segs[from + 99]!.id }, speakerId: generated.participants[i % 2]!.id };
        },
      },
      {
        command: 'splitSegment',
        edit: (i) => {
          const s = segs[(i * 12 + 5) % SEGMENTS]!;
          return { type: 'splitSegment', segmentId: s.id, at: Math.floor(s.text.length / 2) };
        },
      },
    ];

    const rows: CommandRow[] = [];
    for (const kind of kinds) {
      await ctx.journals.flush(created.id); // each kind starts with nothing waiting to be synced
      const done: { start: number; ack: number }[] = [];
      for (let i = 0; i < COMMANDS; i++) {
        const start = performance.now();
        await apply(kind.edit(i));
        done.push({ start, ack: performance.now() });
      }
      // The journal's own timer syncs the last ones: wait for a sync begun after the last ack.
      // That timer does not hold the process open (unref): the guard does, and ends a wait that
      // would never end.
      const lastAck = done[done.length - 1]!.ack;
      await new Promise<void>((res, rej) => {
        const guard = setTimeout(() => rej(new Error('the journal was not synced within 10 s')), 10_000);
        const check = () => {
          if (syncs.some((s) => s.start >= lastAck)) {
            onSync = null;
            clearTimeout(guard);
            res();
          }
        };
        onSync = check;
        check();
      });
      // A command is on disk once a sync that began after its append has ended.
      const fsynced = done.map((d) => syncs.find((s) => s.start >= d.ack)!.end - d.start);
      rows.push({ command: kind.command, ack: stats(done.map((d) => d.ack - d.start)), fsynced: stats(fsynced) });
    }
    await ctx.journals.close();
    return { rows, fsync: stats(syncs.map((s) => s.end - s.start)) };
  } finally {
    proto.datasync = datasync;
    rmSync(dataRoot, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchReport> {
  const service = await servicePart();
  const browser = await browserPart();
  const table = [
    `Review editor on a meeting of ${SEGMENTS} segments; ${cpus().length} CPUs. Browser: Chromium (Playwright, headless, no GPU) against a serve process.`,
    '',
    '| in the browser | runs | median ms | worst ms | goal |',
    '| --- | ---: | ---: | ---: | --- |',
    `| Review tab clicked → first row painted | ${browser.open.n} | ${ms(browser.open.median)} | ${ms(browser.open.worst)} | < 1000 ms |`,
    `| key pressed in a segment → painted | ${browser.key.n} | ${ms(browser.key.median)} | ${ms(browser.key.worst)} | < 16 ms |`,
    '',
    `Keys at 16 ms or more to their paint: ${browser.keysOver16} of ${browser.key.n}. ` +
      `The browser's Event Timing, which counts until the frame is presented (so waits for the display's next frame, and rounds to 8 ms), reported ${browser.slowEvents} key events (keydown, keypress, input, keyup) at 16 ms or more.`,
    '',
    '| service: one applyEdit | commands | acknowledged, median ms | worst ms | journal fsynced, median ms | worst ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...service.rows.map((r) => `| ${r.command} | ${r.ack.n} | ${ms(r.ack.median)} | ${ms(r.ack.worst)} | ${ms(r.fsynced.median)} | ${ms(r.fsynced.worst)} |`),
    '',
    `Acknowledged: the command validated, applied and appended to journal.jsonl (the state a reload or a SIGKILL keeps). ` +
      `Fsynced: until a datasync of the journal begun after the append ended; the journal syncs at most 1 s after an edit, so commands sent back to back wait up to that second. ` +
      `One datasync: median ${ms(service.fsync.median)} ms, worst ${ms(service.fsync.worst)} ms (${service.fsync.n}).`,
  ].join('\n');
  return { name: 'editor', table, data: { segments: SEGMENTS, cpus: cpus().length, browser, service } };
}
