// `npm run bench -- transcription`: the app's end-to-end transcription time (job + runner +
// saving every segment into meeting.json) over the bare whisper-cli's time on the same audio,
// model, threads and flags, run alternately in the same process (A B B A ...) so that a busy
// neighbour slows both alike. Goal: ratio <= 1.05. Also the real-time factor and the WER.
//
// Environment: MAHDAR_BENCH_SECONDS (audio length, default 180), MAHDAR_BENCH_ROUNDS (pairs,
// default 2), MAHDAR_BENCH_THREADS (default 2), MAHDAR_BENCH_MODEL (default ../shared/models/ggml-base.bin).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { wordErrorRate } from '../shared/text/wer.ts';
import { decodeArgs, DEFAULT_DECODE, type DecodeOptions } from '../main/asr/decode-options.ts';
import { engineEnv, whisperCliPath } from '../main/asr/engine.ts';
import { TranscriptionJobs } from '../main/asr/job.ts';
import { findVadModel } from '../main/asr/vad-model.ts';
import { importAudioFile } from '../main/audio/import.ts';
import { createContext } from '../main/context/context.ts';
import type { BenchReport } from './index.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const msa = join(shared, 'fixtures', 'msa-read');

export function buildAudio(targetSec: number, out: string): { files: string[]; reference: string } {
  const rows = readFileSync(join(msa, 'refs.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const files: string[] = [];
  const refs: string[] = [];
  let total = 0;
  for (const [file, text, dur] of rows) {
    if (total >= targetSec) break;
    files.push(join(msa, file!));
    refs.push(text!);
    total += Number(dur) + 0.5;
  }
  execFileSync('sox', [...files, '-r', '16000', '-c', '1', '-b', '16', out, 'pad', '0', '0.5']);
  return { files, reference: refs.join(' ') };
}

function bare(bin: string, args: string[], threads: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    // The same environment the runner gives the engine (OMP_THREAD_LIMIT, see engine.ts).
    const c = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: engineEnv(threads) });
    c.stdout.resume();
    c.stderr.resume();
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolvePromise((performance.now() - t0) / 1000) : reject(new Error(`whisper-cli exit ${code}`))));
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function run(): Promise<BenchReport> {
  const seconds = Number(process.env.MAHDAR_BENCH_SECONDS ?? 180);
  const rounds = Number(process.env.MAHDAR_BENCH_ROUNDS ?? 2);
  const threads = Number(process.env.MAHDAR_BENCH_THREADS ?? 2);
  const model = resolve(process.env.MAHDAR_BENCH_MODEL ?? join(shared, 'models', 'ggml-base.bin'));
  if (!existsSync(model)) throw new Error(`bench model not found: ${model}`);
  const work = mkdtempSync(join(tmpdir(), 'mahdar-bench-'));
  try {
    const wav = join(work, 'long.wav');
    const { files, reference } = buildAudio(seconds, wav);
    const ctx = await createContext(join(work, 'data'), [resolve(model, '..')]);
    const jobs = new TranscriptionJobs(ctx);
    const meeting = await ctx.archive.create({ title: 'bench' });
    const tImport = performance.now();
    const imported = await importAudioFile(ctx, meeting.id, wav, 'long.wav');
    const importSec = (performance.now() - tImport) / 1000;
    const duration = imported.audio!.durationSec;
    const audioPath = join(ctx.archive.meetingDir(meeting.id), imported.audio!.file);

    const modelId = basename(model).replace(/^ggml-/, '').replace(/\.bin$/, '');
    const vadModel = await findVadModel(ctx);
    const decode: DecodeOptions = { ...DEFAULT_DECODE, language: 'ar', threads, vadModel, prompt: null };
    // Exactly the argument vector the runner builds for an offset-0 run.
    const bareArgs = ['-m', model, ...decodeArgs(decode), '-pp', '-f', audioPath];
    const bin = whisperCliPath();

    const app = async (): Promise<{ sec: number; text: string; segments: number }> => {
      await ctx.archive.update(meeting.id, (m) => ({ ...m, segments: [] }));
      await rm(join(ctx.archive.meetingDir(meeting.id), 'transcription.json'), { force: true });
      const t0 = performance.now();
      await jobs.start({ meetingId: meeting.id, modelId, threads, language: 'ar' });
      const job = await jobs.wait(meeting.id);
      const sec = (performance.now() - t0) / 1000;
      if (job?.status !== 'done') throw new Error(`app job ended ${job?.status}: ${JSON.stringify(job?.error)}`);
      const segs = (await ctx.archive.read(meeting.id)).segments;
      return { sec, text: segs.map((s) => s.text).join(' '), segments: segs.length };
    };

    // Untimed warm-up on the first clip: loads the model and engine into the page cache, so the
    // first timed run (bare, in round 1) is not penalised by a cold disk.
    await bare(bin, bareArgs.map((a) => (a === audioPath ? files[0]! : a)), threads);

    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    let last = { text: '', segments: 0 };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['bare', 'app'] : ['app', 'bare'];
      for (const which of order) {
        if (which === 'bare') bareTimes.push(await bare(bin, bareArgs, threads));
        else {
          const a = await app();
          appTimes.push(a.sec);
          last = a;
        }
        console.error(`transcription bench: ${which} ${(which === 'bare' ? bareTimes : appTimes).at(-1)!.toFixed(1)} s`);
      }
    }
    const ratio = mean(appTimes) / mean(bareTimes);
    const wer = wordErrorRate(reference, last.text).wer;
    const fmt = (x: number) => x.toFixed(2);
    const flags = decodeArgs({ ...decode, vadModel: vadModel ? 'VAD' : null }).join(' ');
    const table = [
      `Audio: ${files.length} msa-read clips joined, ${duration.toFixed(1)} s; model ${modelId}; ${threads} threads; flags \`${flags}\`; env OMP_THREAD_LIMIT=${engineEnv(threads).OMP_THREAD_LIMIT} for both; ${rounds} rounds alternated.`,
      '',
      '| run | mean time (s) | times (s) | real-time factor |',
      '| --- | ---: | --- | ---: |',
      `| bare whisper-cli | ${fmt(mean(bareTimes))} | ${bareTimes.map(fmt).join(', ')} | ${(mean(bareTimes) / duration).toFixed(3)} |`,
      `| app (job + runner + saving segments) | ${fmt(mean(appTimes))} | ${appTimes.map(fmt).join(', ')} | ${(mean(appTimes) / duration).toFixed(3)} |`,
      '',
      `| measure | value | goal |`,
      '| --- | ---: | --- |',
      `| app / bare | ${ratio.toFixed(3)} | <= 1.05 |`,
      `| WER of the app's transcript (normalised) | ${wer.toFixed(3)} | — |`,
      `| segments saved | ${last.segments} | — |`,
      `| import (ffmpeg decode + sha256), not in the times above | ${importSec.toFixed(2)} s | — |`,
    ].join('\n');
    return {
      name: 'Transcription: app vs bare whisper-cli',
      table,
      data: { durationSec: duration, clips: files.length, model: modelId, threads, flags, rounds, bareTimes, appTimes, ratio, rtfApp: mean(appTimes) / duration, rtfBare: mean(bareTimes) / duration, wer, importSec },
    };
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
