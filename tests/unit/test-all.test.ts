// `npm test` (scripts/test-all.mjs) in a tree whose stages are stand-ins: the closing line is
// printed whatever fails, a failed stage without a report still counts, and the exit status
// says whether anything failed.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../scripts/test-all.mjs');
const dirs: string[] = [];

const writes = (file: string, json: object) =>
  `node -e "require('fs').mkdirSync('test-results',{recursive:true});require('fs').writeFileSync('${file}',JSON.stringify(${JSON.stringify(json).replace(/"/g, '\\"')}))"`;
const unitReport = (passed: number, failed: number, pending: number) =>
  writes('test-results/vitest.json', { numPassedTests: passed, numFailedTests: failed, numPendingTests: pending, numTodoTests: 0 });
const e2eReport = (expected: number, unexpected: number, skipped: number) =>
  writes('test-results/playwright.json', { stats: { expected, unexpected, flaky: 0, skipped } });

async function testAll(scripts: Record<string, string>, before?: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-test-all-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'stand-in', private: true, scripts }));
  before?.(dir);
  const r = await run(process.execPath, [script], { cwd: dir }).then(
    (x) => ({ code: 0, out: x.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
  return { code: r.code, last: r.out.trim().split('\n').at(-1), out: r.out };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm test', () => {
  it('sums both reports and exits 0 when every stage passes', async () => {
    const r = await testAll({ typecheck: 'node -e 0', lint: 'node -e 0', 'lint:copies': 'node -e 0', 'test:unit': unitReport(7, 0, 1), 'test:e2e': e2eReport(3, 0, 2) });
    expect(r.last).toBe('Tests: 10 passed, 0 failed, 3 skipped');
    expect(r.code).toBe(0);
  });

  it('runs every stage and prints the line when some fail, counting a stage without report as one failure', async () => {
    const r = await testAll({
      typecheck: 'node -e "process.exit(2)"',
      lint: 'node -e 0',
      'lint:copies': 'node -e "process.exit(1)"',
      'test:unit': `${unitReport(5, 2, 0)} && node -e "process.exit(1)"`,
      'test:e2e': 'node -e "process.exit(1)"',
    });
    expect(r.last).toBe('Tests: 5 passed, 5 failed, 0 skipped');
    expect(r.out).toMatch(/typecheck: FAILED \(exit 2\)/);
    expect(r.out).toMatch(/lint: ok/);
    expect(r.out).toMatch(/copies: FAILED \(exit 1\)/);
    expect(r.out).toMatch(/e2e: FAILED \(exit 1, no report\)/);
    expect(r.code).toBe(1);
  });

  it('does not count an old report for a stage that wrote none', async () => {
    const r = await testAll({ typecheck: 'node -e 0', lint: 'node -e "process.exit(1)"', 'lint:copies': 'node -e 0', 'test:unit': unitReport(1, 0, 0), 'test:e2e': 'node -e "process.exit(1)"' }, (dir) => {
      mkdirSync(join(dir, 'test-results'));
      writeFileSync(join(dir, 'test-results/playwright.json'), JSON.stringify({ stats: { expected: 40, unexpected: 0, skipped: 0 } }));
    });
    expect(r.last).toBe('Tests: 1 passed, 2 failed, 0 skipped');
    expect(r.code).toBe(1);
  });

  it('gives the stages a temporary folder of their own and removes it, with what they left there', async () => {
    // The unit stage leaves a folder in its temporary directory, as a test that forgets to clean up does.
    const leaves = `node -e "const fs=require('fs'),os=require('os'),p=require('path');const d=fs.mkdtempSync(p.join(os.tmpdir(),'left-'));fs.writeFileSync(p.join(d,'clip.wav'),'x');console.log('LEFT '+d)"`;
    const r = await testAll({ typecheck: 'node -e 0', lint: 'node -e 0', 'lint:copies': 'node -e 0', 'test:unit': `${leaves} && ${unitReport(1, 0, 0)}`, 'test:e2e': e2eReport(1, 0, 0) });
    const left = /LEFT (.+)/.exec(r.out)?.[1]?.trim();
    expect(left).toBeTruthy();
    expect(left!.startsWith(join(tmpdir(), 'mahdar-tests-'))).toBe(true);
    expect(existsSync(left!)).toBe(false);
    expect(r.last).toBe('Tests: 2 passed, 0 failed, 0 skipped');
  });
});
