// The engine's sources and build options (scripts/engine-source.mjs, scripts/engine-options.mjs)
// and what they are for. The decoder runs without flash attention on the CPU, where its steps took
// 2.4 times as long with it, while the encoder keeps it (docs/engine.md), and its weight products
// run in int8 on x86: the built engine says both when it loads a model. Quantised models run. On
// a CPU with Intel AMX a native build compiled ggml's AMX kernels, and whisper-cli died
// with a segmentation fault on every q8_0 or q4_0 model; this test makes a q8_0 model of base with
// the engine's own whisper-quantize and transcribes a real Arabic clip with it through the
// runner, as a job would. On a CPU without AMX it passes either way; on one with AMX it failed
// before the build turned those kernels off.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeArgs, DEFAULT_DECODE } from '../../main/asr/decode-options.ts';
import { whisperCliPath } from '../../main/asr/engine.ts';
import { runWhisper, type EngineSegment } from '../../main/asr/runner.ts';
import { parseFullJson } from '../../main/asr/token-confidence.ts';
import { engineCmakeOptions } from '../../scripts/engine-options.mjs';
import { applySourceEdits, ENGINE_SOURCE_EDITS, vendoredSource, type SourceEdit } from '../../scripts/engine-source.mjs';
import { wordErrorRate } from '../../shared/text/wer.ts';
import { concatClips, FAST_DECODE, haveModel, MODEL, refs, tempDir, VAD } from './asr-fixtures.ts';

describe('the build options', () => {
  const linux = { platform: 'linux', arch: 'x64' };
  it('llamafile kernels on everywhere; AMX kernels off where a native x86-64 Linux build would compile them', () => {
    const opts = engineCmakeOptions({}, linux);
    expect(opts).toContain('-DGGML_LLAMAFILE=ON');
    for (const lang of ['C', 'CXX']) expect(opts).toContain(`-DCMAKE_${lang}_FLAGS=-mno-amx-tile -mno-amx-int8 -mno-amx-bf16`);
    expect(opts).not.toContain('-DGGML_NATIVE=OFF');
  });

  it('a portable build (installers) is not tuned to this CPU and needs no AMX flags; other platforms get none', () => {
    expect(engineCmakeOptions({ MAHDAR_ENGINE_PORTABLE: '1' }, linux)).toEqual(['-DGGML_LLAMAFILE=ON', '-DGGML_NATIVE=OFF']);
    expect(engineCmakeOptions({}, { platform: 'win32', arch: 'x64' })).toEqual(['-DGGML_LLAMAFILE=ON']);
    expect(engineCmakeOptions({}, { platform: 'darwin', arch: 'arm64' })).toEqual(['-DGGML_LLAMAFILE=ON']);
  });
});

describe('the engine\'s sources', () => {
  const fn = (name: string, body: string) => `\nstatic void ${name}() {\n${body}}\n`;
  const edit: SourceEdit = { why: 'test', file: 'x.cpp', within: 'static void decoder() {', find: 'if (fa) {', replace: 'if (dfa) {', count: 2 };

  it('an edit applies inside the function it names only', () => {
    const text = fn('encoder', '    if (fa) {}\n') + fn('decoder', '    if (fa) {}\n        if (fa) {}\n') + fn('other', '    if (fa) {}\n');
    expect(applySourceEdits(text, [edit])).toBe(fn('encoder', '    if (fa) {}\n') + fn('decoder', '    if (dfa) {}\n        if (dfa) {}\n') + fn('other', '    if (fa) {}\n'));
  });

  it('a whisper.cpp whose code moved stops the build, naming the edit, instead of building something else', () => {
    expect(() => applySourceEdits(fn('decoder', '    if (fa) {}\n'), [edit])).toThrow(/"test" expects 2 .* found 1/);
    expect(() => applySourceEdits(fn('encoder', '    if (fa) {}\n'), [edit])).toThrow(/function not found once for "test"/);
  });

  it('every edit applies to the vendored whisper.cpp, which stays as npm installed it', () => {
    for (const file of new Set(ENGINE_SOURCE_EDITS.map((e) => e.file))) {
      const original = readFileSync(join(vendoredSource, file), 'utf8');
      const edited = applySourceEdits(original, ENGINE_SOURCE_EDITS.filter((e) => e.file === file));
      expect(edited).not.toBe(original);
      expect(original).not.toContain('whisper_decoder_flash_attn');
    }
  });
});

