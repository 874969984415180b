// A recording interrupted and continued in the same file, in Chromium with a fake microphone:
//  - the microphone is unplugged mid-meeting (its track ends): the page says so, keeps what was
//    recorded, and resumes with the device into the same WAV on the same clock;
//  - the page is reloaded while it records (serve mode; Electron reloading its page is the same
//    for main): the next load finds the recording open, says so, and continues it in the same
//    file without losing what was recorded.
// Parts are measured independently of the file: main's length when the first part ended, and the
// audio the page sent after (every appendRecording request is watched).
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoA11yViolations } from './axe.ts';
import {
  api,
  fakeInputs,
  fakeMicLaunch,
  openRecordingTab,
  shownSeconds,
  startServeWithoutEngine,
  waitForShown,
  watchChunks,
  wavData,
  type SentChunk,
} from './recording-fakes.ts';
import type { ServeProcess } from './serve.ts';

test.use({ launchOptions: fakeMicLaunch(fakeInputs.tone()) });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

interface Status {
  recording: { recordingId: string; state: string; durationSec: number; nextSeq: number } | null;
}
interface SavedMeeting {
  audio?: { file: string; durationSec: number };
  marks?: { kind: string; at: number; participantId?: string }[];
}

const BYTES_PER_SEC = 32000;
/** Bytes of audio in the chunks of a part, each (recording, seq) counted once: a retried chunk is written once. */
function bytesSent(sent: SentChunk[], part: number): number {
  const once = new Map(sent.filter((c) => c.part === part).map((c) => [`${c.recordingId}/${c.seq}`, c.bytes]));
  return [...once.values()].reduce((a, b) => a + b, 0);
}

/**
 * Ends the microphone's track as an unplugged device does: the audio stops and the track fires
 * 'ended' (a track stopped from script fires nothing, so the event is dispatched as the browser
 * would). The streams are those the page got, collected by the init script below; nothing is
 * added to the app for this.
 */
async function unplug(page: Page): Promise<void> {
  await page.evaluate(() => {
    const streams = (window as unknown as { __testStreams: MediaStream[] }).__testStreams;
    for (const track of streams.at(-1)!.getAudioTracks()) {
      track.stop();
      track.dispatchEvent(new Event('ended'));
    }
  });
}

/** Keeps the streams the page gets from getUserMedia, for unplug(). Test code only, run before the app's. */
async function collectStreams(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { __testStreams: MediaStream[] }).__testStreams = streams;
    const get = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => {
      const s = await get(c);
      streams.push(s);
      return s;
    };
  });
}

const recordingFiles = (dir: string) => readdirSync(dir).filter((f) => /^recording-\d+\.wav$/.test(f));

/** The largest sample (absolute) in PCM16 bytes: the fake microphone's tone peaks near 16,000, silence is 0. */
function peakOf(pcm: Buffer): number {
  let peak = 0;
  for (let i = 0; i + 1 < pcm.length; i += 2) peak = Math.max(peak, Math.abs(pcm.readInt16LE(i)));
  return peak;
}

