// `npm run bench -- load`: the app and faster-whisper on a computer that is not theirs alone.
// Each engine transcribes the same short file (msa-read clips joined, LOAD_SECONDS, default 60 s)
// (a) quiet, (b) with one core held busy by a spinning process, (c) with a rival engine running
// (whisper-cli with the app's decoding, 2 threads and OpenMP's defaults, restarted as it ends;
// LOAD_RIVAL=peer: a faster-whisper instead). Reports each run's wall time and the slowdown
// against quiet per engine, with the load average before and after each run: on a shared machine
// "quiet" is not quiet, so every row runs LOAD_ROUNDS times (default 2), conditions and engines in
// the reverse order on every other round. LOAD_CONDITIONS (e.g. "quiet,busy core") runs a subset;
// a run past LOAD_LIMIT_S (default 600) is stopped and shown as "> limit".
//
// Engines (LOAD_ENGINES, comma-separated, default all; the app as `mahdar transcribe`, timed as a
// whole process like the peer):
//   app          the app now: threads left automatic (no --threads): every core, fewer where the
//                processor's counters show cores taken just before the run (main/asr/free-cores.ts),
//                engineEnv (GOMP_SPINCOUNT=1000);
//   app t2       --threads 2 with engineEnv: the app before it counted free cores;
//   app before   --threads 2, GOMP_SPINCOUNT=300000 (OpenMP's own default: the app until issue 26);
//   app t1       --threads 1;
//   app passive  --threads 2, OMP_WAIT_POLICY=passive (threads sleep at once between steps);
//   app spin10k  --threads 2, GOMP_SPINCOUNT=10000;
//   app noomp    --threads 2, whisper-cli built with -DGGML_OPENMP=OFF (ggml's own thread pool),
//                from LOAD_NOOMP_CLI (default build/whisper-noomp/bin/whisper-cli; left out if absent;
//                built apart from the app's engine: `cmake -S node_modules/nodejs-whisper/cpp/whisper.cpp
//                -B build/whisper-noomp -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DGGML_OPENMP=OFF
//                && cmake --build build/whisper-noomp --target whisper-cli`);
//   app fixed    threads left automatic, but the count chosen at the start kept for the whole run:
//                the app's engine copied with the threads file's variable renamed, so that the app
//                does not watch it (main/asr/thread-watch.ts), as before that watch;
//   peer         faster-whisper 1.2.1 int8, beam 5, 2 threads (bench/peers.ts).
//
// Two more conditions, run only when LOAD_CONDITIONS names them: "core taken mid-run" (the busy
// core starts LOAD_SWITCH_S seconds into each run, default 8) and "core freed mid-run" (it runs
// from the start and stops then): where the thread count chosen at the start turns wrong.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { wordErrorRate } from '../shared/text/wer.ts';
import { decodeArgs, DEFAULT_DECODE } from '../main/asr/decode-options.ts';
import { whisperCliPath } from '../main/asr/engine.ts';
import { THREADS_FILE_ENV } from '../main/asr/thread-watch.ts';
import type { BenchReport } from './index.ts';
import { OverLimit, preparePeer, runApp } from './peers.ts';
import { buildAudio } from './transcription.ts';

const root = resolve(import.meta.dirname, '..');
const models = resolve(root, '..', 'shared', 'models');
const MODEL = join(models, 'ggml-base.bin');
const VAD = join(models, 'ggml-silero-v5.1.2.bin');
const THREADS = 2;

type Condition = 'quiet' | 'busy core' | 'rival engine' | 'core taken mid-run' | 'core freed mid-run';
const CONDITIONS: Condition[] = ['quiet', 'busy core', 'rival engine'];
const MID_RUN: Condition[] = ['core taken mid-run', 'core freed mid-run'];
type Engine = (wav: string, out: string, limitSec: number) => Promise<{ seconds: number; text: string }>;

/** A load that runs until stopped. */
interface Load { stop(): Promise<void> }

function ended(c: ChildProcess): Promise<void> {
  return c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('close', () => r()));
}

/** One core held busy: a Node process spinning in an empty loop. */
async function busyCore(): Promise<Load> {
  const c = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  await new Promise((r) => c.once('spawn', r));
  return { stop: async () => { c.kill('SIGKILL'); await ended(c); } };
}

