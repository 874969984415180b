// One process owns a data root. Two processes on one root lose each other's edits (each keeps
// its own view of a meeting and saves over the other's), duplicate transcript segments and clear
// each other's uploads at start. So the desktop app and serve mode take `<root>/mahdar.lock`
// before touching anything, and a second one is refused with one line naming the holder.
//
// The lock is created atomically ('wx': exactly one creator wins). A lock left by a crash is
// stale and taken over: its pid is no longer alive (or was reused by another program), or it
// was written on another host or before a reboot, where its pid means nothing. Removing a
// stale lock is done under a short takeover mutex, re-judged there, so that two processes
// starting at once on a stale lock cannot both remove it and both believe they own the root.
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MahdarError } from '../../shared/errors.ts';
import { asDiskError } from './atomic-write.ts';
import { pidAlive } from './processes.ts';

export const LOCK_FILE = 'mahdar.lock';
export type OwnerKind = 'desktop' | 'serve';

/** What the lock file says about its holder (JSON, readable by people too). */
export interface LockHolder {
  pid: number;
  kind: OwnerKind;
  host: string;
  /** Linux's boot id; absent elsewhere. */
  bootId?: string;
  /** When this computer booted, in epoch seconds (from the uptime). */
  bootTime: number;
  /** Linux: the process's start time in clock ticks since boot, which tells a reused pid apart. */
  processStart?: string;
  startedAt: string;
  /** Tells our own lock from a later owner's when releasing. */
  nonce: string;
}

/** This computer, now: what a holder's host and boot are compared with. */
export interface Here {
  host: string;
  bootId?: string;
  bootTime: number;
}

/** What is known of the holder's pid on this computer. */
export interface PidFacts {
  alive: boolean;
  processStart?: string;
}

/** Boot times computed from the uptime drift by a second or two; a reboot moves them by more. */
const BOOT_TIME_TOLERANCE_S = 300;

/** Whether a lock was left by a process that no longer runs. Pure: every fact is passed in. */
export function isStale(holder: LockHolder, here: Here, pid: PidFacts): boolean {
  if (holder.host !== here.host) return true;
  if (holder.bootId && here.bootId) {
    if (holder.bootId !== here.bootId) return true;
  } else if (Math.abs(holder.bootTime - here.bootTime) > BOOT_TIME_TOLERANCE_S) {
    return true;
  }
  if (!pid.alive) return true;
  return !!holder.processStart && !!pid.processStart && holder.processStart !== pid.processStart;
}

export function parseHolder(raw: string): LockHolder | null {
  try {
    const v = JSON.parse(raw) as Partial<LockHolder>;
    if (!Number.isInteger(v.pid) || typeof v.host !== 'string' || typeof v.nonce !== 'string' || typeof v.bootTime !== 'number') return null;
    return v as LockHolder;
  } catch {
    return null;
  }
}

/** The error a second process meets: one line naming who holds the root. */
export function lockedError(holder: LockHolder, root: string): MahdarError {
  return new MahdarError('dataRoot.locked', { pid: holder.pid, kind: holder.kind, host: holder.host, root });
}

export interface DataRootLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours. Synchronous, so it can run in an 'exit' handler. */
  release(): void;
}

/**
 * Takes the data root for this process, or throws MahdarError 'dataRoot.locked' naming the
 * live holder. Creates the root if needed. The lock is released on normal exit; callers turn
 * signals into a normal exit.
 */
export async function acquireDataRootLock(root: string, kind: OwnerKind): Promise<DataRootLock> {
  await mkdir(root, { recursive: true }).catch((err: unknown) => {
    throw asDiskError(err);
  });
  const file = join(root, LOCK_FILE);
  const mine = describeThisProcess(kind);
  // Each turn either creates the lock, meets a live holder (refused), or removes a stale lock
  // (or waits a moment for another starter to finish writing or taking over): it ends quickly.
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    if (await tryCreate(file, mine)) {
      return ownLock(file, mine);
    }
    const verdict = await judge(file);
    if (verdict.kind === 'live') throw lockedError(verdict.holder, root);
    if (verdict.kind === 'gone') continue;
    if (verdict.kind === 'stale' && (await removeStaleLock(file))) continue;
    await pause(); // being written, or being taken over by another starter: look again
  }
  throw new MahdarError('dataRoot.lockBusy', { file });
}