test('microphone unplugged mid-meeting: the page says so, keeps the recording, and resumes it in the same file', async ({ page, request }) => {
  await collectStreams(page);
  server = await startServeWithoutEngine();
  const id = await openRecordingTab(server, page, request);
  let part = 1;
  const sent = watchChunks(page, () => part);

  await page.getByRole('button', { name: 'بدء التسجيل' }).click();
  await waitForShown(page, 4);
  await unplug(page);

  // Said plainly, with what to do; the recording is paused, not stopped.
  await expect(page.getByRole('alert').filter({ hasText: /انقطع الميكروفون أثناء التسجيل. التسجيل متوقف مؤقتًا وكل ما سُجِّل محفوظ/ })).toBeVisible();
  await expect(page.getByText('التسجيل متوقف مؤقتًا', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'الميكروفون' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'استئناف التسجيل' })).toBeEnabled();
  // Main paused it after the last chunk the microphone gave: everything before the loss is saved.
  await expect.poll(async () => (await api<Status>(server, request, 'getRecording', { meetingId: id })).recording?.state).toBe('paused');
  const atLoss = (await api<Status>(server, request, 'getRecording', { meetingId: id })).recording!;
  const part1 = atLoss.durationSec;
  expect(part1).toBeGreaterThanOrEqual(3.5);
  const part1Bytes = bytesSent(sent, 1);
  expect(part1).toBeCloseTo(part1Bytes / BYTES_PER_SEC, 3);
  const shownAtLoss = await shownSeconds(page);
  expect(Math.abs(shownAtLoss - part1)).toBeLessThan(1);
  await page.screenshot({ path: 'test-results/screens/recording-mic-lost.png', fullPage: true });
  await expectNoA11yViolations(page, 'recording tab, microphone lost');

  // The device is back (the fake one is always there): resume.
  part = 2;
  await page.getByRole('button', { name: 'استئناف التسجيل' }).click();
  await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();
  await expect(page.getByText(/انقطع الميكروفون/)).toHaveCount(0);
  // The clock goes on from where it was.
  expect(await shownSeconds(page)).toBeGreaterThanOrEqual(shownAtLoss);
  await waitForShown(page, shownAtLoss + 3);
  // A mark after the resume is on the recording's clock: after the first part.
  const shownAtMark = await shownSeconds(page);
  await page.keyboard.press('Digit2');
  await expect(page.getByText('العلامات المحفوظة: 1')).toBeVisible();
  await waitForShown(page, shownAtMark + 2);
  await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
  await expect(page.getByText(/حُفظ التسجيل/)).toBeVisible({ timeout: 15_000 });
  const shownAtStop = await shownSeconds(page);

  const meeting = await api<SavedMeeting>(server, request, 'getMeeting', { id });
  const dir = join(server.dataDir, 'meetings', id);
  // One file, the one the recording began in.
  expect(meeting.audio!.file).toBe('recording-1.wav');
  expect(recordingFiles(dir)).toEqual(['recording-1.wav']);
  // One recording: both parts went to the same recording, chunks numbered on from the first part.
  expect(new Set(sent.map((c) => c.recordingId))).toEqual(new Set([atLoss.recordingId]));
  const part2Bytes = bytesSent(sent, 2);
  const part2 = part2Bytes / BYTES_PER_SEC;
  expect(Math.min(...sent.filter((c) => c.part === 2).map((c) => c.seq))).toBe(atLoss.nextSeq);
  const duration = meeting.audio!.durationSec;
  console.log(`part 1 ${part1.toFixed(3)} s + part 2 ${part2.toFixed(3)} s; file ${duration.toFixed(3)} s; shown ${shownAtStop} s`);
  expect(Math.abs(duration - (part1 + part2))).toBeLessThan(1);
  // To the byte: nothing lost, nothing written twice.
  const data = wavData(join(dir, meeting.audio!.file));
  expect(data.length).toBe(part1Bytes + part2Bytes);
  // The microphone's sound on both sides of the loss (the one opened again is recorded, not silence).
  expect(peakOf(data.subarray(0, part1Bytes))).toBeGreaterThan(8000);
  expect(peakOf(data.subarray(part1Bytes + BYTES_PER_SEC))).toBeGreaterThan(8000);
  expect(Math.abs(duration - shownAtStop)).toBeLessThan(1);
  const mark = meeting.marks!.find((m) => m.kind === 'floor')!;
  expect(mark.participantId).toBe('p-2');
  expect(mark.at).toBeGreaterThan(part1);
  expect(Math.abs(mark.at - shownAtMark)).toBeLessThan(1);
  expect(mark.at).toBeLessThan(duration);
});