/** One core held busy from `afterSec` into a run (taken) or until then (freed). */
async function busyCoreSwitching(condition: Condition, afterSec: number): Promise<Load> {
  let hog: Load | null = condition === 'core freed mid-run' ? await busyCore() : null;
  const timer = setTimeout(() => {
    if (hog) void hog.stop().then(() => (hog = null));
    else void busyCore().then((l) => (hog = l));
  }, afterSec * 1000);
  return { stop: async () => { clearTimeout(timer); await hog?.stop(); } };
}

/** The app's engine, copied with the threads file's variable renamed (same length): it never reads the file, and the app does not watch it. */
function engineWithoutWatch(work: string): string {
  const copy = join(work, 'whisper-cli-fixed-threads');
  const bytes = readFileSync(whisperCliPath());
  const from = Buffer.from(THREADS_FILE_ENV);
  const to = Buffer.from(THREADS_FILE_ENV.replace(/FILE$/, 'NONE'));
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  writeFileSync(copy, bytes, { mode: 0o755 });
  return copy;
}

/** A rival engine transcribing `wav` over and over: started again each time it ends. */
async function rivalEngine(wav: string, kind: string): Promise<Load> {
  const [cmd, args, env] = kind === 'peer'
    ? [resolve(root, '.venv-peers', 'bin', 'python'), [join(tmpdir(), 'mahdar-peers', 'peer.py'), join(root, '.venv-peers', 'whisper-base-ct2'), wav, String(THREADS), 'int8'], process.env]
    : [whisperCliPath(), ['-m', MODEL, '-f', wav, '-np', ...decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: THREADS, vadModel: VAD, prompt: null })], { ...process.env, OMP_THREAD_LIMIT: String(THREADS) }];
  let stopped = false;
  let current: ChildProcess;
  const start = () => {
    current = spawn(cmd, args as string[], { stdio: 'ignore', env });
    current.once('close', () => { if (!stopped) start(); });
    return new Promise((r) => current.once('spawn', r));
  };
  await start();
  return { stop: async () => { stopped = true; current.kill('SIGKILL'); await ended(current); } };
}

function engines(): Record<string, Engine> {
  const app = (threads: number | undefined, env: NodeJS.ProcessEnv = {}): Engine =>
    (wav, out, limitSec) => runApp(wav, MODEL, { threads, out, env: { ...process.env, ...env }, limitSec });
  const noomp = process.env.LOAD_NOOMP_CLI ?? join(root, 'build', 'whisper-noomp', 'bin', 'whisper-cli');
  const peer = preparePeer('1.2.1', 'int8');
  const all: Record<string, Engine> = {
    app: app(undefined),
    'app before': app(THREADS, { GOMP_SPINCOUNT: '300000' }),
    'app t2': app(THREADS),
    'app t1': app(1),
    'app passive': app(THREADS, { OMP_WAIT_POLICY: 'passive' }),
    'app spin10k': app(THREADS, { GOMP_SPINCOUNT: '10000' }),
    ...(existsSync(noomp) ? { 'app noomp': app(THREADS, { MAHDAR_WHISPER_CLI: noomp }) } : {}),
    'app fixed': app(undefined, { MAHDAR_WHISPER_CLI: engineWithoutWatch(join(tmpdir(), 'mahdar-load')) }),
    peer: (wav, _out, limitSec) => peer(wav, THREADS, undefined, limitSec),
  };
  const wanted = process.env.LOAD_ENGINES?.split(',').map((s) => s.trim()).filter(Boolean);
  return wanted ? Object.fromEntries(Object.entries(all).filter(([name]) => wanted.includes(name))) : all;
}

/** One run; `over`: stopped at the limit (seconds = the limit, WER unknown). */
interface Row { round: number; condition: Condition; engine: string; seconds: number; over: boolean; wer: number | null; loadBefore: number; loadAfter: number }

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const secondsOf = (r: Row) => `${r.over ? '> ' : ''}${r.seconds.toFixed(1)}`;

