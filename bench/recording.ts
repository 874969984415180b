// `npm run bench -- recording`: three hours of audio pushed through the service's appendRecording
// as fast as it goes (1 s chunks of real read MSA, looped), with the live text on when a model is
// installed, as in the app. Reports bytes lost (file data vs bytes sent, and their sha256), the
// process's memory at the start, the end and its peak (goal: flat; the live window is bounded),
// the time per hour of audio, and what the live text did meanwhile (decodes, seconds skipped:
// audio arrives about 1000x faster than real time, so the live text must skip, never block).
// RECORDING_HOURS (default 3) changes the length.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../main/context/context.ts';
import { readWavInfo } from '../main/audio/wav.ts';
import { recordingCommands } from '../main/service/recording.ts';
import type { BenchReport } from './index.ts';

const SHARED = resolve(import.meta.dirname, '..', '..', 'shared');
const MODELS = join(SHARED, 'models');
const MSA = join(SHARED, 'fixtures', 'msa-read');

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

async function sha256File(file: string, offset: number, length: number): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(file, { start: offset, end: offset + length - 1 })) h.update(c as Buffer);
  return h.digest('hex');
}

export async function run(): Promise<BenchReport> {
  const hours = Number(process.env.RECORDING_HOURS ?? 3);
  // Real speech: the first 30 clips, joined, looped.
  const speech: Buffer[] = [];
  for (let i = 1; i <= 30; i++) {
    const f = join(MSA, `${String(i).padStart(3, '0')}.wav`);
    if (!existsSync(f)) break;
    const info = await readWavInfo(f);
    speech.push(readFileSync(f).subarray(info.dataOffset, info.dataOffset + info.dataBytes));
  }
  const loop = Buffer.concat(speech);
  const root = mkdtempSync(join(tmpdir(), 'mahdar-bench-recording-'));
  const ctx = await createContext(root, [MODELS]);
  let decodes = 0;
  let skipped = 0;
  let liveState = 'off';
  ctx.events.subscribe((e) => {
    if (e.type === 'liveText') {
      decodes++;
      skipped += e.skippedSec ?? 0;
    } else if (e.type === 'liveStatus') liveState = e.state === 'stopped' ? liveState : e.state;
  });
  const rec = recordingCommands(ctx, { transcribeAfter: false });
  const m = await ctx.archive.create({ title: 'bench recording' });
  global.gc?.();
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
  const CHUNK = 32000; // one second
  const total = Math.round(hours * 3600);
  const hash = createHash('sha256');
  let sent = 0;
  let pos = 0;
  const t0 = performance.now();
  const perHour: number[] = [];
  let hourStart = t0;
  for (let seq = 0; seq < total; seq++) {
    const chunk = Buffer.alloc(CHUNK);
    for (let k = 0; k < CHUNK; ) {
      const n = Math.min(CHUNK - k, loop.length - pos);
      loop.copy(chunk, k, pos, pos + n);
      k += n;
      pos = (pos + n) % loop.length;
    }
    hash.update(chunk);
    sent += chunk.length;
    await rec.appendRecording({ meetingId: m.id, recordingId, seq, pcm: chunk.toString('base64') });
    if (seq % 600 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    if ((seq + 1) % 3600 === 0) {
      const now = performance.now();
      perHour.push((now - hourStart) / 1000);
      hourStart = now;
    }
  }
  const elapsed = (performance.now() - t0) / 1000;
  const stateAtEnd = liveState;
  const meeting = await rec.stopRecording({ meetingId: m.id });
  global.gc?.();
  const rssEnd = process.memoryUsage().rss;
  const file = join(ctx.archive.meetingDir(m.id), meeting.audio!.file);
  const info = await readWavInfo(file);
  const same = (await sha256File(file, info.dataOffset, info.dataBytes)) === hash.digest('hex');
  rmSync(root, { recursive: true, force: true });

  const data = {
    hours,
    chunks: total,
    bytesSent: sent,
    bytesInFile: info.dataBytes,
    bytesLost: sent - info.dataBytes,
    sameSha256: same,
    rssMB: { start: mb(rssStart), peak: mb(rssPeak), end: mb(rssEnd) },
    seconds: elapsed,
    secondsPerHourOfAudio: perHour,
    live: { state: stateAtEnd, decodes, skippedSec: Math.round(skipped) },
  };
  const table = [
    '| measure | value |',
    '|---|---|',
    `| audio pushed | ${hours} h in 1 s chunks (${total} appendRecording calls), as fast as they are answered |`,
    `| bytes lost | ${data.bytesLost} (file ${info.dataBytes} of ${sent} bytes sent; sha256 ${same ? 'identical' : 'DIFFERENT'}) |`,
    `| process memory (RSS), start / peak / end | ${data.rssMB.start} / ${data.rssMB.peak} / ${data.rssMB.end} MB |`,
    `| time, whole run | ${elapsed.toFixed(1)} s |`,
    `| time per hour of audio | ${perHour.map((s) => s.toFixed(1)).join(', ')} s |`,
    `| live text meanwhile | ${stateAtEnd}; ${decodes} decodes, ${data.live.skippedSec} s of audio skipped (pushed ~${Math.round((hours * 3600) / Math.max(1, elapsed))}x faster than real time) |`,
  ].join('\n');
  return { name: 'Recording: three hours through appendRecording', table, data };
}
