// The engine's sources: whisper.cpp 1.9.1 as vendored in nodejs-whisper, copied to build/whisper-src
// with Mahdar's changes applied, so that node_modules stays as npm installed it. Used by the app's
// build (scripts/build-engine.mjs) and the benches' builds (bench/engine-patches, bench/model-shapes),
// so that a bench measures what the app runs. Plain JavaScript: npm's postinstall runs it with node
// alone (no git, no patch tool). Each change names the function it applies in and how many times
// its text must be found there, so a new whisper.cpp whose code moved fails the build loudly
// instead of building something else.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const vendoredSource = join(root, 'node_modules', 'nodejs-whisper', 'cpp', 'whisper.cpp');
export const engineSource = join(root, 'build', 'whisper-src');

// Flash attention in the encoder only. whisper.cpp 1.9.1 has one switch for both halves of the
// model; on the CPU its flash-attention kernel made the decoder's steps 2.4 times slower than the
// plain product (base, beam 4: 9.4 against 3.9 ms a step on 2 AVX-512 cores; large-v3-turbo's
// shape 66 against 32 ms) while it made the encoder faster (0.93 against 1.35 s a window; 15.9
// against 22.2 s): docs/engine.md, "Flash attention in the encoder only". The decoder and the
// cross-attention cache it reads (whose layout depends on the same switch) take the plain path
// unless the build has a GPU backend and the context uses it.
const DECODER_FLASH_ATTN = `// mahdar: flash attention in the encoder only on the CPU (scripts/engine-source.mjs).
static bool whisper_decoder_flash_attn(const whisper_context_params & params) {
#if defined(GGML_USE_METAL) || defined(GGML_USE_CUDA)
    return params.flash_attn && params.use_gpu;
#else
    (void) params;
    return false;
#endif
}

`;

// The thread count of a long run, window by window. A run starts with the threads the cores
// other programs leave free (main/asr/free-cores.ts), and a meeting's full pass lasts long enough
// for that to change: a video call starts, then ends. With a core taken, two threads wait for
// each other at every step (2.0x the quiet time against 1.5x with one, docs/engine.md, "Under
// load"). The app writes the count it wants now into the file MAHDAR_THREADS_FILE names (one
// number, replaced atomically: main/asr/thread-watch.ts); the engine reads it before each 30 s
// window and before the voice detector, never going above the count it was started with
// (OpenMP's thread limit is set from that count).
const THREADS_NOW = `// mahdar: the thread count for the next piece of work (scripts/engine-source.mjs).
#include <cstdlib>
static int whisper_threads_now(int n_most) {
    const char * path = std::getenv("MAHDAR_THREADS_FILE");
    if (path == nullptr || path[0] == '\\0') return n_most;
    FILE * f = std::fopen(path, "r");
    if (f == nullptr) return n_most;
    int n = 0;
    const int got = std::fscanf(f, "%d", &n);
    std::fclose(f);
    if (got != 1 || n < 1) return n_most;
    return n < n_most ? n : n_most;
}
`;

// Beam search at temperature 0 takes each beam's best tokens. whisper.cpp 1.9.1 drew a beam's
// candidates at random from the softmax (std::discrete_distribution, with repeats) at every
// temperature, so at 0 its "beam" was a seeded sampling, and at the first token, where every beam
// is the same prompt, nothing kept two beams from taking the same candidate (the check for a
// repeated candidate skipped step 0). OpenAI's Whisper and faster-whisper take the top tokens of
// each beam and keep the distinct best sequences; now so does the app's engine at temperature 0
// (the fallback temperatures keep the drawing: there it is meant). docs/engine.md, "Beam search
// that takes the best tokens".

