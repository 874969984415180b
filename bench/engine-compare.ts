// Engine and decoding-settings comparison for docs/engine.md (not part of `npm run bench`).
//
//   npx tsx bench/engine-compare.ts [--work /tmp/mahdar-engine] [--only name,name] [--rounds N]
//                                   [--legacy /path/to/whisper.cpp-1.5/main] [--clips N] [--first N]
//
// Builds (with sox) one long file from the msa-read clips with 1 s of silence between them,
// a 60 s digital-silence file and a 60 s low-noise file with a clip on each side, runs each
// configuration of the matrix on them with the same model and threads, and prints wall time,
// real-time factor, WER (after the Arabic normaliser) and whether text was emitted in the silence.
// Configurations are run round-robin, alternating the order (A B C, then C B A) so a busy
// neighbour core slows them all alike and none always runs first; each row records the load
// average before and after it, and the machine. Results are appended to <work>/results.jsonl.
// The configuration "faster-whisper int8 bs5" runs the peer of `npm run bench -- peers` (its
// script and venv) on the same long file. The "bod" rows run whisper.cpp with
// bench/engine-patches/beam-on-doubt.patch, which the app does not use: on first use the bench
// copies the vendored sources to .cache/whisper-beam-on-doubt, applies the patch there (git apply)
// and builds that whisper-cli with cmake (bench/engine-patches/build.ts); the other rows run the
// app's engine, build/whisper.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { wordErrorRate } from '../shared/text/wer.ts';
import { normalizeArabic } from '../shared/text/arabic-normalize.ts';
import { engineEnv } from '../main/asr/engine.ts';
import { machineLine } from './machine.ts';
import { ensurePeer, PEER_SCRIPT } from './peers.ts';
import { beamOnDoubtCli, llamafileCli } from './engine-patches/build.ts';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');
const { values } = parseArgs({
  options: {
    work: { type: 'string', default: '/tmp/mahdar-engine' },
    only: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    legacy: { type: 'string' },
    threads: { type: 'string', default: '2' },
    clips: { type: 'string', default: '0' },
    // The long file from the first N clips only (0 = all): a subset of the tune set for short runs.
    first: { type: 'string', default: '0' },
    files: { type: 'string', default: 'long,silence,noise' },
    // read = ../shared/fixtures/msa-read (69 WAV clips, 8.9 min), tune = msa-read-tune (275 FLAC clips, 33.6 min)
    set: { type: 'string', default: 'read' },
  },
});
const work = values.work!;
const threads = values.threads!;
mkdirSync(work, { recursive: true });
const model = join(shared, 'models', 'ggml-base.bin');
const vad = join(shared, 'models', 'ggml-silero-v5.1.2.bin');
const set = values.set === 'tune' ? 'tune' : 'read';
const fixtures = join(shared, 'fixtures', set === 'tune' ? 'msa-read-tune' : 'msa-read');
// Quantised copies of the same base weights, made with whisper.cpp's own tool
// (cmake --build build/whisper --target whisper-quantize; whisper-quantize ggml-base.bin out.bin q8_0).
const quantised = (type: string) => join(work, `ggml-base-${type}.bin`);
function ensureQuantised(type: string): string {
  const out = quantised(type);
  if (existsSync(out)) return out;
  // The app's build makes no whisper-quantize (npm ci builds whisper-cli and whisper-server only);
  // the llamafile build beside it does, from the same sources.
  const tools = [join(root, 'build', 'whisper', 'bin', 'whisper-quantize'), join(dirname(llamafileCli()), 'whisper-quantize')];
  sh(tools.find((t) => existsSync(t))!, [model, out, type]);
  return out;
}
const cli191 = join(root, 'build', 'whisper', 'bin', 'whisper-cli');

/** A realistic, generic meeting prompt (the fixtures have no participants of their own). */
export const GENERIC_PROMPT =
  'محضر اجتماع اللجنة الجهوية. الحضور: السيد محمد العلوي، رئيس الجلسة؛ السيدة فاطمة الزهراء بناني، كاتبة اللجنة؛ السيد عبد الله التازي، ممثل وزارة الداخلية. جدول الأعمال: تقديم مشروع البرنامج الجهوي؛ المناقشة؛ التوصيات.';

