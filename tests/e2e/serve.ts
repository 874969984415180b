// Starts `main/serve/cli.ts` (what `npm run serve` runs after building the renderer) as a real
// child process on a temporary data root, and stops it; a test may restart it on the same data.
// A test entry that runs serve mode with a fake (serve-low-disk.ts) is started the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  port: number;
  /** The script it runs (main/serve/cli.ts, or a test entry). */
  entry: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a killed process: nothing is closed cleanly. */
  kill(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'mahdar-e2e-'));
}

export async function startServe(dataDir = newDataDir(), extraEnv: Record<string, string> = {}, entry = join(root, 'main/serve/cli.ts')): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, MAHDAR_DATA_DIR: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`serve did not start:\n${log}`)), 30_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=([0-9a-f]+))/.exec(log);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => rej(new Error(`serve exited ${code}:\n${log}`)));
  });
  // A server that dies on its own fails the test later with ECONNREFUSED: say why it died.
  let ending = false;
  child.on('exit', (code, signal) => {
    if (!ending) console.error(`serve (port ${new URL(url).port}) exited by itself (${code ?? signal}); its output:\n${log.slice(-4000)}`);
  });
  const parsed = new URL(url);
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((res) => {
      if (child.exitCode !== null || child.signalCode !== null) return res();
      ending = true;
      child.once('exit', () => res());
      child.kill(signal);
    });
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    port: Number(parsed.port),
    entry,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

/** Starts the server again on the same data root, port and token: an open tab can reconnect. */
export function restartServe(previous: ServeProcess): Promise<ServeProcess> {
  return startServe(previous.dataDir, { MAHDAR_PORT: String(previous.port), MAHDAR_TOKEN: previous.token }, previous.entry);
}

/**
 * The headers of an API request to a serve process. A fresh connection per request: a kept-alive
 * one may be closed by the server (its idle timeout) just as the next request goes out (ECONNRESET).
 */
export function apiHeaders(server: ServeProcess): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, connection: 'close' };
}

/** Calls one command of the API and answers its value; an error answer fails the test, naming it. */
export async function apiCall<T>(request: APIRequestContext, server: ServeProcess, method: string, data: unknown): Promise<T> {
  const res = await request.post(`${server.origin}/api/${method}`, { data, headers: apiHeaders(server) });
  const body = await res.json();
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value as T;
}