test('page reloaded while recording: the next load finds the recording open and continues it in the same file', async ({ page, request }) => {
  server = await startServeWithoutEngine();
  const id = await openRecordingTab(server, page, request);
  let part = 1;
  const sent = watchChunks(page, () => part);

  await page.getByRole('button', { name: 'بدء التسجيل' }).click();
  await waitForShown(page, 5);
  await expect.poll(async () => (await api<Status>(server, request, 'getRecording', { meetingId: id })).recording?.durationSec ?? 0).toBeGreaterThanOrEqual(3);
  part = 0; // the reload: whatever the old page still had in flight
  await page.reload();

  // The page opens on the Recording tab by itself: the open recording comes first.
  await expect(page.getByRole('tab', { name: 'التسجيل' })).toHaveAttribute('aria-selected', 'true');
  const notice = page.getByRole('status').filter({ hasText: /تسجيل هذا الاجتماع ما زال مفتوحًا \((\d+:\d\d)\) ولا يصله صوت/ });
  await expect(notice).toBeVisible();
  const open = (await api<Status>(server, request, 'getRecording', { meetingId: id })).recording!;
  expect(open.state).toBe('recording');
  const part1 = open.durationSec;
  const [, mm, ss] = /(\d+):(\d\d)/.exec((await notice.textContent()) ?? '')!;
  expect(Math.abs(Number(mm) * 60 + Number(ss) - part1)).toBeLessThan(1);
  const dir = join(server.dataDir, 'meetings', id);
  // What reached the file before the reload, to compare with the file at the end.
  // Read past the header: while recording, main rewrites its sizes only once a second.
  const before = readFileSync(join(dir, 'recording-1.wav')).subarray(44);
  expect(before.length / BYTES_PER_SEC).toBeCloseTo(part1, 3);
  await page.screenshot({ path: 'test-results/screens/recording-reloaded.png', fullPage: true });

  part = 2;
  await page.getByRole('button', { name: 'استئناف هذا التسجيل هنا' }).click();
  await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();
  // The time axis goes on from the recording's length.
  expect(await shownSeconds(page)).toBeGreaterThanOrEqual(Math.floor(part1));
  await waitForShown(page, Math.floor(part1) + 4);
  await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
  await expect(page.getByText(/حُفظ التسجيل/)).toBeVisible({ timeout: 15_000 });

  const meeting = await api<SavedMeeting>(server, request, 'getMeeting', { id });
  expect(meeting.audio!.file).toBe('recording-1.wav');
  expect(recordingFiles(dir)).toEqual(['recording-1.wav']);
  expect(new Set(sent.filter((c) => c.part === 2).map((c) => c.recordingId))).toEqual(new Set([open.recordingId]));
  const part2Bytes = bytesSent(sent, 2);
  const part2 = part2Bytes / BYTES_PER_SEC;
  const duration = meeting.audio!.durationSec;
  console.log(`before the reload ${part1.toFixed(3)} s + after it ${part2.toFixed(3)} s; file ${duration.toFixed(3)} s`);
  expect(Math.abs(duration - (part1 + part2))).toBeLessThan(1);
  // Nothing recorded before the reload was lost or changed.
  const data = wavData(join(dir, meeting.audio!.file));
  expect(data.subarray(0, before.length).equals(before)).toBe(true);
  expect(data.length).toBe(before.length + part2Bytes);
});

test('microphone unplugged while paused: resuming opens it again and records its sound', async ({ page, request }) => {
  await collectStreams(page);
  server = await startServeWithoutEngine();
  const id = await openRecordingTab(server, page, request);
  await page.getByRole('button', { name: 'بدء التسجيل' }).click();
  await waitForShown(page, 2);
  await page.getByRole('button', { name: 'إيقاف التسجيل مؤقتًا' }).click();
  await expect.poll(async () => (await api<Status>(server, request, 'getRecording', { meetingId: id })).recording?.state).toBe('paused');
  const part1 = (await api<Status>(server, request, 'getRecording', { meetingId: id })).recording!.durationSec;
  await unplug(page);
  await expect(page.getByRole('alert').filter({ hasText: /انقطع الميكروفون أثناء التسجيل/ })).toBeVisible();

  await page.getByRole('button', { name: 'استئناف التسجيل' }).click();
  await expect(page.getByText('جارٍ التسجيل', { exact: true })).toBeVisible();
  await waitForShown(page, Math.floor(part1) + 3);
  await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
  await expect(page.getByText(/حُفظ التسجيل/)).toBeVisible({ timeout: 15_000 });
  const meeting = await api<SavedMeeting>(server, request, 'getMeeting', { id });
  const data = wavData(join(server.dataDir, 'meetings', id, meeting.audio!.file));
  // After the resume: the microphone's tone, not the silence of the track that ended.
  const after = data.subarray(Math.round(part1 * BYTES_PER_SEC) + BYTES_PER_SEC);
  expect(after.length).toBeGreaterThan(BYTES_PER_SEC);
  expect(peakOf(after)).toBeGreaterThan(8000);
});