const engine = (() => {
  try {
    return whisperCliPath();
  } catch {
    return null;
  }
})();

// A CPU build (Linux, Windows); a Mac build has Metal, where the decoder keeps flash attention.
describe.runIf(haveModel && engine && process.platform !== 'darwin')('the built engine', () => {
  it('decodes with flash attention in the encoder only, and transcribes', () => {
    const dir = tempDir();
    const wav = concatClips(['001.wav'], join(dir, 'one.wav'), 0.3);
    const args = decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: VAD, prompt: null });
    const r = spawnSync(engine!, ['-m', MODEL, '-f', wav, ...args, '-otxt', '-of', join(dir, 'out')], { encoding: 'utf8' });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stderr).toMatch(/flash attn = 1\n/);
    expect(r.stderr).toMatch(/flash attn in the decoder = 0\n/);
    const ref = refs().get('001.wav')!.text;
    expect(wordErrorRate(ref, readFileSync(join(dir, 'out.txt'), 'utf8')).wer).toBeLessThan(0.75);
  }, 120_000);

  // The decoder's weight products run in int8 on x86 (scripts/engine-int8.cpp), with the widest
  // instructions the CPU has. Their integer sums are exact, so the AVX2 path that CPUs without VNNI
  // take, and the AVX-VNNI one of laptops without AVX-512 (where this CPU has it; otherwise the
  // widest is asked again), write the same words as the path this CPU takes; and ggml's f16
  // products stay one setting away (MAHDAR_INT8=off) for the benches' comparisons.
  it.runIf(process.arch === 'x64')('decodes in int8 with the CPU\'s widest instructions; AVX2 and AVX-VNNI write the same words; off still transcribes', () => {
    const dir = tempDir();
    const wav = concatClips(['001.wav', '002.wav'], join(dir, 'two.wav'), 0.3);
    const run = (int8: string | undefined, name: string) => {
      const args = decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: VAD, prompt: null });
      const env = { ...process.env };
      if (int8 === undefined) delete env.MAHDAR_INT8;
      else env.MAHDAR_INT8 = int8;
      const r = spawnSync(engine!, ['-m', MODEL, '-f', wav, ...args, '-otxt', '-of', join(dir, name)], { encoding: 'utf8', env });
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      return { log: r.stderr, text: readFileSync(join(dir, `${name}.txt`), 'utf8') };
    };
    const best = run(undefined, 'best');
    const avx2 = run('avx2', 'avx2');
    const avxVnni = run('avxvnni', 'avxvnni');
    const off = run('off', 'off');
    expect(best.log).toMatch(/int8 products in the decoder = (AVX512_VNNI|AVX_VNNI|AVX2)\n/);
    expect(avx2.log).toMatch(/int8 products in the decoder = AVX2\n/);
    expect(off.log).toMatch(/int8 products in the decoder = off\n/);
    expect(best.text.trim().split(/\s+/).length).toBeGreaterThan(10);
    expect(avx2.text).toBe(best.text);
    expect(avxVnni.log).toMatch(/int8 products in the decoder = (AVX_VNNI|AVX512_VNNI|AVX2)\n/);
    expect(avxVnni.text).toBe(best.text);
    const r = refs();
    const ref = ['001.wav', '002.wav'].map((f) => r.get(f)!.text).join(' ');
    const int8Wer = wordErrorRate(ref, best.text).wer;
    const f16Wer = wordErrorRate(ref, off.text).wer;
    console.log(`WER int8 ${int8Wer.toFixed(3)}, f16 ${f16Wer.toFixed(3)} (${best.log.match(/int8 products in the decoder = (\w+)/)?.[1]})`);
    expect(int8Wer).toBeLessThan(0.75);
    expect(f16Wer).toBeLessThan(0.75);
  }, 300_000);

  // The encoder's weight products run in int8 too (scripts/engine-int8.cpp), and its attention in one
  // pass a head (scripts/engine-attention.cpp), with AVX-512 where the CPU has it and AVX2 otherwise.
  // The two attention kernels take every sum in the same order, so they write the same words; both
  // changes stay one setting away (MAHDAR_INT8_ENCODER=off, MAHDAR_ATTENTION=off) for the benches.
  it.runIf(process.arch === 'x64')('encodes in int8 with its own attention; the AVX2 attention writes the same words; off still transcribes', () => {
    const dir = tempDir();
    const wav = concatClips(['001.wav', '002.wav'], join(dir, 'two.wav'), 0.3);
    const run = (knobs: Record<string, string>, name: string) => {
      const args = decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: VAD, prompt: null });
      const env: NodeJS.ProcessEnv = { ...process.env, ...knobs };
      for (const knob of ['MAHDAR_INT8', 'MAHDAR_INT8_ENCODER', 'MAHDAR_ATTENTION']) if (!(knob in knobs)) delete env[knob];
      const r = spawnSync(engine!, ['-m', MODEL, '-f', wav, ...args, '-otxt', '-of', join(dir, name)], { encoding: 'utf8', env });
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      return { log: r.stderr, text: readFileSync(join(dir, `${name}.txt`), 'utf8') };
    };
    const best = run({}, 'best');
    const avx2 = run({ MAHDAR_ATTENTION: 'avx2' }, 'avx2');
    const off = run({ MAHDAR_INT8_ENCODER: 'off', MAHDAR_ATTENTION: 'off' }, 'off');
    expect(best.log).toMatch(/int8 products in the encoder = 1\n/);
    expect(best.log).toMatch(/encoder attention in one pass a head = 1\n/);
    expect(off.log).toMatch(/int8 products in the encoder = 0\n/);
    expect(off.log).toMatch(/encoder attention in one pass a head = 0\n/);
    expect(best.text.trim().split(/\s+/).length).toBeGreaterThan(10);
    expect(avx2.text).toBe(best.text);
    const r = refs();
    const ref = ['001.wav', '002.wav'].map((f) => r.get(f)!.text).join(' ');
    const now = wordErrorRate(ref, best.text).wer;
    const before = wordErrorRate(ref, off.text).wer;
    console.log(`WER encoder int8 with its attention ${now.toFixed(3)}, f16 with ggml's ${before.toFixed(3)}`);
    expect(now).toBeLessThan(0.75);
    expect(before).toBeLessThan(0.75);
  }, 300_000);

  // The logits (the product by the vocabulary) run in int8 too, where the int8 values alone were
  // up to a nat off. The rows near the best, the timestamps and every 64th row are recomputed from
  // the f16 weights, and the rest corrected by what that sample shows (scripts/engine-int8.cpp).
  // The doubtful words come from the chosen tokens' probabilities, which take the whole softmax:
  // they are the f16 logits' own within 0.01 (without the sample's correction, up to 0.05 apart).
  // Greedy, so that both runs choose the same tokens and their probabilities can be compared.
  it.runIf(process.arch === 'x64')('gives each word the confidence the f16 logits give it', () => {
    const dir = tempDir();
    const wav = concatClips(['001.wav', '002.wav', '003.wav'], join(dir, 'three.wav'), 0.3);
    const run = (logits: 'on' | 'off') => {
      const args = decodeArgs({ ...DEFAULT_DECODE, ...FAST_DECODE, language: 'ar', threads: 2, vadModel: VAD, prompt: null });
      const env: NodeJS.ProcessEnv = { ...process.env, MAHDAR_INT8_LOGITS: logits };
      for (const knob of ['MAHDAR_INT8', 'MAHDAR_LOGITS_NEAR', 'MAHDAR_LOGITS_SAMPLE']) delete env[knob];
      const r = spawnSync(engine!, ['-m', MODEL, '-f', wav, ...args, '-ojf', '-of', join(dir, logits)], { encoding: 'utf8', env });
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      return { log: r.stderr, words: parseFullJson(readFileSync(join(dir, `${logits}.json`))).flatMap((s) => s.words) };
    };
    const int8 = run('on');
    const f16 = run('off');
    expect(int8.log).toMatch(/int8 logits, the best rows exact = 1\n/);
    expect(f16.log).toMatch(/int8 logits, the best rows exact = 0\n/);
    // the words both runs wrote alike, from the start
    let same = 0;
    while (same < int8.words.length && int8.words[same]?.text === f16.words[same]?.text) same++;
    expect(same).toBeGreaterThan(15);
    const gaps = int8.words.slice(0, same).flatMap((w, i) => w.tokenP.map((p, j) => Math.abs(p - (f16.words[i]?.tokenP[j] ?? -1))));
    console.log(`int8 logits: ${same} of ${f16.words.length} words alike; the largest gap in a token's probability ${Math.max(...gaps).toFixed(4)}`);
    expect(Math.max(...gaps)).toBeLessThan(0.01);
  }, 300_000);

  // The thread watch changes a run's thread count between windows (thread-watch.ts), and a passage
  // transcribed again must not change for nothing: the beam's words depend on neither.
  it('writes the same words with one thread and with two, and again', () => {
    const dir = tempDir();
    const wav = concatClips(['001.wav', '002.wav'], join(dir, 'two.wav'), 0.3);
    const words = (threads: number, name: string) => {
      const args = decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads, vadModel: VAD, prompt: null });
      const r = spawnSync(engine!, ['-m', MODEL, '-f', wav, ...args, '-otxt', '-of', join(dir, name)], { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: String(threads) } });
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      return readFileSync(join(dir, `${name}.txt`), 'utf8');
    };
    const two = words(2, 'two-threads');
    expect(two.trim().split(/\s+/).length).toBeGreaterThan(10);
    expect(words(1, 'one-thread')).toBe(two);
    expect(words(2, 'again')).toBe(two);
  }, 180_000);
});