// The weight products of the decoder's layers in int8 (scripts/engine-int8.cpp): with ggml's f16
// products a beam step on one core took 2.2 times faster-whisper's, and one core is what the app
// has when another program holds the other. The logits (the product by the vocabulary) too, with
// the rows near the best and the timestamps recomputed from the f16 weights: in int8 alone they
// cost about a point of WER on the tune set (0.610-0.613 against 0.602), with finer scales too.
// The encoder's six products a layer too (ENCODER_PRODUCTS, below): on this Zen 4 msa-read 0.631
// against 0.636 and the tune set 0.598 against 0.602 (a Xeon's single msa-read round had it 1.6
// points worse). Quantised models (q5_0...) get int8 copies of their unpacked rows, except the
// logits. docs/engine.md, "The decoder's products in int8", "The logits in int8, their best rows
// exact" and "The encoder in int8, and its attention in one pass a head".
const INT8_PRODUCTS = readFileSync(join(root, 'scripts', 'engine-int8.cpp'), 'utf8');
// The cross-attention's weights padded a row at a time (scripts/engine-pad-rows.cpp): ggml_pad
// took 4.3% of a one-thread run.
const PAD_ROWS = readFileSync(join(root, 'scripts', 'engine-pad-rows.cpp'), 'utf8');
// The encoder's self-attention in one pass a head (scripts/engine-attention.cpp), AVX-512 or AVX2:
// ggml's tiled flash attention converted every key from f16 once for each tile of 64 queries.
// A GPU build keeps whisper.cpp's attention when the context uses the GPU.
const ENCODER_ATTENTION = readFileSync(join(root, 'scripts', 'engine-attention.cpp'), 'utf8') + `
static bool mahdar_encoder_attention_allowed(const whisper_context_params & params) {
#if defined(GGML_USE_METAL) || defined(GGML_USE_CUDA)
    if (params.use_gpu) return false;
#endif
    return params.flash_attn;
}

`;
const DECODER_PRODUCTS = [
  ['layer.attn_q_w', 20], ['layer.attn_k_w', 20], ['layer.attn_v_w', 24], ['layer.attn_ln_1_w', 20],
  ['layer.cross_attn_q_w', 20], ['layer.cross_attn_ln_1_w', 20], ['layer.mlp_0_w', 20], ['layer.mlp_1_w', 20],
].map(([weight, indent]) => ({
  why: `the decoder's product by ${weight} in int8`,
  file: 'src/whisper.cpp',
  within: 'static struct ggml_cgraph * whisper_build_graph_decoder(',
  find: `ggml_mul_mat(ctx0,\n${' '.repeat(indent)}${weight},\n${' '.repeat(indent)}cur)`,
  replace: `mahdar_mul_mat(ctx0, wctx.mahdar_i8, ${weight}, cur)`,
  count: 1,
}));

// The encoder's products in int8. The cross-attention's keys and values, made from the encoder's
// output once a window, stay f16: in int8 too, the tune set came out at 0.611 with a repetition loop.
const ENCODER_PRODUCTS = ['layer.attn_q_w', 'layer.attn_k_w', 'layer.attn_v_w', 'layer.attn_ln_1_w', 'layer.mlp_0_w', 'layer.mlp_1_w'].map((weight) => ({
  why: `the encoder's product by ${weight} in int8`,
  file: 'src/whisper.cpp',
  within: 'static struct ggml_cgraph * whisper_build_graph_encoder(',
  find: `ggml_mul_mat(ctx0,\n${' '.repeat(20)}${weight},\n${' '.repeat(20)}cur)`,
  replace: `mahdar_encoder_mul_mat(ctx0, wctx.mahdar_i8, ${weight}, cur)`,
  count: 1,
}));

// The attention products of the decoder on ggml's llamafile kernels, which need an inner length in
// multiples of 16 (AVX-512) or 8 (AVX2); otherwise ggml takes a dot product per row and column,
// and after the int8 products these were the largest part of a step. The self-attention cache is
// read in steps of 32 cells (the extra cells are masked, as whisper.cpp does on a GPU) and the
// cross-attention's values in rows of 1,504 frames whose last 4 are zeros (the cache is allocated
// in multiples of 256 and cleared). The sums are the same, in another order.

/**
 * @typedef {{ why: string; file: string; within?: string; find: string; replace: string; count: number }} SourceEdit
 * `within`: the first line of the function the edit applies in (from there to the next line that
 * is a lone "}"); without it, the whole file. `count`: how many times `find` must be there.
 */

