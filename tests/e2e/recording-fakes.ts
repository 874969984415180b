// What the recording e2e tests that need no fixture share: fake microphone inputs written as WAV
// files (Chromium's fake device plays one, looping, with --use-file-for-fake-audio-capture), a
// serve process whose speech engine stays off, the launch flags, and the page and API helpers.
import { expect, type APIRequestContext, type BrowserType, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config.ts';
import { newDataDir, startServe, type ServeProcess } from './serve.ts';

export const RATE = 16000;

/** A 16 kHz mono PCM16 WAV of `seconds`, sample i given by `f(i)` in -1..1 (clipped at full scale). */
function writeWav(path: string, seconds: number, f: (i: number) => number): string {
  const n = seconds * RATE;
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(RATE, 24);
  buf.writeUInt32LE(RATE * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) buf.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(f(i) * 32767))), 44 + i * 2);
  writeFileSync(path, buf);
  return path;
}

const dir = mkdtempSync(join(tmpdir(), 'mahdar-fake-mic-'));
const tau = 2 * Math.PI;
/** The inputs: a muted microphone (digital silence), one driven far past full scale, and a steady voice-band signal. */
export const fakeInputs = {
  silent: () => writeWav(join(dir, 'silent.wav'), 10, () => 0),
  // Twice full scale, clipped: flat tops on every period, as an overdriven preamp gives.
  clipping: () => writeWav(join(dir, 'clipping.wav'), 10, (i) => 2 * Math.sin((tau * 440 * i) / RATE)),
  // Two tones, well inside the range (peak -8 dBFS), slowly swelling: never silent, never clipping.
  tone: () => writeWav(join(dir, 'tone.wav'), 10, (i) => (0.2 + 0.05 * Math.sin((tau * i) / RATE)) * (Math.sin((tau * 220 * i) / RATE) + Math.sin((tau * 1250 * i) / RATE))),
};

/** Chromium with a fake microphone playing `wav` and its permission granted. */
export function fakeMicLaunch(wav: string) {
  return {
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  };
}

/** A page in its own Chromium whose fake microphone plays `wav` (a file's tests each need their own input). */
export async function withFakeMic(playwright: { chromium: BrowserType }, wav: string, run: (page: Page) => Promise<void>): Promise<void> {
  const browser = await playwright.chromium.launch(fakeMicLaunch(wav));
  try {
    // A context of its own: axe needs one (browser.newPage makes a hidden one).
    const context = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 900 } });
    await run(await context.newPage());
  } finally {
    await browser.close();
  }
}

/**
 * Serve mode on a fresh data root whose settings name a model that is not installed: no live
 * engine while recording, no full pass after (these tests are about the audio path, and the
 * machine's two cores are better left to the fake microphone). `entry`: a test entry to run
 * instead of main/serve/cli.ts (serve-low-disk.ts).
 */
export function startServeWithoutEngine(entry?: string): Promise<ServeProcess> {
  const dataDir = newDataDir();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ modelId: 'tests-no-model' }));
  return startServe(dataDir, {}, entry);
}

export async function api<T>(server: ServeProcess, request: APIRequestContext, method: string, input: unknown): Promise<T> {
  const res = await request.post(`${server.origin}/api/${method}`, {
    data: input,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

export const participants = [
  { id: 'p-1', name: 'الرئيس', gender: 'm', title: '', organisation: '' },
  { id: 'p-2', name: 'المقررة', gender: 'f', title: '', organisation: '' },
];

/** Creates a meeting with two participants and opens its recording tab; returns its id. */
export async function openRecordingTab(server: ServeProcess, page: Page, request: APIRequestContext): Promise<string> {
  const { id } = await api<{ id: string }>(server, request, 'createMeeting', { fields: { title: 'اجتماع تجريبي', participants } });
  await page.goto(server.url);
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'التسجيل' }).click();
  return id;
}

/** The recording time shown, in seconds ("1:05" → 65). */
export async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer', { name: 'مدة التسجيل' }).textContent()) ?? '';
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

/** Waits for the recording time shown to reach `seconds` (the fake microphone plays in real time). */
export async function waitForShown(page: Page, seconds: number): Promise<void> {
  await expect.poll(() => shownSeconds(page), { timeout: seconds * 1000 + 30_000, intervals: [100] }).toBeGreaterThanOrEqual(seconds);
}

/** The data chunk of a 16-bit mono WAV main wrote. */
export function wavData(path: string): Buffer {
  const buf = readFileSync(path);
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'data') return buf.subarray(at + 8, at + 8 + Math.min(size, buf.length - at - 8));
    at += 8 + size + (size & 1);
  }
  throw new Error(`no data chunk in ${path}`);
}

export interface SentChunk {
  recordingId: string;
  seq: number;
  bytes: number;
  /** Which part of the test it was sent in (set by the test as it goes). */
  part: number;
}

/** Records every chunk the page sends to main, tagged with the part `currentPart()` names. */
export function watchChunks(page: Page, currentPart: () => number): SentChunk[] {
  const sent: SentChunk[] = [];
  page.on('request', (req) => {
    if (!req.url().endsWith('/api/appendRecording')) return;
    const body = req.postDataJSON() as { recordingId: string; seq: number; pcm: string };
    sent.push({ recordingId: body.recordingId, seq: body.seq, bytes: Buffer.from(body.pcm, 'base64').length, part: currentPart() });
  });
  return sent;
}