const quantize = (() => {
  try {
    const p = join(dirname(whisperCliPath()), process.platform === 'win32' ? 'whisper-quantize.exe' : 'whisper-quantize');
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
})();

describe.runIf(haveModel && quantize)('a q8_0 model', () => {
  it('transcribes real read Arabic like the f16 original', async () => {
    const dir = tempDir();
    const q8 = join(dir, 'ggml-base-q8_0.bin');
    execFileSync(quantize!, [MODEL, q8, 'q8_0'], { stdio: 'ignore' });
    const wav = concatClips(['001.wav', '002.wav'], join(dir, 'two.wav'), 0.3);
    const transcribe = async (model: string) => {
      const segs: EngineSegment[] = [];
      const run = runWhisper({
        bin: whisperCliPath(),
        model,
        audio: wav,
        durationSec: 12.3,
        decode: { ...DEFAULT_DECODE, ...FAST_DECODE, language: 'ar', threads: 2, vadModel: VAD, prompt: null },
        onSegment: (s) => segs.push(s),
      });
      const result = await run.done;
      expect(result.status, result.status === 'failed' ? result.error.message : '').toBe('done');
      return segs.map((s) => s.text).join(' ');
    };
    const r = refs();
    const ref = ['001.wav', '002.wav'].map((f) => r.get(f)!.text).join(' ');
    const quantised = wordErrorRate(ref, await transcribe(q8)).wer;
    const original = wordErrorRate(ref, await transcribe(MODEL)).wer;
    console.log(`WER q8_0 ${quantised.toFixed(3)}, f16 ${original.toFixed(3)}`);
    // A broken run gives no text (WER 1); quantisation to 8 bits moves a few words at most.
    expect(quantised).toBeLessThan(0.75);
    expect(Math.abs(quantised - original)).toBeLessThan(0.2);
  }, 300_000);
});
