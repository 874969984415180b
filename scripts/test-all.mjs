#!/usr/bin/env node
// `npm test`: typecheck, layer lint, copy detector, unit tests, end-to-end tests, in that order. Every stage runs
// even when an earlier one failed (each says something different about the tree), then one
// closing line sums the runners' JSON reports:
//   Tests: N passed, N failed, N skipped
// A stage that failed counts at least one failure, also when it wrote no report (typecheck, lint
// and the copy detector write none; a runner that crashed writes none). Exits 1 when anything failed.
// Stages are the package.json scripts, so `npm run test:unit` and `test:e2e` run the same thing.
// The stages get a scratch TMPDIR of their own, removed at the end: the tests make a few thousand
// temporary folders (meetings, copies of the audio fixtures, engine runs) per run, and a developer's
// /tmp would otherwise keep them all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const reports = { unit: 'test-results/vitest.json', e2e: 'test-results/playwright.json' };

/** Counts from a runner's JSON report, or null where there is none (or it cannot be read). */
function counts(stage) {
  let json;
  try {
    json = JSON.parse(readFileSync(join(root, reports[stage]), 'utf8'));
  } catch {
    return null;
  }
  if (stage === 'unit') {
    return { passed: json.numPassedTests ?? 0, failed: json.numFailedTests ?? 0, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) };
  }
  const s = json.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

const stages = [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['copies', 'lint:copies'],
  ['unit', 'test:unit'],
  ['e2e', 'test:e2e'],
];
const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const scratch = mkdtempSync(join(tmpdir(), 'mahdar-tests-'));
const env = { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch };
for (const [stage, script] of stages) {
  // An old report must not stand in for a run that wrote none.
  if (reports[stage]) rmSync(join(root, reports[stage]), { force: true });
  const started = Date.now();
  const r = spawnSync(npm, ['run', '--silent', script], { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = r.status === 0;
  const c = reports[stage] ? counts(stage) : null;
  const failed = Math.max(c?.failed ?? 0, ok ? 0 : 1);
  total.passed += c?.passed ?? 0;
  total.failed += failed;
  total.skipped += c?.skipped ?? 0;
  const why = ok ? 'ok' : `FAILED (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}${reports[stage] && !c ? ', no report' : ''})`;
  lines.push(`  ${stage}: ${why}, ${Math.round((Date.now() - started) / 1000)} s`);
}
try {
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
} catch (e) {
  // A program the tests started may still hold a file there (Windows): say so, fail nothing.
  lines.push(`  (temporary files left in ${scratch}: ${e.message})`);
}
console.log(['', 'Stages:', ...lines].join('\n'));
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
