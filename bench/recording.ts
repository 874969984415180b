// `npm run bench -- recording`: three hours of audio pushed through the service's appendRecording
// as fast as it goes (1 s chunks of real read MSA, looped), with the live text on when a model is
// installed, as in the app. Reports bytes lost (file data vs bytes sent, and their sha256), the
// process's memory (goal: flat; the live window is bounded), the time per hour of audio, and what
// the live text did meanwhile (decodes, seconds skipped: audio arrives about 1000x faster than
// real time, so the live text must skip, never block). RECORDING_HOURS (default 3) changes the
// length; 0 skips this part.
//
// Then the full pass that follows the recording (recording-follow.ts, issue 26): the time from the
// last word to the full transcript saved, for sessions of several lengths.
//
// Memory is measured after a forced full garbage collection, at the start, after each hour and
// after the stop: what is still referenced (V8's heap in use, and Buffers outside it). The RSS
// alone said nothing: 10,800 base64 chunks in a few seconds leave garbage that V8 collects when
// it chooses, and a heap that grew keeps its pages (heapTotal) after collecting them.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createContext } from '../main/context/context.ts';
import { readWavInfo } from '../main/audio/wav.ts';
import { recordingCommands } from '../main/service/recording.ts';
import type { BenchReport } from './index.ts';
import { followBench } from './recording-follow.ts';

const SHARED = resolve(import.meta.dirname, '..', '..', 'shared');
const MODELS = join(SHARED, 'models');
const MSA = join(SHARED, 'fixtures', 'msa-read');

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

/** V8's full collection: `gc` when node ran with --expose-gc, else exposed now (`npm run bench` runs tsx without flags). */
function forcedGc(): () => void {
  if (typeof global.gc === 'function') return global.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface Memory {
  /** JS objects still referenced, MB. */
  heapUsed: number;
  /** Buffers and other memory outside V8's heap still referenced, MB. */
  external: number;
  /** The process's resident memory, MB (includes heap pages kept after collection). */
  rss: number;
  /** The pages V8's heap holds, used or not, MB: it grows with the garbage and is slow to give them back. */
  heapTotal: number;
}

/** Memory after a full collection (twice: the first may only queue finalizers). */
function settled(gc: () => void): Memory {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapUsed: mb(m.heapUsed), external: mb(m.external), rss: mb(m.rss), heapTotal: mb(m.heapTotal) };
}

async function sha256File(file: string, offset: number, length: number): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(file, { start: offset, end: offset + length - 1 })) h.update(c as Buffer);
  return h.digest('hex');
}

export async function run(): Promise<BenchReport> {
  const hours = Number(process.env.RECORDING_HOURS ?? 3);
  const pushed = hours > 0 ? await pushHours(hours) : null;
  const follow = await followBench();
  const table = [pushed?.table, follow.table].filter(Boolean).join('\n\n');
  return { name: 'Recording: three hours through appendRecording; the full pass that follows it', table, data: { pushed: pushed?.data, follow: follow.data } };
}

/** Three hours (or `hours`) pushed as fast as they are answered. */
async function pushHours(hours: number): Promise<{ table: string; data: unknown }> {
  // Real speech: the first 30 clips, joined, looped.
  const speech: Buffer[] = [];
  for (let i = 1; i <= 30; i++) {
    const f = join(MSA, `${String(i).padStart(3, '0')}.wav`);
    if (!existsSync(f)) break;
    const info = await readWavInfo(f);
    speech.push(readFileSync(f).subarray(info.dataOffset, info.dataOffset + info.dataBytes));
  }
  const loop = Buffer.concat(speech);
  // The files read are not needed any more: let the start's measure hold only what the run keeps.
  speech.length = 0;
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
  const gc = forcedGc();
  const memStart = settled(gc);
  let rssPeak = process.memoryUsage().rss;
  const memHours: Memory[] = [];
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
      memHours.push(settled(gc));
      hourStart = performance.now();
    }
  }
  const elapsed = (performance.now() - t0) / 1000;
  const stateAtEnd = liveState;
  const meeting = await rec.stopRecording({ meetingId: m.id });
  const memEnd = settled(gc);
  const file = join(ctx.archive.meetingDir(m.id), meeting.audio!.file);
  const info = await readWavInfo(file);
  const same = (await sha256File(file, info.dataOffset, info.dataBytes)) === hash.digest('hex');
  rmSync(root, { recursive: true, force: true });
  const data: Pushed = {
    ...{ hours, chunks: total, bytesSent: sent, bytesInFile: info.dataBytes, bytesLost: sent - info.dataBytes, sameSha256: same },
    memoryAfterGcMB: { start: memStart, hours: memHours, afterStop: memEnd },
    ...{ rssPeakMB: mb(rssPeak), seconds: elapsed, secondsPerHourOfAudio: perHour },
    live: { state: stateAtEnd, decodes, skippedSec: Math.round(skipped) },
  };
  return { table: pushedTable(data), data };
}

interface Pushed {
  hours: number;
  chunks: number;
  bytesSent: number;
  bytesInFile: number;
  bytesLost: number;
  sameSha256: boolean;
  memoryAfterGcMB: { start: Memory; hours: Memory[]; afterStop: Memory };
  rssPeakMB: number;
  seconds: number;
  secondsPerHourOfAudio: number[];
  live: { state: string; decodes: number; skippedSec: number };
}

/** The table of the hours pushed: bytes, memory and time. */
function pushedTable(data: Pushed): string {
  const m = data.memoryAfterGcMB;
  // The steady state: from the first hour (the live engine's client and window set up) to the last.
  const first = m.hours[0] ?? m.start;
  const last = m.hours.at(-1) ?? m.afterStop;
  const grew = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 10) / 10}`;
  const dHeap = last.heapUsed - first.heapUsed;
  const dExt = last.external - first.external;
  // Flat: under 2 MB more in use over the hours, where a leak of a chunk's copy per second would be 115 MB an hour.
  const verdict = `memory in use, hour 1 → hour ${m.hours.length} | ${grew(dHeap)} MB heap, ${grew(dExt)} MB Buffers: ${dHeap + dExt < 2 ? 'flat (no leak)' : 'GROWING'}`;
  return [
    '| measure | value |',
    '|---|---|',
    `| audio pushed | ${data.hours} h in 1 s chunks (${data.chunks} appendRecording calls), as fast as they are answered |`,
    `| bytes lost | ${data.bytesLost} (file ${data.bytesInFile} of ${data.bytesSent} bytes sent; sha256 ${data.sameSha256 ? 'identical' : 'DIFFERENT'}) |`,
    `| memory in use after a forced GC (JS heap + Buffers), start / ${m.hours.map((_, i) => `hour ${i + 1}`).join(' / ')} / after stop | ${[m.start, ...m.hours, m.afterStop].map((x) => `${x.heapUsed} + ${x.external}`).join(' / ')} MB |`,
    `| ${verdict} |`,
    `| RSS after that GC, same points; peak without GC | ${[m.start, ...m.hours, m.afterStop].map((x) => x.rss).join(' / ')} MB; ${data.rssPeakMB} MB |`,
    `| time, whole run | ${data.seconds.toFixed(1)} s |`,
    `| time per hour of audio | ${data.secondsPerHourOfAudio.map((s) => s.toFixed(1)).join(', ')} s |`,
    `| live text meanwhile | ${data.live.state}; ${data.live.decodes} decodes, ${data.live.skippedSec} s of audio skipped (pushed ~${Math.round((data.hours * 3600) / Math.max(1, data.seconds))}x faster than real time) |`,
  ].join('\n');
}
