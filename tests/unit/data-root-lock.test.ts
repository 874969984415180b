// One process owns a data root. Two on one root lose each other's edits and clear each other's
// uploads; the second is refused with one line naming the first, and a lock left by a crash is
// taken over without anyone having to delete it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataRootLock, isStale, LOCK_FILE, removeStaleLock, type LockHolder } from '../../main/archive/data-root-lock.ts';
import { errorCodeOf } from './error-code.ts';
import { spawnServe, stopServe, type ServeRun } from './serve-process.ts';

const temp = mkdtempSync(join(tmpdir(), 'mahdar-lock-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let n = 0;
const newRoot = () => join(temp, `root-${++n}`);
const lockOf = (root: string) => JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')) as LockHolder;

/** The pid of a process that has exited: what a crash leaves in the lock file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

function plantLock(root: string, holder: Partial<LockHolder>): void {
  const here = { pid: process.pid, kind: 'serve', host: hostname(), bootTime: Math.round(Date.now() / 1000 - uptime()), startedAt: '2024-01-01T00:00:00Z', nonce: 'planted' };
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, LOCK_FILE), JSON.stringify({ ...here, ...holder }));
}

describe('isStale', () => {
  const here = { host: 'pc-1', bootId: 'boot-a', bootTime: 1_700_000_000 };
  const holder: LockHolder = { pid: 42, kind: 'serve', host: 'pc-1', bootId: 'boot-a', bootTime: 1_700_000_001, processStart: '900', startedAt: '', nonce: 'x' };

  it('keeps a lock whose process still runs', () => {
    expect(isStale(holder, here, { alive: true, processStart: '900' })).toBe(false);
  });
  it('takes over a lock whose process is gone', () => {
    expect(isStale(holder, here, { alive: false })).toBe(true);
  });
  it('takes over a lock whose pid now belongs to another program', () => {
    expect(isStale(holder, here, { alive: true, processStart: '12345' })).toBe(true);
  });
  it('takes over a lock written before a reboot or on another host (its pid means nothing here)', () => {
    expect(isStale({ ...holder, bootId: 'boot-b' }, here, { alive: true, processStart: '900' })).toBe(true);
    expect(isStale({ ...holder, host: 'pc-2' }, here, { alive: true, processStart: '900' })).toBe(true);
    // Without boot ids (macOS, Windows), the boot time computed from the uptime tells.
    const noIds = { host: 'pc-1', bootTime: 1_700_000_000 };
    expect(isStale({ ...holder, bootId: undefined }, noIds, { alive: true })).toBe(false);
    expect(isStale({ ...holder, bootId: undefined, bootTime: 1_700_000_000 - 3600 }, noIds, { alive: true })).toBe(true);
  });
});

describe('acquireDataRootLock (in this process)', () => {
  it('refuses a second owner naming the first, and frees the root on release', async () => {
    const root = newRoot();
    const lock = await acquireDataRootLock(root, 'desktop');
    expect(lockOf(root)).toMatchObject({ pid: process.pid, kind: 'desktop', host: hostname() });
    const second = acquireDataRootLock(root, 'serve');
    expect(await errorCodeOf(second)).toBe('dataRoot.locked');
    await second.catch((err: { params: Record<string, unknown> }) => expect(err.params).toMatchObject({ pid: process.pid, kind: 'desktop', root }));
    lock.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    (await acquireDataRootLock(root, 'serve')).release();
  });

  it('does not remove a lock that was taken over by another owner', async () => {
    const root = newRoot();
    const lock = await acquireDataRootLock(root, 'serve');
    plantLock(root, { nonce: 'someone-else' });
    lock.release();
    expect(lockOf(root).nonce).toBe('someone-else');
  });

  it('takes over the lock of a crashed process, a reboot and a reused pid', async () => {
    for (const planted of [{ pid: await deadPid() }, { bootId: 'a-previous-boot', bootTime: 0 }, ...(process.platform === 'linux' ? [{ processStart: '1' }] : [])]) {
      const root = newRoot();
      plantLock(root, planted);
      const lock = await acquireDataRootLock(root, 'serve');
      expect(lockOf(root).nonce, JSON.stringify(planted)).toBe(lock.holder.nonce);
      lock.release();
    }
  });

  it('removes a stale lock only: not one another starter has just put in its place', async () => {
    // Two starters saw the same stale lock; the first replaced it with its own live lock. The
    // second's removal, which comes after, must leave that one in place.
    const root = newRoot();
    const first = await acquireDataRootLock(root, 'serve');
    expect(await removeStaleLock(join(root, LOCK_FILE))).toBe(true);
    expect(lockOf(root).nonce).toBe(first.holder.nonce);
    first.release();

    // While another starter is inside the takeover, the stale lock is left to it.
    plantLock(root, { pid: await deadPid() });
    writeFileSync(join(root, `${LOCK_FILE}.takeover`), '');
    expect(await removeStaleLock(join(root, LOCK_FILE))).toBe(false);
    expect(lockOf(root).nonce).toBe('planted');
    rmSync(join(root, `${LOCK_FILE}.takeover`));
    expect(await removeStaleLock(join(root, LOCK_FILE))).toBe(true);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('leaves exactly one owner when several start at once on a stale lock', async () => {
    const root = newRoot();
    plantLock(root, { pid: await deadPid() });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => acquireDataRootLock(root, 'serve')));
    const owners = results.filter((r) => r.status === 'fulfilled');
    expect(owners).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(5).fill('dataRoot.locked'));
    expect(lockOf(root).nonce).toBe((owners[0] as PromiseFulfilledResult<{ holder: LockHolder }>).value.holder.nonce);
    expect(existsSync(join(root, `${LOCK_FILE}.takeover`))).toBe(false);
  });
});

describe('serve mode on one data root (real processes)', () => {
  const running: ServeRun[] = [];
  afterAll(async () => {
    await Promise.all(running.map((r) => stopServe(r, 'SIGKILL')));
  });

  it('refuses a second serve naming the first, and takes over after the first is killed', async () => {
    const root = newRoot();
    const first = spawnServe(root);
    running.push(first);
    expect((await first.outcome).kind).toBe('running');

    const second = spawnServe(root);
    const refused = await second.outcome;
    expect(refused).toMatchObject({ kind: 'exited', code: 1 });
    const lines = refused.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mahdar: The data folder .* is already in use by another Mahdar \(serve mode, process (\d+) on /);
    expect(lines[0]).toContain(`process ${first.child.pid} on`);

    // A crash (SIGKILL runs no exit handler) leaves the lock behind; the next start takes it over.
    await stopServe(first, 'SIGKILL');
    expect(lockOf(root).pid).toBe(first.child.pid);
    const third = spawnServe(root);
    running.push(third);
    expect((await third.outcome).kind).toBe('running');
    expect(lockOf(root).pid).toBe(third.child.pid);

    // A normal stop (Ctrl-C, SIGTERM) releases the root.
    expect(await stopServe(third, 'SIGINT')).toBe(0);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('ends with exactly one owner when processes start at the same moment', async () => {
    const fresh = newRoot();
    const stale = newRoot();
    plantLock(stale, { pid: await deadPid() });
    for (const root of [fresh, stale]) {
      const runs = [spawnServe(root), spawnServe(root), spawnServe(root)];
      running.push(...runs);
      const outcomes = await Promise.all(runs.map((r) => r.outcome));
      const winners = runs.filter((_r, i) => outcomes[i]!.kind === 'running');
      expect(winners, outcomes.map((o) => o.output).join('\n')).toHaveLength(1);
      const winner = winners[0]!;
      expect(lockOf(root).pid).toBe(winner.child.pid);
      for (const o of outcomes.filter((o) => o.kind === 'exited')) expect(o.output).toContain(`process ${winner.child.pid} on`);
      expect(await stopServe(winner)).toBe(0);
    }
  });
});
