// `npm run bench -- live`: the live text while recording, with the real engine.
//
// 1. Cold vs warm: one 10 s window decoded by a fresh whisper-cli (model loaded each time) and by
//    the warm whisper-server the live text uses (model loaded once).
// 2. A long real-speech file (msa-read clips joined, 1 s of silence after each) is played into
//    the recording service's appendRecording in 0.5 s chunks, in real time (LIVE_SPEED=2 plays
//    it twice as fast, and the report says so). Each committed word's delay = wall time of its
//    commit (on the recording's clock) minus the time it was spoken; spoken times come from the
//    clip boundaries (a clip's reference words spread evenly over the clip). Committed words are
//    matched to reference words by a minimum-edit alignment; substituted words count too.
// 3. The live text's WER against the references and against the full pass's transcript (the
//    app's default decoding, run after the stop as the app does).
//
// Options (environment): LIVE_CLIPS (default 20), LIVE_SPEED (1), LIVE_THREADS (2),
// LIVE_PACED=1 (feed 2 s, wait for each decode: accuracy without the clock), LIVE_PROMPT=0/1,
// LIVE_CTX, LIVE_STEP, LIVE_TRIM, LIVE_MAX and LIVE_PAUSE (seconds: contextSec, stepSec, trimSec,
// maxWindowSec and commitAtPauseSec of main/asr/live/live.ts),
// LIVE_COLD=0 (skip the cold/warm comparison), LIVE_FULL=0 (skip the full pass).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normalizedWords } from '../shared/text/arabic-normalize.ts';
import { alignSteps, wordErrorRate } from '../shared/text/wer.ts';
import type { LiveTextEvent } from '../shared/recording.ts';
import { createContext } from '../main/context/context.ts';
import { TranscriptionJobs } from '../main/asr/job.ts';
import { engineEnv, whisperCliPath } from '../main/asr/engine.ts';
import { startLiveServer, whisperServerPath } from '../main/asr/live/server.ts';
import { readWavInfo } from '../main/audio/wav.ts';
import { recordingCommands } from '../main/service/recording.ts';
import type { BenchReport } from './index.ts';
import { repeatedNgrams } from '../tests/unit/asr-fixtures.ts';

const SHARED = resolve(import.meta.dirname, '..', '..', 'shared');
const MODELS = join(SHARED, 'models');
const MODEL = join(MODELS, 'ggml-base.bin');
const VAD = join(MODELS, 'ggml-silero-v5.1.2.bin');
const MSA = join(SHARED, 'fixtures', 'msa-read');
const env = (k: string, d: number) => (process.env[k] !== undefined ? Number(process.env[k]) : d);

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');

/** Pairs (reference index, hypothesis index) of a minimum-edit alignment (matches and substitutions). */
export function alignPairs(ref: string[], hyp: string[]): [number, number][] {
  return alignSteps(ref, hyp).flatMap((s) => (s.op === 'ok' || s.op === 'sub' ? [[s.ref, s.hyp] as [number, number]] : []));
}

async function coldVsWarm(threads: number, work: string): Promise<{ coldMs: number[]; warmMs: number[]; loadMs: number }> {
  // A 10 s window: clips 001 and 002 (11.8 s) cut to 10 s.
  const wav = join(work, 'window10.wav');
  execFileSync('sox', [join(MSA, '001.wav'), join(MSA, '002.wav'), wav, 'trim', '0', '10']);
  const info = await readWavInfo(wav);
  const pcm = readFileSync(wav).subarray(info.dataOffset, info.dataOffset + info.dataBytes);
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  const t0 = Date.now();
  const server = await startLiveServer({ bin: whisperServerPath(), model: MODEL, vadModel: VAD, threads, language: 'ar' });
  const loadMs = Date.now() - t0;
  try {
    for (let round = 0; round < 3; round++) {
      // Alternated, so that a neighbour's load hits both alike.
      let t = Date.now();
      spawnSync(whisperCliPath(), ['-m', MODEL, '-l', 'ar', '-t', String(threads), '-bs', '1', '-bo', '1', '-sns', '--vad', '-vm', VAD, '-f', wav, '-np'], { env: engineEnv(threads) });
      coldMs.push(Date.now() - t);
      t = Date.now();
      await server.decode(pcm, '', { contextSec: 30 });
      warmMs.push(Date.now() - t);
    }
  } finally {
    await server.close();
  }
  return { coldMs, warmMs, loadMs };
}

