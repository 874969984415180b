// Review during the recording (issue 26), through the real UI, the real engine and real read MSA
// played by Chromium's fake microphone: the full pass that follows the recording saves into the
// meeting's transcript; the recording tab says how far it reaches and leads to the review tab,
// which says the meeting records, shows that transcript, plays the recording as far as it is
// written, and takes a speaker tag while the meeting records. After the stop, the pass on the tail
// adds the rest and the tag is still there. serve-follow.ts scales the pass down to a test's minute.
// Without a model, nothing follows, and the review tab says the text comes later.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Meeting } from '../../shared/domain.ts';
import { expectNoA11yViolations } from './axe.ts';
import { api, fakeInputs, openRecordingTab, startServeWithoutEngine, withFakeMic } from './recording-fakes.ts';
import { newDataDir, startServe, type ServeProcess } from './serve.ts';

const shared = resolve(import.meta.dirname, '..', '..', '..', 'shared');
const model = join(shared, 'models', 'ggml-base.bin');
let server: ServeProcess | undefined;

test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** msa-read's first eight clips (about a minute of one reader), as the fake microphone plays them. */
function speech(): string {
  const clips = Array.from({ length: 8 }, (_, i) => join(shared, 'fixtures', 'msa-read', `${String(i + 1).padStart(3, '0')}.wav`));
  const out = join(mkdtempSync(join(tmpdir(), 'mahdar-review-mic-')), 'speech.wav');
  execFileSync('sox', [...clips, '-r', '16000', '-c', '1', '-b', '16', out, 'pad', '0', '0.5']);
  return out;
}

test('the transcript made during the recording is reviewed and tagged while the meeting records; the tag outlasts the stop', async ({ playwright, request }) => {
  test.skip(!existsSync(model), 'Whisper base model not present beside the repository');
  test.setTimeout(420_000);
  const dataDir = newDataDir();
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ modelId: 'base', threads: 1 }));
  server = await startServe(dataDir, {}, resolve(import.meta.dirname, 'serve-follow.ts'));
  const srv = server;
  await withFakeMic(playwright, speech(), async (page) => {
    const id = await openRecordingTab(srv, page, request);
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();

    // The recording tab says how far the full transcript reaches, and leads to it.
    const followed = page.locator('.rec-followed');
    await expect(followed).toContainText('النص الكامل جاهز حتى', { timeout: 180_000 });
    await page.getByRole('button', { name: 'المراجعة الآن' }).click();
    await expect(page.getByRole('tab', { name: 'المراجعة' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.editor-recording')).toContainText('التسجيل جارٍ: هذا هو النص الكامل حتى');

    // The transcript so far, with the recording to listen to as far as it is written.
    const first = page.locator('[role="row"][data-seg]').first();
    await expect(first.locator('textarea')).not.toHaveValue('');
    const segId = (await first.getAttribute('data-seg'))!;
    await first.locator('.seg-play').click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => (Number.isFinite(a.duration) ? a.duration : 0)), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.locator('audio').evaluate((a: HTMLAudioElement) => a.pause());
    // The floor to the first participant, by key, while the meeting records.
    await page.keyboard.press('1');
    await expect(first.locator('.seg-head')).toHaveText('الرئيس');
    await expectNoA11yViolations(page, 'review during the recording');
    await page.screenshot({ path: test.info().outputPath('review-during-recording.png') });

    await page.getByRole('tab', { name: 'التسجيل' }).click();
    await expect(followed.getByRole('button', { name: 'المراجعة الآن' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('recording-tab-followed.png') });
    await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
    const job = () => api<{ status: string } | null>(srv, request, 'getTranscription', { meetingId: id }).then((j) => j?.status ?? 'none');
    await expect.poll(job, { timeout: 240_000, intervals: [1000] }).toBe('done');
    const m = await api<Meeting>(srv, request, 'getMeeting', { id });
    const tagged = m.segments.findIndex((s) => s.id === segId);
    expect(tagged).toBeGreaterThanOrEqual(0);
    expect(m.segments[tagged]!.speakerId).toBe('p-1');
    // The pass after the stop added the tail after what was reviewed.
    expect(m.audio?.file).toBe('recording-1.wav');
    expect(m.segments.at(-1)!.end).toBeGreaterThan(m.segments[tagged]!.end);
  });
});

test('without a model nothing follows the recording: the review tab says the text comes after it is transcribed', async ({ playwright, request }) => {
  server = await startServeWithoutEngine();
  const srv = server;
  await withFakeMic(playwright, fakeInputs.tone(), async (page) => {
    await openRecordingTab(srv, page, request);
    await page.getByRole('button', { name: 'بدء التسجيل' }).click();
    await expect(page.getByRole('button', { name: 'إنهاء التسجيل' })).toBeVisible();
    await expect(page.locator('.rec-followed')).toHaveCount(0);
    await page.getByRole('tab', { name: 'المراجعة' }).click();
    await expect(page.locator('.editor-recording')).toHaveText('التسجيل جارٍ: يظهر نصه هنا بعد تفريغه.');
    await page.getByRole('tab', { name: 'التسجيل' }).click();
    await page.getByRole('button', { name: 'إنهاء التسجيل' }).click();
  });
});