/** Per engine: the runs' seconds under each condition, and the slowdown of each load against quiet. */
function summary(rows: Row[], names: string[], conditions: Condition[]): string[] {
  const runs = (e: string, c: Condition) => rows.filter((r) => r.engine === e && r.condition === c);
  const loads = conditions.filter((c) => c !== 'quiet');
  // A run stopped at the limit counts as the limit: the ratio is then a lower bound ("> ").
  const ratio = (xs: Row[], quiet: Row[]) => (xs.length && quiet.length
    ? `${xs.some((r) => r.over) ? '> ' : ''}**${(mean(xs.map((r) => r.seconds)) / mean(quiet.map((r) => r.seconds))).toFixed(2)}x**`
    : '-');
  const list = (xs: Row[]) => xs.map(secondsOf).join(', ');
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const header = ['engine', ...conditions.map((c) => `${c} s`), ...loads.map((c) => `${c} / quiet`)];
  return [
    line(header),
    line(header.map(() => '---')),
    ...names.map((e) => line([e, ...conditions.map((c) => list(runs(e, c))), ...loads.map((c) => ratio(runs(e, c), runs(e, 'quiet')))])),
  ];
}

export async function run(): Promise<BenchReport> {
  const rounds = Number(process.env.LOAD_ROUNDS ?? 2);
  // A run past this is stopped and shown as "> limit" (today's app took 422 s for 15 s beside 14 busy threads).
  const limitSec = Number(process.env.LOAD_LIMIT_S ?? 600);
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const rival = process.env.LOAD_RIVAL === 'peer' ? 'peer' : 'whisper';
  const work = join(tmpdir(), 'mahdar-load');
  mkdirSync(work, { recursive: true });
  const wav = join(work, `msa-read-${seconds}.wav`);
  const { files, reference } = buildAudio(seconds, wav);
  const list = engines();
  const names = Object.keys(list);
  const out = join(work, 'app.json');

  // LOAD_CONDITIONS=quiet,busy core: a subset, for a short look.
  const chosen = process.env.LOAD_CONDITIONS?.split(',').map((s) => s.trim()) ?? CONDITIONS;
  const asked = [...CONDITIONS, ...MID_RUN].filter((c) => chosen.includes(c));
  const switchSec = Number(process.env.LOAD_SWITCH_S ?? 8);
  const rows: Row[] = [];
  for (let round = 1; round <= rounds; round++) {
    const conditions = round % 2 ? asked : [...asked].reverse();
    for (const condition of conditions) {
      const load = condition === 'busy core' ? await busyCore() : condition === 'rival engine' ? await rivalEngine(wav, rival) : null;
      try {
        for (const engine of round % 2 ? names : [...names].reverse()) {
          const loadBefore = loadavg()[0]!;
          // A load that changes during the run starts with each run.
          const switching = MID_RUN.includes(condition) ? await busyCoreSwitching(condition, switchSec) : null;
          const r = await list[engine]!(wav, out, limitSec)
            .catch((err: unknown) => {
              if (err instanceof OverLimit) return null;
              throw err;
            })
            .finally(() => switching?.stop());
          const row = { round, condition, engine, seconds: r?.seconds ?? limitSec, over: !r, wer: r ? wordErrorRate(reference, r.text).wer : null, loadBefore, loadAfter: loadavg()[0]! };
          rows.push(row);
          console.log(`load: round ${round}, ${condition}, ${engine}: ${secondsOf(row)} s, WER ${row.wer?.toFixed(3) ?? '-'}, load ${loadBefore.toFixed(2)} -> ${row.loadAfter.toFixed(2)}`);
        }
      } finally {
        await load?.stop();
      }
    }
  }

  const table = [
    `Audio: ${files.length} msa-read clips joined (${seconds} s asked); Whisper base; app = \`mahdar transcribe\` (decodeArgs(DEFAULT_DECODE), Silero VAD); peer = faster-whisper 1.2.1 int8, beam 5, ${THREADS} threads.`,
    `Loads: busy core = a process spinning on one core (mid-run: from or until ${switchSec} s into each run); rival engine = ${rival === 'peer' ? 'faster-whisper (the peer)' : `whisper-cli with the app's decoding, ${THREADS} threads, OpenMP defaults`}, restarted as it ends. ${rounds} rounds, conditions and engines reversed every other round. The machine is shared: "quiet" means no load of the bench's own (load average per run below).`,
    '',
    ...summary(rows, names, asked),
    '',
    '| round | condition | engine | wall s | WER | load avg before -> after |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.round} | ${r.condition} | ${r.engine} | ${secondsOf(r)} | ${r.wer?.toFixed(3) ?? '-'} | ${r.loadBefore.toFixed(2)} -> ${r.loadAfter.toFixed(2)} |`),
  ].join('\n');
  return { name: 'Under load: the app and faster-whisper, quiet, with a busy core, with a rival engine', table, data: { seconds, rounds, rival, limitSec, rows } };
}
