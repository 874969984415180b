// What every bench result says of its machine (bench/machine.ts): the vector flags that decide
// the engine's speed, and the features ggml itself reports.
import { describe, expect, it } from 'vitest';
import { cpuGeneration, ggmlFeatures, vectorFlags } from '../../bench/machine.ts';

describe('bench machine line', () => {
  it('keeps the vector flags that matter, every avx512 one included, from /proc/cpuinfo', () => {
    const cpuinfo = 'processor\t: 0\nflags\t\t: fpu sse4_2 avx f16c fma avx2 avx512f avx512_vnni avx_vnni sha_ni avx512bw\nbogomips\t: 4600\n';
    expect(vectorFlags(cpuinfo)).toEqual(['sse4_2', 'avx', 'avx2', 'fma', 'f16c', 'avx_vnni', 'avx512_vnni', 'avx512bw', 'avx512f']);
    // An AMD Zen 3: AVX2, no AVX-512.
    expect(vectorFlags('flags\t: sse4_2 avx avx2 fma f16c\n')).toEqual(['sse4_2', 'avx', 'avx2', 'fma', 'f16c']);
    expect(vectorFlags('')).toEqual([]);
  });

  it('tells CPU generations apart that the virtual machine names alike, by family and model', () => {
    const zen4 = 'processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\nmodel name\t: AMD EPYC\nstepping\t: 1\n';
    expect(cpuGeneration(zen4)).toBe('family 25 model 17');
    expect(cpuGeneration(zen4.replace('17', '1'))).toBe('family 25 model 1');
    expect(cpuGeneration('')).toBe('');
  });

  it('lists the features ggml reports as present, from whisper-cli\'s system_info line', () => {
    const stderr = 'whisper_init_from_file: loading\nsystem_info: n_threads = 1 / 2 | WHISPER : COREML = 0 | OPENVINO = 0 | CPU : SSE3 = 1 | AVX2 = 1 | F16C = 1 | AVX512 = 0 | AVX512_VNNI = 1 | OPENMP = 1 | \nmain: processing';
    expect(ggmlFeatures(stderr)).toBe('SSE3 AVX2 F16C AVX512_VNNI OPENMP');
    expect(ggmlFeatures('no such line')).toBe('');
    // The app's engine also names the instructions of its decoder's int8 products.
    expect(ggmlFeatures(`whisper_init_with_params_no_state: int8 products in the decoder = AVX2\n${stderr}`))
      .toBe('SSE3 AVX2 F16C AVX512_VNNI OPENMP; int8 decoder: AVX2');
    // And whether its logits are int8 too, so that a bench run with them kept f16 says so.
    const logits = (on: 0 | 1) => `whisper_init_with_params_no_state: int8 products in the decoder = AVX2\nwhisper_init_with_params_no_state: int8 logits, the best rows exact = ${on}\n${stderr}`;
    expect(ggmlFeatures(logits(1))).toBe('SSE3 AVX2 F16C AVX512_VNNI OPENMP; int8 decoder: AVX2, logits too');
    expect(ggmlFeatures(logits(0))).toBe('SSE3 AVX2 F16C AVX512_VNNI OPENMP; int8 decoder: AVX2, f16 logits');
    // And what its encoder runs, so that a comparison with either change turned off says so.
    const encoder = (int8: 0 | 1, attention: 0 | 1) => `${logits(1)}\nwhisper_init_with_params_no_state: int8 products in the encoder = ${int8}\nwhisper_init_with_params_no_state: encoder attention in one pass a head = ${attention}\n`;
    expect(ggmlFeatures(encoder(1, 1))).toBe('SSE3 AVX2 F16C AVX512_VNNI OPENMP; int8 decoder: AVX2, logits too; encoder: int8, its own attention');
    expect(ggmlFeatures(encoder(0, 0))).toBe('SSE3 AVX2 F16C AVX512_VNNI OPENMP; int8 decoder: AVX2, logits too; encoder: f16, ggml\'s attention');
  });
});
