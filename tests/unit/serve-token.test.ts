// Serve mode keeps its token across restarts of the same data root, so a tab left open keeps
// working; the stored token is readable by its owner only; --rotate-token replaces it;
// MAHDAR_TOKEN overrides it for one run without touching the file.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN_FILE } from '../../main/serve/token.ts';
import { spawnServe, stopServe, type ServeRun } from './serve-process.ts';

const temp = mkdtempSync(join(tmpdir(), 'mahdar-token-'));
const live: ServeRun[] = [];
afterAll(async () => {
  await Promise.all(live.map((r) => stopServe(r, 'SIGKILL')));
  rmSync(temp, { recursive: true, force: true });
});

/** Starts serve on the root, returns its URL and token, and stops it. */
async function runOnce(root: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ url: string; token: string }> {
  const run = spawnServe(root, args, env);
  live.push(run);
  const outcome = await run.outcome;
  if (outcome.kind !== 'running') throw new Error(`serve did not start:\n${outcome.output}`);
  expect(await stopServe(run)).toBe(0);
  return { url: outcome.url, token: outcome.token };
}

/** An API call as the open tab would make it, with the token it was given. */
async function listMeetings(url: string, token: string): Promise<number> {
  const origin = new URL(url).origin;
  const res = await fetch(`${origin}/api/listMeetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  return res.status;
}

describe('serve token', () => {
  it('is the same after a restart, so an open tab keeps working', async () => {
    const root = join(temp, 'restart');
    const first = await runOnce(root);
    const file = join(root, TOKEN_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.token);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const run = spawnServe(root);
    live.push(run);
    const second = await run.outcome;
    expect(second.kind === 'running' && second.token).toBe(first.token);
    // The tab opened on the first run calls the restarted server with its old token.
    expect(await listMeetings(second.kind === 'running' ? second.url : '', first.token)).toBe(200);
    expect(await stopServe(run)).toBe(0);
  });

  it('is replaced by --rotate-token, which locks out the old one', async () => {
    const root = join(temp, 'rotate');
    const first = await runOnce(root);
    const run = spawnServe(root, ['--rotate-token']);
    live.push(run);
    const rotated = await run.outcome;
    if (rotated.kind !== 'running') throw new Error(rotated.output);
    expect(rotated.token).not.toBe(first.token);
    expect(await listMeetings(rotated.url, first.token)).toBe(401);
    expect(await listMeetings(rotated.url, rotated.token)).toBe(200);
    expect(await stopServe(run)).toBe(0);
    expect(readFileSync(join(root, TOKEN_FILE), 'utf8').trim()).toBe(rotated.token);
    if (process.platform !== 'win32') expect(statSync(join(root, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    // The next plain start keeps the rotated token.
    expect((await runOnce(root)).token).toBe(rotated.token);
  });

  it('is overridden by MAHDAR_TOKEN for one run, leaving the stored one', async () => {
    const root = join(temp, 'override');
    const stored = (await runOnce(root)).token;
    const override = 'ab'.repeat(24);
    expect((await runOnce(root, [], { MAHDAR_TOKEN: override })).token).toBe(override);
    expect(readFileSync(join(root, TOKEN_FILE), 'utf8').trim()).toBe(stored);
  });

  it('refuses an unknown option with the usage', async () => {
    const outcome = await spawnServe(join(temp, 'usage'), ['--rotate']).outcome;
    expect(outcome).toMatchObject({ kind: 'exited', code: 2 });
    expect(outcome.output).toMatch(/unknown option "--rotate"[\s\S]*--rotate-token/);
  });
});