export async function run(): Promise<BenchReport> {
  const clips = env('LIVE_CLIPS', 20);
  const speed = env('LIVE_SPEED', 1);
  const threads = env('LIVE_THREADS', 2);
  const paced = process.env.LIVE_PACED === '1';
  const work = mkdtempSync(join(tmpdir(), 'mahdar-bench-live-'));

  const cvw = process.env.LIVE_COLD === '0' ? null : await coldVsWarm(threads, work);

  // The long file and each clip's span in it.
  const refRows = readFileSync(join(MSA, 'refs.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const chosen = refRows.slice(0, clips);
  const long = join(work, 'long.wav');
  // Each clip padded with 1 s of silence, then joined.
  const parts: string[] = [];
  chosen.forEach((r, i) => {
    const p = join(work, `p${i}.wav`);
    execFileSync('sox', [join(MSA, r[0]!), '-r', '16000', '-c', '1', '-b', '16', p, 'pad', '0', '1']);
    parts.push(p);
  });
  execFileSync('sox', [...parts, long]);
  const refWords: { word: string; at: number }[] = [];
  let t = 0;
  for (const [i, r] of chosen.entries()) {
    const dur = (await readWavInfo(parts[i]!)).durationSec - 1;
    const ws = normalizedWords(r[1]!);
    ws.forEach((w, k) => refWords.push({ word: w, at: t + ((k + 1) / ws.length) * dur }));
    t += dur + 1;
  }
  const reference = chosen.map((r) => r[1]!).join(' ');
  const info = await readWavInfo(long);
  const pcm = readFileSync(long).subarray(info.dataOffset, info.dataOffset + info.dataBytes);

  const root = mkdtempSync(join(tmpdir(), 'mahdar-bench-live-root-'));
  writeFileSync(join(root, 'settings.json'), JSON.stringify({ uiLanguage: 'ar', threads, modelId: null, transcriptionLanguage: 'ar' }));
  const ctx = await createContext(root, [MODELS]);
  const window: Record<string, unknown> = {};
  if (process.env.LIVE_CTX) window.contextSec = Number(process.env.LIVE_CTX);
  if (process.env.LIVE_MAX) window.maxWindowSec = Number(process.env.LIVE_MAX);
  if (process.env.LIVE_PROMPT) window.usePrompt = process.env.LIVE_PROMPT === '1';
  if (process.env.LIVE_STEP) window.stepSec = Number(process.env.LIVE_STEP);
  if (process.env.LIVE_TRIM) window.trimSec = Number(process.env.LIVE_TRIM);
  if (process.env.LIVE_PAUSE) window.commitAtPauseSec = Number(process.env.LIVE_PAUSE);
  const jobs = new TranscriptionJobs(ctx);
  const rec = recordingCommands(ctx, { live: window, transcribeAfter: process.env.LIVE_FULL !== '0', jobs });
  const m = await ctx.archive.create({ title: 'bench live' });

  // Committed words with the recording time at which they were committed.
  const committed: { word: string; atRec: number }[] = [];
  let skipped = 0;
  let decodes = 0;
  let startWall = 0;
  let wake: (() => void) | null = null;
  const recClock = () => ((Date.now() - startWall) / 1000) * speed;
  ctx.events.subscribe((e) => {
    if (e.type !== 'liveText' || e.meetingId !== m.id) return;
    const ev = e as LiveTextEvent;
    decodes++;
    skipped += ev.skippedSec ?? 0;
    const at = paced ? ev.atSec : recClock();
    for (const w of normalizedWords(ev.committed)) committed.push({ word: w, atRec: at });
    wake?.();
  });
  const { recordingId } = await rec.startRecording({ meetingId: m.id, continue: false });
  const CHUNK = 16000;
  const n = Math.ceil(pcm.length / CHUNK);
  startWall = Date.now();
  let maxAppendMs = 0;
  for (let seq = 0; seq < n; seq++) {
    if (!paced) {
      const due = startWall + ((seq * 0.5) / speed) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    const next = paced && seq % 4 === 3 ? new Promise<void>((r) => (wake = r)) : null;
    const a = Date.now();
    await rec.appendRecording({ meetingId: m.id, recordingId, seq, pcm: pcm.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64') });
    maxAppendMs = Math.max(maxAppendMs, Date.now() - a);
    if (next) await next;
  }
  const liveWords = committed.length;
  await rec.stopRecording({ meetingId: m.id });
  const liveText = committed.map((c) => c.word).join(' ');

  // Delay of each committed word that aligns with a reference word (before the stop's flush).
  const pairs = alignPairs(refWords.map((r) => r.word), committed.slice(0, liveWords).map((c) => c.word));
  const delays = pairs.map(([i, j]) => committed[j]!.atRec - refWords[i]!.at);

  let fullText = '';
  let fullSec = NaN;
  if (process.env.LIVE_FULL !== '0') {
    const a = Date.now();
    // The stop queues the full pass once the live engine has closed (it may be mid-decode).
    for (let i = 0; i < 600 && !jobs.get(m.id); i++) await new Promise((r) => setTimeout(r, 100));
    const job = await jobs.wait(m.id);
    fullSec = (Date.now() - a) / 1000;
    if (job?.status === 'done') fullText = (await ctx.archive.read(m.id)).segments.map((s) => s.text).join(' ');
  }
  const loops = repeatedNgrams(committed.slice(0, liveWords).map((c) => c.word), 4, 2);
  const werRef = wordErrorRate(reference, liveText);
  const werFullRef = fullText ? wordErrorRate(reference, fullText) : null;
  const werVsFull = fullText ? wordErrorRate(fullText, liveText) : null;

  const data = {
    clips,
    audioSec: info.durationSec,
    speed,
    paced,
    threads,
    window,
    coldVsWarm: cvw,
    decodes,
    skippedSec: skipped,
    maxAppendMs,
    delays: { n: delays.length, median: quantile(delays, 0.5), p95: quantile(delays, 0.95) },
    liveWords: committed.length,
    refWords: refWords.length,
    werLiveVsRef: werRef,
    werFullVsRef: werFullRef,
    werLiveVsFull: werVsFull,
    fullPassSec: fullSec,
    loops,
    liveText,
  };
  const rows = [
    '| measure | value |',
    '|---|---|',
    ...(cvw
      ? [
          `| one 10 s window, fresh whisper-cli (model loaded each time), ms | ${cvw.coldMs.join(', ')} |`,
          `| one 10 s window, warm whisper-server, ms | ${cvw.warmMs.join(', ')} |`,
          `| whisper-server start (model load), ms | ${cvw.loadMs} |`,
        ]
      : []),
    `| audio | ${clips} msa-read clips, ${f2(info.durationSec)} s, ${paced ? 'paced by decodes (no clock)' : `played at ${speed}x real time`} |`,
    `| engine | ggml-base, ${threads} threads, greedy, VAD; window ${Object.keys(window ?? {}).length ? JSON.stringify(window) : "defaults of main/asr/live"} |`,
    `| decodes | ${decodes} |`,
    `| commit delay, median / p95 (s) | ${f2(data.delays.median)} / ${f2(data.delays.p95)} (${delays.length} aligned words) |`,
    `| skipped (engine behind), s | ${f2(skipped)} |`,
    `| slowest appendRecording, ms | ${maxAppendMs} |`,
    `| 4-grams committed more than twice (loops) | ${loops.length ? loops.map((l) => `${l.count}x "${l.gram}"`).join('; ') : 'none'} |`,
    `| live WER vs references | ${f2(werRef.wer)} (S/D/I ${werRef.substitutions}/${werRef.deletions}/${werRef.insertions}, ${committed.length} words) |`,
    `| full pass WER vs references | ${werFullRef ? `${f2(werFullRef.wer)} (${f2(fullSec)} s after the stop)` : '-'} |`,
    `| live WER vs full pass | ${werVsFull ? f2(werVsFull.wer) : '-'} |`,
  ];
  return { name: 'Live text while recording', table: rows.join('\n'), data };
}
