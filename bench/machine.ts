// The machine a bench ran on, for its results: speed ratios measured on one CPU may reverse on
// another (Intel or AMD, AVX-512 or not), so each result names the CPU model and its vector flags.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** The SIMD flags llama.cpp and whisper.cpp choose their kernels by. */
const VECTOR_FLAGS = ['sse4_2', 'avx', 'avx2', 'fma', 'f16c', 'avx512f', 'avx512bw', 'avx512vl', 'avx512_vnni', 'avx512_bf16', 'amx_tile', 'avx_vnni'];

/** "2 CPUs (Intel(R) Xeon(R) Processor; avx avx2 fma avx512f …)". */
export function machineLine(): string {
  let flags: string[] = [];
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('flags'));
    const present = new Set((line?.split(':')[1] ?? '').trim().split(/\s+/));
    flags = VECTOR_FLAGS.filter((f) => present.has(f));
  } catch {
    // Not Linux: the model name alone.
  }
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} CPUs (${model}${flags.length ? `; ${flags.join(' ')}` : ''})`;
}