const MAX_TURNS = 400;
/** A lock file still empty after this long was left by a crash between creating and writing it. */
const UNWRITTEN_AFTER_MS = 5_000;
/** A takeover mutex lives for microseconds; one this old was left by a crash inside it. */
const MUTEX_STALE_AFTER_MS = 5_000;

type Verdict = { kind: 'gone' } | { kind: 'live'; holder: LockHolder } | { kind: 'stale' } | { kind: 'writing' };

async function judge(file: string): Promise<Verdict> {
  let raw: string;
  let mtimeMs: number;
  try {
    [raw, mtimeMs] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtimeMs)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw asDiskError(err);
  }
  const holder = parseHolder(raw);
  if (!holder) return Date.now() - mtimeMs > UNWRITTEN_AFTER_MS ? { kind: 'stale' } : { kind: 'writing' };
  return isStale(holder, here(), pidFacts(holder.pid)) ? { kind: 'stale' } : { kind: 'live', holder };
}

/**
 * Removes the lock if it is stale, under the takeover mutex, judging it again there. A starter
 * that saw a stale lock may get here after another one replaced it with a live lock: that one
 * stays. False when another process holds the mutex (it is taking over; look again).
 */
export async function removeStaleLock(file: string): Promise<boolean> {
  const mutex = `${file}.takeover`;
  let fh;
  try {
    fh = await open(mutex, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw asDiskError(err);
    const age = await stat(mutex).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > MUTEX_STALE_AFTER_MS) await rm(mutex, { force: true });
    return false;
  }
  try {
    // Between our first look and the mutex, another starter may have removed the stale lock and
    // created its own: only a lock that is still stale now is removed.
    if ((await judge(file)).kind === 'stale') await rm(file, { force: true });
  } finally {
    await fh.close();
    await rm(mutex, { force: true });
  }
  return true;
}

async function tryCreate(file: string, mine: LockHolder): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw asDiskError(err);
  }
  try {
    await fh.writeFile(`${JSON.stringify(mine, null, 2)}\n`);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await rm(file, { force: true });
    throw asDiskError(err);
  }
  await fh.close();
  return true;
}

function ownLock(file: string, mine: LockHolder): DataRootLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      // After a takeover (we were judged stale, e.g. frozen), the file is another owner's: keep it.
      if (parseHolder(readFileSync(file, 'utf8'))?.nonce === mine.nonce) unlinkSync(file);
    } catch {
      // already gone, or unreadable: nothing of ours to remove
    }
  };
  process.on('exit', release);
  return { file, holder: mine, release };
}

function describeThisProcess(kind: OwnerKind): LockHolder {
  const h = here();
  const processStart = linuxProcessStart(process.pid);
  return {
    pid: process.pid,
    kind,
    host: h.host,
    ...(h.bootId ? { bootId: h.bootId } : {}),
    bootTime: h.bootTime,
    ...(processStart ? { processStart } : {}),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
}

function here(): Here {
  const bootId = readOptional('/proc/sys/kernel/random/boot_id')?.trim();
  return { host: hostname(), ...(bootId ? { bootId } : {}), bootTime: Math.round(Date.now() / 1000 - uptime()) };
}

function pidFacts(pid: number): PidFacts {
  const processStart = linuxProcessStart(pid);
  return { alive: pidAlive(pid), ...(processStart ? { processStart } : {}) };
}

/** Field 22 of /proc/<pid>/stat (start time since boot); the name in field 2 may hold spaces. */
function linuxProcessStart(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function readOptional(file: string): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const pause = () => new Promise((r) => setTimeout(r, 25));
