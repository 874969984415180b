// The machine a bench ran on, for its results: speed ratios measured on one CPU may reverse on
// another (Intel or AMD, AVX-512 or not), so each result names the CPU model, its vector flags,
// what ggml itself found and used (whisper-cli's "system_info" line), and the load average.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { engineCandidates } from '../main/asr/engine.ts';
import { wavHeader } from '../main/audio/wav.ts';

/** The SIMD flags llama.cpp and whisper.cpp choose their kernels by; every avx512* flag is kept too. */
const VECTOR_FLAGS = ['sse4_2', 'avx', 'avx2', 'fma', 'f16c', 'avx_vnni', 'amx_tile', 'amx_int8', 'amx_bf16'];

/** The vector flags of /proc/cpuinfo's first "flags" line, in a fixed order; [] off Linux. */
export function vectorFlags(cpuinfo: string): string[] {
  const line = cpuinfo.split('\n').find((l) => l.startsWith('flags'));
  const present = (line?.split(':')[1] ?? '').trim().split(/\s+/).filter(Boolean);
  const avx512 = present.filter((f) => f.startsWith('avx512')).sort();
  return [...VECTOR_FLAGS.filter((f) => present.includes(f)), ...avx512];
}

/**
 * "family 25 model 17" from /proc/cpuinfo's first processor; '' where it is not given. Virtual
 * machines may name every generation alike ("AMD EPYC" for Zen 3 and Zen 4), and the generation
 * decides which of the engine's kernels run.
 */
export function cpuGeneration(cpuinfo: string): string {
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(\\d+)`, 'm').exec(cpuinfo)?.[1];
  const family = field('cpu family');
  const model = field('model');
  return family && model ? `family ${family} model ${model}` : '';
}

/** "2 CPUs (AMD EPYC, family 25 model 17; avx avx2 fma avx512f …)". */
export function machineLine(): string {
  let flags: string[] = [];
  let generation = '';
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    flags = vectorFlags(cpuinfo);
    generation = cpuGeneration(cpuinfo);
  } catch {
    // Not Linux: the model name alone.
  }
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} CPUs (${model}${generation ? `, ${generation}` : ''}${flags.length ? `; ${flags.join(' ')}` : ''})`;
}

/**
 * The features ggml was built with and found on this CPU, from whisper-cli's "system_info: …"
 * line ("CPU : SSE3 = 1 | AVX2 = 1 | … | OPENMP = 1"), those at 1 only: "SSE3 AVX2 … OPENMP",
 * and the instructions of the decoder's int8 products (scripts/engine-int8.cpp) where the engine
 * names them, with whether its logits are int8 too: "…; int8 decoder: AVX512_VNNI, logits too"
 * (or ", f16 logits" where MAHDAR_INT8_LOGITS=off kept them), and what its encoder runs:
 * "; encoder: int8, its own attention" (scripts/engine-attention.cpp), or f16 / ggml's attention
 * where MAHDAR_INT8_ENCODER=off or MAHDAR_ATTENTION=off kept them.
 */
export function ggmlFeatures(systemInfo: string): string {
  const line = systemInfo.split('\n').find((l) => l.startsWith('system_info:')) ?? '';
  const features = [...line.matchAll(/([A-Z0-9_]+) = 1\b/g)].map((m) => m[1]).join(' ');
  const int8 = /int8 products in the decoder = (\w+)/.exec(systemInfo)?.[1];
  const logits = /int8 logits, the best rows exact = ([01])/.exec(systemInfo)?.[1];
  const logitsNote = logits === undefined ? '' : logits === '1' ? ', logits too' : ', f16 logits';
  const encoder = /int8 products in the encoder = ([01])/.exec(systemInfo)?.[1];
  const attention = /encoder attention in one pass a head = ([01])/.exec(systemInfo)?.[1];
  const encoderNote = encoder === undefined ? ''
    : `; encoder: ${encoder === '1' ? 'int8' : 'f16'}${attention === undefined ? '' : attention === '1' ? ', its own attention' : ', ggml\'s attention'}`;
  return features && int8 ? `${features}; int8 decoder: ${int8}${logitsNote}${encoderNote}` : features;
}

let ggmlCache: string | null = null;

/**
 * What ggml reports, from the engine the app would run: whisper-cli on half a second of silence
 * with Whisper base (a second or so), cached for the process. Null without engine or model.
 */
export function ggmlLine(): string | null {
  if (ggmlCache !== null) return ggmlCache;
  const bin = engineCandidates().find((p) => existsSync(p));
  const model = resolve(import.meta.dirname, '..', '..', 'shared', 'models', 'ggml-base.bin');
  if (!bin || !existsSync(model)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'mahdar-machine-'));
  try {
    const wav = join(dir, 'silence.wav');
    writeFileSync(wav, Buffer.concat([wavHeader(16000), Buffer.alloc(16000)]));
    const r = spawnSync(bin, ['-m', model, '-f', wav, '-t', '1', '-l', 'en'], { encoding: 'utf8', timeout: 60_000 });
    ggmlCache = ggmlFeatures(`${r.stderr ?? ''}\n${r.stdout ?? ''}`) || null;
    return ggmlCache;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines bench/index.ts appends to every result: CPU, flags, ggml's features, load average. */
export function machineSection(): string {
  const ggml = ggmlLine();
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  return [
    `Machine: ${machineLine()}.`,
    `ggml (whisper-cli system_info): ${ggml ?? 'not measured (no engine or model)'}.`,
    `Load average (1 / 5 / 15 min) when the bench ended: ${load}.`,
  ].join('\n');
}
