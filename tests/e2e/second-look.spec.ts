// The second look at speech left without text (main/asr/gap-pass.ts), as the secretary sees it:
// a transcript with a hole where two clips of read Arabic were said (as a job killed during its
// second look leaves it), the tab listing the hole; Resume transcribes the hole again with the real
// engine, says so under the progress in her language, and the hole's text appears in its place.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServe, type ServeProcess } from './serve.ts';

const msa = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'msa-read');
const CLIPS = ['010.wav', '011.wav', '012.wav', '013.wav', '014.wav', '015.wav'];
/** The clips whose text is missing. */
const HOLE = ['012.wav', '013.wav'];
mkdirSync('test-results/screens', { recursive: true });

let server: ServeProcess;
test.afterEach(async () => {
  await server?.stop();
});

async function createMeeting(request: APIRequestContext): Promise<string> {
  const res = await request.post(`${server.origin}/api/createMeeting`, {
    data: { fields: { title: 'جلسة المجلس البلدي' } },
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  const body = await res.json();
  expect(body.ok).toBe(true);
  return body.value.id as string;
}

test('a hole where speech was said is transcribed again on Resume, with a note under the progress, and filled in place', async ({ page, request }) => {
  test.skip(!existsSync(join(msa, '010.wav')), 'Arabic fixtures not present beside the repository');
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-e2e-look-'));
  const wav = join(dir, 'six.wav');
  execFileSync('sox', [...CLIPS.map((c) => join(msa, c)), '-r', '16000', '-c', '1', '-b', '16', wav]);
  const refs = new Map(readFileSync(join(msa, 'refs.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t') as [string, string]));
  // Each clip's place in the joined file, and the reference text as its segment, but for the hole's clips.
  let at = 0;
  const segments: object[] = [];
  for (const clip of CLIPS) {
    const sec = Number(execFileSync('soxi', ['-D', join(msa, clip)], { encoding: 'utf8' }).trim());
    if (!HOLE.includes(clip)) segments.push({ id: `s-${clip.slice(0, 3)}`, start: at, end: at + sec, text: refs.get(clip)!, speakerId: null, tags: [], edited: false });
    at += sec;
  }

  server = await startServe();
  const id = await createMeeting(request);
  const folder = join(server.dataDir, 'meetings', id);
  copyFileSync(wav, join(folder, 'audio.wav'));
  const meeting = JSON.parse(readFileSync(join(folder, 'meeting.json'), 'utf8'));
  meeting.audio = { file: 'audio.wav', durationSec: at, originalName: 'six.wav' };
  meeting.segments = segments;
  writeFileSync(join(folder, 'meeting.json'), JSON.stringify(meeting, null, 2));

  await page.goto(server.url); // sets the token cookie
  await page.goto(`${server.origin}/#/meeting/${id}`);
  await page.getByRole('tab', { name: 'التفريغ' }).click();
  const list = page.locator('.segments li');
  await expect(list).toHaveCount(4);
  const warning = page.locator('[role="note"][aria-labelledby="gaps-h"]');
  await expect(warning.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'استئناف التفريغ' }).click();
  const note = page.locator('p.second-look[role="status"]');
  await expect(note).toHaveText('يُعاد تفريغ مقاطع فيها كلام بلا نص، كلٌّ على حدة: 0 من 1.', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screens/second-look-ar.png', fullPage: true });

  await expect(page.getByText('اكتمل التفريغ.')).toBeVisible({ timeout: 120_000 });
  await expect(note).toHaveCount(0);
  await expect(warning).toHaveCount(0);
  const texts = await list.allTextContents();
  expect(texts.length).toBeGreaterThan(4);
  // In time order: the hole's text between clip 011's and clip 014's.
  const before = texts.findIndex((t) => t.includes(refs.get('011.wav')!.split(' ')[0]!));
  const after = texts.findIndex((t) => t.includes(refs.get('014.wav')!.split(' ')[0]!));
  expect(after - before).toBe(texts.length - 4 + 1);
  const saved = JSON.parse(readFileSync(join(folder, 'meeting.json'), 'utf8')).segments as { start: number; text: string }[];
  expect(saved.map((s) => s.start)).toEqual([...saved.map((s) => s.start)].sort((a, b) => a - b));
  expect(saved.filter((s) => /[\u0600-\u06FF]/.test(s.text))).toHaveLength(saved.length);
  await page.screenshot({ path: 'test-results/screens/second-look-done-ar.png', fullPage: true });
});