const vadWide = ['--vad', '-vm', vad, '-vsd', '2000', '-vp', '400'];
const vadMid = ['--vad', '-vm', vad, '-vsd', '500', '-vp', '200'];
/** peer: faster-whisper, run with the peers bench's script (flags are then unused); engine: a whisper-cli built on first use. */
interface Config { name: string; bin: string; flags: string[]; model?: () => string; peer?: boolean; engine?: () => string }
const base = ['-l', 'ar', '-t', threads];
const matrix: Config[] = [
  { name: '1.9.1 beam5', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5'] },
  { name: '1.9.1 greedy', bin: cli191, flags: [...base, '-bs', '1', '-bo', '5'] },
  { name: '1.9.1 beam5 vad', bin: cli191, flags: [...base, '-bs', '5', '--vad', '-vm', vad] },
  { name: '1.9.1 beam5 mc64', bin: cli191, flags: [...base, '-bs', '5', '-mc', '64'] },
  { name: '1.9.1 beam5 mc0', bin: cli191, flags: [...base, '-bs', '5', '-mc', '0'] },
  { name: '1.9.1 beam5 sns', bin: cli191, flags: [...base, '-bs', '5', '-sns'] },
  { name: '1.9.1 beam5 prompt', bin: cli191, flags: [...base, '-bs', '5', '--prompt', GENERIC_PROMPT] },
  { name: '1.9.1 beam5 mc64 sns vad', bin: cli191, flags: [...base, '-bs', '5', '-mc', '64', '-sns', '--vad', '-vm', vad] },
  { name: '1.9.1 beam5 mc64 sns', bin: cli191, flags: [...base, '-bs', '5', '-mc', '64', '-sns'] },
  { name: '1.9.1 beam5 mc64 sns vad prompt', bin: cli191, flags: [...base, '-bs', '5', '-mc', '64', '-sns', '--vad', '-vm', vad, '--prompt', GENERIC_PROMPT] },
  { name: '1.9.1 greedy mc64 sns vad', bin: cli191, flags: [...base, '-bs', '1', '-mc', '64', '-sns', '--vad', '-vm', vad] },
  // Issue 14: VAD that only removes long pauses. whisper.cpp 1.9.1 cuts the audio at every
  // silence of 100 ms (-vsd) with 30 ms of padding (-vp) and joins the speech with 0.1 s of
  // zeros: word edges are clipped and sentences glued. 2 s / 0.4 s are faster-whisper's defaults.
  { name: 'bs5 vadwide', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', ...vadWide] },
  { name: 'bs5 vadwide sns', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', '-sns', ...vadWide] },
  { name: 'bs5 vadwide mc64', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', '-mc', '64', ...vadWide] },
  { name: 'bs5 vadwide mc64 sns', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', '-mc', '64', '-sns', ...vadWide] },
  { name: 'bs5 vadwide q8_0', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', ...vadWide], model: () => ensureQuantised('q8_0') },
  { name: 'bs5 vadwide q5_1', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', ...vadWide], model: () => ensureQuantised('q5_1') },
  { name: 'bs5 vadmid', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', ...vadMid] },
  { name: 'bs4 vadwide', bin: cli191, flags: [...base, '-bs', '4', '-bo', '5', ...vadWide] },
  // No previous text as prompt: a repetition loop cannot be carried to the next window.
  { name: 'bs4 vadwide mc0', bin: cli191, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', ...vadWide] },
  { name: 'bs5 vadwide mc0', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', '-mc', '0', ...vadWide] },
  // The chosen settings on quantised weights, and without flash attention (on by default in 1.9.1).
  { name: 'bs4 vadwide mc0 q5_1', bin: cli191, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', ...vadWide], model: () => ensureQuantised('q5_1') },
  { name: 'bs4 vadwide mc0 q8_0', bin: cli191, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', ...vadWide], model: () => ensureQuantised('q8_0') },
  { name: 'bs4 vadwide mc0 nfa', bin: cli191, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', '-nfa', ...vadWide] },
  { name: 'bs3 vadwide', bin: cli191, flags: [...base, '-bs', '3', '-bo', '3', ...vadWide] },
  { name: 'greedy vadwide', bin: cli191, flags: [...base, '-bs', '1', '-bo', '5', ...vadWide] },
  { name: 'bs5 vadwide q8_0 nfa', bin: cli191, flags: [...base, '-bs', '5', '-bo', '5', '-nfa', ...vadWide], model: () => ensureQuantised('q8_0') },
  // Issue 26: greedy first, beam 4 only for the windows whose greedy result is doubtful
  // (bench/engine-patches/beam-on-doubt.patch): entropy check failed, or an average token
  // log-probability under -bodt (-1 = the fallback's own threshold; higher = more windows again).
  { name: 'greedy vadwide mc0', bin: cli191, flags: [...base, '-bs', '1', '-bo', '5', '-mc', '0', ...vadWide] },
  ...['-1', '-0.7', '-0.5', '-0.3'].map((t) => ({
    name: `bs4 vadwide mc0 bod${t}`, bin: '', engine: beamOnDoubtCli, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', '-bod', '-bodt', t, ...vadWide],
  })),
  // Issue 26: ggml's llamafile matrix kernels (tinyBLAS: blocked f16 and q8_0 products, the q8_0
  // ones with AVX-512 VNNI), off in whisper.cpp's build; the app's settings on f16 and q8_0 weights.
  { name: 'bs4 vadwide mc0 llamafile', bin: '', engine: llamafileCli, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', ...vadWide] },
  { name: 'bs4 vadwide mc0 q8_0 llamafile', bin: '', engine: llamafileCli, flags: [...base, '-bs', '4', '-bo', '5', '-mc', '0', ...vadWide], model: () => ensureQuantised('q8_0') },
  { name: 'greedy vadwide mc0 llamafile', bin: '', engine: llamafileCli, flags: [...base, '-bs', '1', '-bo', '5', '-mc', '0', ...vadWide] },
  { name: 'greedy vadwide mc0 q8_0 llamafile', bin: '', engine: llamafileCli, flags: [...base, '-bs', '1', '-bo', '5', '-mc', '0', ...vadWide], model: () => ensureQuantised('q8_0') },
  { name: 'faster-whisper int8 bs5', bin: '', flags: [], peer: true },
];
if (values.legacy) {
  matrix.push({ name: '1.5.0 beam5', bin: values.legacy, flags: [...base, '-bs', '5', '-bo', '5'] });
  matrix.push({ name: '1.5.0 greedy', bin: values.legacy, flags: [...base, '-bs', '1', '-bo', '5'] });
}

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const duration = (f: string) => Number(sh('soxi', ['-D', f]).trim());

// Audio and references.
const refs = readFileSync(join(fixtures, 'refs.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t')).map(([file, text]) => ({ file: file!, text: text! }));
const sil1 = join(work, 'sil1.wav');
const fmt = ['-r', '16000', '-c', '1', '-b', '16'];
if (!existsSync(sil1)) sh('sox', ['-n', ...fmt, sil1, 'trim', '0', '1']);
const first = Number(values.first);
const longRefs = first > 0 ? refs.slice(0, first) : refs;
const long = join(work, `${set === 'tune' ? 'long-tune' : 'long'}${first > 0 ? `-${first}` : ''}.wav`);
if (!existsSync(long)) sh('sox', [...longRefs.flatMap((r) => [join(fixtures, r.file), sil1]), long]);
const sil60 = join(work, 'sil60.wav');
if (!existsSync(sil60)) sh('sox', ['-n', ...fmt, sil60, 'trim', '0', '60']);
const noise60 = join(work, 'noise60.wav');
if (!existsSync(noise60)) sh('sox', ['-n', ...fmt, noise60, 'synth', '60', 'pinknoise', 'vol', '0.003']);
const [c1, c2] = [refs[0]!, refs[1]!];
const silence = join(work, set === 'tune' ? 'silence-tune.wav' : 'silence.wav');
if (!existsSync(silence)) sh('sox', [join(fixtures, c1.file), sil60, join(fixtures, c2.file), silence]);
const noise = join(work, set === 'tune' ? 'noise-tune.wav' : 'noise.wav');
if (!existsSync(noise)) sh('sox', [join(fixtures, c1.file), noise60, join(fixtures, c2.file), noise]);

interface Input { name: string; wav: string; ref: string; silence?: [number, number] }
const firstLen = duration(join(fixtures, c1.file));
const inputs: Input[] = [];
const wanted = values.files!.split(',');
if (wanted.includes('long')) inputs.push({ name: set === 'tune' ? 'long-tune' : 'long', wav: long, ref: longRefs.map((r) => r.text).join(' ') });
if (wanted.includes('silence')) inputs.push({ name: 'silence', wav: silence, ref: `${c1.text} ${c2.text}`, silence: [firstLen + 1, firstLen + 59] });
if (wanted.includes('noise')) inputs.push({ name: 'noise', wav: noise, ref: `${c1.text} ${c2.text}`, silence: [firstLen + 1, firstLen + 59] });
for (const r of refs.slice(0, Number(values.clips))) inputs.push({ name: `clip ${r.file}`, wav: join(fixtures, r.file), ref: r.text });

interface Seg { start: number; end: number; text: string }
function parseSrt(path: string): Seg[] {
  const t = (s: string) => { const [h, m, rest] = s.split(':'); return Number(h) * 3600 + Number(m) * 60 + Number(rest!.replace(',', '.')); };
  return readFileSync(path, 'utf8').trim().split(/\r?\n\r?\n/).flatMap((block) => {
    const lines = block.split(/\r?\n/);
    const m = /(\S+) --> (\S+)/.exec(lines[1] ?? '');
    return m ? [{ start: t(m[1]!), end: t(m[2]!), text: lines.slice(2).join(' ').trim() }] : [];
  });
}

// In the order given by --only, so the most telling configurations run first.
const selected = values.only
  ? values.only.split(',').map((n) => matrix.find((c) => c.name === n) ?? (() => { throw new Error(`unknown configuration: ${n}`); })())
  : matrix;
/** The peer's command on one file: the venv's python, the peers bench's script, int8 weights. */
let peerCommand: ((wav: string) => [string, string[]]) | null = null;
function peerArgs(wav: string): [string, string[]] {
  if (!peerCommand) {
    const modelDir = ensurePeer('1.2.1');
    const script = join(work, 'peer.py');
    writeFileSync(script, PEER_SCRIPT);
    peerCommand = (w) => [join(root, '.venv-peers', 'bin', 'python'), [script, modelDir, w, threads, 'int8']];
  }
  return peerCommand(wav);
}

const rounds = Number(values.rounds);
const rows: string[] = [];
const machine = machineLine();
console.log(`machine: ${machine}`);
const load = () => loadavg()[0]!.toFixed(2);
for (const input of inputs) {
  const audioS = duration(input.wav);
  for (let round = 0; round < rounds; round++) {
    for (const c of round % 2 ? [...selected].reverse() : selected) {
      const of = join(work, `${input.name}-${c.name}`.replace(/[^\w.-]+/g, '_'));
      const [bin, args] = c.peer ? peerArgs(input.wav) : [c.engine ? c.engine() : c.bin, [...c.flags, '-m', c.model ? c.model() : model, '-f', input.wav, '-osrt', '-of', of]];
      const loadBefore = load();
      const t0 = performance.now();
      // /usr/bin/time reports the child's CPU time too: less sensitive than wall time to a busy neighbour.
      // whisper-cli runs in the app's environment (engineEnv: OMP_THREAD_LIMIT at the thread count, which
      // also caps the voice detector's fixed 4 threads, and the short barrier spin); the peer in the bench's.
      const env = c.peer ? process.env : engineEnv(Number(threads));
      const r = spawnSync('/usr/bin/time', ['-f', 'MAHDAR_TIME %e %U %S', bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env });
      const wall = (performance.now() - t0) / 1000;
      const loadAfter = load();
      const tm = /MAHDAR_TIME (\S+) (\S+) (\S+)/.exec(r.stderr ?? '');
      const cpu = tm ? Number(tm[2]) + Number(tm[3]) : NaN;
      if (r.status !== 0) { console.error(`${c.name} on ${input.name} failed: ${r.stderr.slice(-2000)}`); continue; }
      // The peer prints its text as one JSON string; whisper-cli writes an SRT file.
      const segs = c.peer ? [] : parseSrt(`${of}.srt`);
      const hyp = c.peer ? (JSON.parse(r.stdout.trim().split('\n').pop()!) as string) : segs.map((s) => s.text).join(' ');
      // Patched whisper-cli's count of windows decoded again with beam search (beam on doubt).
      const doubt = /beam on doubt = +(\d+) of +(\d+) windows/.exec(r.stderr ?? '');
      const redecoded = doubt && Number(doubt[1]) > 0 ? `${doubt[1]}/${doubt[2]}` : '';
      const w = wordErrorRate(input.ref, hyp);
      let inSilence = '';
      if (input.silence) {
        const [a, b] = input.silence;
        const ghost = segs.filter((s) => s.end > a && s.start < b && normalizeArabic(s.text).length > 0);
        inSilence = ghost.length ? ghost.map((s) => `[${s.start.toFixed(1)}-${s.end.toFixed(1)}] ${s.text}`).join(' | ') : 'none';
      }
      const rec = { input: input.name, config: c.name, round, audioS, wall, cpu, rtf: wall / audioS, ...w, segments: segs.length, inSilence, redecoded, loadBefore, loadAfter, machine, flags: c.flags.join(' ') };
      appendFileSync(join(work, 'results.jsonl'), JSON.stringify(rec) + '\n');
      const row = `| ${input.name} | ${c.name} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${(wall / audioS).toFixed(3)} | ${w.wer.toFixed(3)} | ${w.substitutions}/${w.deletions}/${w.insertions} of ${w.refWords} (hyp ${w.hypWords}) | ${redecoded} | ${loadBefore} → ${loadAfter} | ${inSilence.slice(0, 120)} |`;
      rows.push(row);
      console.log(row);
    }
  }
}
console.log(`\nmachine: ${machine}\n\n| input | config | wall s | CPU s | RTF | WER | S/D/I | windows again with beam | load avg before → after | text in silence |\n|---|---|---|---|---|---|---|---|---|---|`);
for (const r of rows) console.log(r);