/** @type {SourceEdit[]} */
export const ENGINE_SOURCE_EDITS = [
  {
    why: 'the decoder-side flash-attention switch',
    file: 'src/whisper.cpp',
    find: 'static uint32_t whisper_kv_cache_get_padding(',
    replace: `${DECODER_FLASH_ATTN}${THREADS_NOW}static uint32_t whisper_kv_cache_get_padding(`,
    count: 1,
  },
  {
    why: 'the cross-attention cache in the plain layout',
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_cross(',
    find: 'if (wctx.params.flash_attn) {',
    replace: 'if (whisper_decoder_flash_attn(wctx.params)) {',
    count: 1,
  },
  {
    why: 'the decoder: self-attention cache, self-attention, cross-attention',
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_decoder(',
    find: 'if (wctx.params.flash_attn) {',
    replace: 'if (whisper_decoder_flash_attn(wctx.params)) {',
    count: 3,
  },
  {
    why: 'the engine says which attention and which products its decoder uses (tests/unit/engine-build.test.ts reads them)',
    file: 'src/whisper.cpp',
    within: 'struct whisper_context * whisper_init_with_params_no_state(',
    find: '    WHISPER_LOG_INFO("%s: flash attn = %d\\n", __func__, params.flash_attn);\n',
    replace: '    WHISPER_LOG_INFO("%s: flash attn = %d\\n", __func__, params.flash_attn);\n'
      + '    WHISPER_LOG_INFO("%s: flash attn in the decoder = %d\\n", __func__, whisper_decoder_flash_attn(params));\n'
      + '    WHISPER_LOG_INFO("%s: int8 products in the decoder = %s\\n", __func__, mahdar_i8_isa_name());\n'
      + '    WHISPER_LOG_INFO("%s: int8 logits, the best rows exact = %d\\n", __func__, mahdar_i8_logits_on() ? 1 : 0);\n'
      + '    WHISPER_LOG_INFO("%s: int8 products in the encoder = %d\\n", __func__, mahdar_i8_encoder_on() ? 1 : 0);\n'
      + '    WHISPER_LOG_INFO("%s: encoder attention in one pass a head = %d\\n", __func__, mahdar_encoder_attention_allowed(params) && mahdar_attention_on() ? 1 : 0);\n',
    count: 1,
  },
  {
    why: 'the voice detector takes the thread count of now',
    file: 'src/whisper.cpp',
    within: 'static bool whisper_vad(',
    find: '    auto vctx = state->vad_context;\n',
    replace: '    auto vctx = state->vad_context;\n    vctx->n_threads = whisper_threads_now(whisper_vad_default_context_params().n_threads);\n',
    count: 1,
  },
  {
    why: 'each 30 s window takes the thread count of now, and the engine says when it changes (main/asr/runner.ts reads it)',
    file: 'src/whisper.cpp',
    within: 'int whisper_full_with_state(',
    find: '    // main loop\n    while (true) {\n',
    replace: '    // main loop\n    const int n_threads_most = params.n_threads;\n    while (true) {\n'
      + '        {\n'
      + '            const int n_threads_now = whisper_threads_now(n_threads_most);\n'
      + '            if (n_threads_now != params.n_threads) {\n'
      + '                params.n_threads = n_threads_now;\n'
      + '                WHISPER_LOG_INFO("%s: threads now = %d\\n", __func__, n_threads_now);\n'
      + '            }\n'
      + '        }\n',
    count: 1,
  },
  {
    why: 'a beam\'s candidates: its best tokens at temperature 0, drawn at random above it',
    file: 'src/whisper.cpp',
    within: 'static std::vector<whisper_token_data> whisper_sample_token_topk(',
    find: '    std::discrete_distribution<> dist(probs.begin(), probs.end());\n\n    for (int i = 0; i < k; ++i) {\n        const auto id = dist(decoder.rng);\n',
    replace: '    // mahdar: the best tokens at temperature 0 (scripts/engine-source.mjs); logits_id is sorted above.\n'
      + '    std::discrete_distribution<> dist;\n'
      + '    if (!best) dist = std::discrete_distribution<>(probs.begin(), probs.end());\n\n'
      + '    for (int i = 0; i < k; ++i) {\n        const auto id = best ? logits_id[i].second : dist(decoder.rng);\n',
    count: 1,
  },
  {
    why: 'the signature: whether to take the best tokens',
    file: 'src/whisper.cpp',
    find: '            whisper_decoder & decoder,\n                        int   k) {\n',
    replace: '            whisper_decoder & decoder,\n                        int   k,\n                       bool   best) {\n',
    count: 1,
  },
  {
    why: 'the beam search asks for the best tokens at temperature 0',
    file: 'src/whisper.cpp',
    within: 'int whisper_full_with_state(',
    find: 'whisper_sample_token_topk(*ctx, decoder, params.beam_search.beam_size);',
    replace: 'whisper_sample_token_topk(*ctx, decoder, params.beam_search.beam_size, t_cur < 1e-6f);',
    count: 1,
  },
  {
    why: 'no two beams take the same candidate, from the first token on',
    file: 'src/whisper.cpp',
    within: 'int whisper_full_with_state(',
    find: 'whisper_sequence_tokens_equal(beam_candidates[cur_c].sequence, cur.sequence) && i > 0) {',
    replace: 'whisper_sequence_tokens_equal(beam_candidates[cur_c].sequence, cur.sequence)) {',
    count: 1,
  },
  {
    why: 'the int8 products and their store, and the rows padded a row at a time',
    file: 'src/whisper.cpp',
    find: '\nstruct whisper_context {\n',
    replace: `\n${INT8_PRODUCTS}${PAD_ROWS}${ENCODER_ATTENTION}struct whisper_context {\n`,
    count: 1,
  },
  {
    why: 'a context keeps its int8 weights',
    file: 'src/whisper.cpp',
    find: '    std::string path_model; // populated by whisper_init_from_file_with_params()\n};\n',
    replace: '    std::string path_model; // populated by whisper_init_from_file_with_params()\n\n'
      + '    mahdar_i8_store mahdar_i8; // mahdar: the decoder\'s weights in int8, made at their first use\n};\n',
    count: 1,
  },
  ...DECODER_PRODUCTS,
  ...ENCODER_PRODUCTS,
  {
    why: "the encoder's self-attention in one pass a head (engine-attention.cpp)",
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_encoder(',
    find: '            if (wctx.params.flash_attn) {\n',
    replace: '            struct ggml_tensor * mahdar_att = mahdar_encoder_attention_allowed(wctx.params) ? mahdar_encoder_attention(ctx0, Qcur, Kcur, Vcur, n_head) : nullptr;\n'
      + '            if (mahdar_att != nullptr) {\n'
      + '                cur = mahdar_att;\n'
      + '            } else if (wctx.params.flash_attn) {\n',
    count: 1,
  },
  {
    why: 'the logits in int8, with the rows that decide the next token and the timestamps recomputed exactly',
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_decoder(',
    find: 'struct ggml_tensor * logits = ggml_mul_mat(ctx0, model.d_te, cur);',
    replace: 'struct ggml_tensor * logits = mahdar_logits(ctx0, wctx.mahdar_i8, model.d_te, cur, wctx.vocab.token_beg);',
    count: 1,
  },
  {
    why: 'the self-attention cache read in steps of 32 cells on the CPU',
    file: 'src/whisper.cpp',
    within: 'static uint32_t whisper_kv_cache_get_padding(',
    find: '    if (!wctx.params.flash_attn || !wctx.params.use_gpu) {\n        return 1u;\n',
    replace: '    if (!whisper_decoder_flash_attn(wctx.params)) {\n        return 32u;\n',
    count: 1,
  },
  {
    why: 'the cross-attention cache\'s value rows 32-aligned (written by the encoder)',
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_cross(',
    find: '                    (   n_ctx)*ggml_element_size(wstate.kv_cross.v),\n                    (il*n_ctx)*ggml_element_size(wstate.kv_cross.v)*n_state);\n',
    replace: '                    (   GGML_PAD(n_ctx, 32))*ggml_element_size(wstate.kv_cross.v),\n                    (il*GGML_PAD(n_ctx, 32))*ggml_element_size(wstate.kv_cross.v)*n_state);\n',
    count: 1,
  },
  {
    why: 'the cross-attention\'s values read as 32-aligned rows (by the decoder)',
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_decoder(',
    find: '                            n_audio_ctx, n_state_head, n_head,\n'
      + '                            n_audio_ctx*ggml_element_size(wstate.kv_cross.v),\n'
      + '                            n_audio_ctx*ggml_element_size(wstate.kv_cross.v)*n_state_head,\n'
      + '                            n_audio_ctx*ggml_element_size(wstate.kv_cross.v)*n_state*il);\n',
    replace: '                            GGML_PAD(n_audio_ctx, 32), n_state_head, n_head,\n'
      + '                            GGML_PAD(n_audio_ctx, 32)*ggml_element_size(wstate.kv_cross.v),\n'
      + '                            GGML_PAD(n_audio_ctx, 32)*ggml_element_size(wstate.kv_cross.v)*n_state_head,\n'
      + '                            GGML_PAD(n_audio_ctx, 32)*ggml_element_size(wstate.kv_cross.v)*n_state*il);\n',
    count: 1,
  },
  {
    why: 'the attention weights padded with zeros to the values\' 32-aligned rows',
    file: 'src/whisper.cpp',
    within: 'static struct ggml_cgraph * whisper_build_graph_decoder(',
    find: 'struct ggml_tensor * KQV = ggml_mul_mat(ctx0, Vcross, KQ_soft_max);',
    replace: 'struct ggml_tensor * KQV = ggml_mul_mat(ctx0, Vcross, mahdar_pad_rows(ctx0, KQ_soft_max, GGML_PAD(n_audio_ctx, 32)));',
    count: 1,
  },
];

function occurrences(text, find) {
  let n = 0;
  for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + find.length)) n++;
  return n;
}

/**
 * Applies the edits of one file to its text; throws, naming the edit, when a function or a text is
 * not found the expected number of times.
 * @param {string} text
 * @param {SourceEdit[]} edits
 * @returns {string}
 */
export function applySourceEdits(text, edits) {
  let out = text;
  for (const e of edits) {
    let start = 0;
    let end = out.length;
    if (e.within) {
      if (occurrences(out, `\n${e.within}`) !== 1) throw new Error(`engine source: function not found once for "${e.why}": ${e.within}`);
      start = out.indexOf(`\n${e.within}`);
      const close = out.indexOf('\n}\n', start);
      end = close < 0 ? out.length : close + 3;
    }
    const body = out.slice(start, end);
    const found = occurrences(body, e.find);
    if (found !== e.count) throw new Error(`engine source: "${e.why}" expects ${e.count} of ${JSON.stringify(e.find)}, found ${found}`);
    out = out.slice(0, start) + body.split(e.find).join(e.replace) + out.slice(end);
  }
  return out;
}

/** What a build of the prepared sources records in its stamp: other sources or edits, a new build. */
export function engineSourceId() {
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'nodejs-whisper', 'package.json'), 'utf8')).version;
  const edits = createHash('sha256').update(JSON.stringify(ENGINE_SOURCE_EDITS)).digest('hex').slice(0, 16);
  return `nodejs-whisper@${version}+mahdar-${edits}`;
}

/**
 * Copies the vendored sources to build/whisper-src and applies ENGINE_SOURCE_EDITS there, unless
 * that copy was already made from the same sources and edits. Returns the copy's folder.
 * @returns {string}
 */
export function prepareEngineSource() {
  const id = engineSourceId();
  const stamp = join(engineSource, 'mahdar-source.txt');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === id) return engineSource;
  rmSync(engineSource, { recursive: true, force: true });
  mkdirSync(dirname(engineSource), { recursive: true });
  cpSync(vendoredSource, engineSource, { recursive: true });
  const files = [...new Set(ENGINE_SOURCE_EDITS.map((e) => e.file))];
  for (const f of files) {
    const path = join(engineSource, f);
    writeFileSync(path, applySourceEdits(readFileSync(path, 'utf8'), ENGINE_SOURCE_EDITS.filter((e) => e.file === f)));
  }
  writeFileSync(stamp, id);
  return engineSource;
}
