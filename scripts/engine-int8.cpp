// mahdar: the weight products of Whisper's decoder and encoder in int8, the decoder's logits
// included (inserted into whisper.cpp by scripts/engine-source.mjs, before struct whisper_context;
// not compiled on its own). docs/engine.md, "The decoder's products in int8", "The logits in int8,
// their best rows exact" and "The encoder in int8, and its attention in one pass a head".
//
// Why: on one core, ggml's f16 products made a beam step of base 2.2 times as long as
// faster-whisper's int8 one, and an encoder window 2.3 times; the app runs one thread when another
// program holds a core.
// How: each weight row is scaled to [-127, 127] once, at its first use, and kept beside the model
// (from f16, f32, or a quantised type's unpacked row); each token's activations are scaled the same
// way at every product (as CTranslate2 does). The integer dot products are exact whatever the
// instructions (AVX-512 VNNI, AVX-VNNI, AVX2), so on one CPU every path and every thread count
// writes the same text. The logits then get their deciding rows back in f32 (mahdar_i8_rescore;
// f16 or f32 weights only). GCC and Clang on x86 only (the kernels are chosen at run time by target
// attributes, since whisper.cpp itself is compiled without -march); elsewhere and with
// MAHDAR_INT8=off, ggml's own product runs as before. MAHDAR_INT8=avx2 or avxvnni asks for a
// narrower path than the CPU has (tests, benches).
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
#define MAHDAR_I8_X86 1
#include <immintrin.h>
#endif
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <mutex>

struct mahdar_i8_matrix {
    int64_t rows = 0;
    int64_t cols = 0;
    std::vector<int8_t>  q;     // blocks of 16 rows (zeros past the last), 4 columns of each row after another
    std::vector<float>   scale; // a row's value for 1 in q
    std::vector<int32_t> sum;   // a row's sum of q: takes back out the offset of unsigned activations
};

// The logits' product: the int8 matrix of the vocabulary, the f16 (or f32) weights it copies, and
// the first row that is always recomputed exactly (the timestamps: whisper.cpp compares their summed
// probability with the best text token's to decide whether a timestamp comes next).
struct mahdar_i8_logits {
    const mahdar_i8_matrix * m = nullptr;
    const ggml_tensor * w = nullptr;
    int64_t exact_from = 0;
};

// A context's int8 weights, keyed by the f16 tensor they copy; made while graphs are built.
struct mahdar_i8_store {
    std::map<const ggml_tensor *, std::unique_ptr<mahdar_i8_matrix>> matrices;
    std::map<const ggml_tensor *, std::unique_ptr<mahdar_i8_logits>> logits;
    std::mutex mutex;
};

enum mahdar_i8_isa { MAHDAR_I8_NONE, MAHDAR_I8_AVX2, MAHDAR_I8_AVXVNNI, MAHDAR_I8_AVX512VNNI };

static mahdar_i8_isa mahdar_i8_detect() {
#ifdef MAHDAR_I8_X86
    const char * want = std::getenv("MAHDAR_INT8");
    const std::string w = want ? want : "";
    if (w == "off") return MAHDAR_I8_NONE;
    __builtin_cpu_init();
    const bool avx2    = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    const bool avxvnni = avx2 && __builtin_cpu_supports("avxvnni");
    const bool avx512  = avx2 && __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw");
    if (w == "avx2") return avx2 ? MAHDAR_I8_AVX2 : MAHDAR_I8_NONE;
    if (w == "avxvnni" && avxvnni) return MAHDAR_I8_AVXVNNI;
    if (avx512) return MAHDAR_I8_AVX512VNNI;
    if (avxvnni) return MAHDAR_I8_AVXVNNI;
    if (avx2) return MAHDAR_I8_AVX2;
#endif
    return MAHDAR_I8_NONE;
}

static mahdar_i8_isa mahdar_i8_isa_now() {
    static const mahdar_i8_isa isa = mahdar_i8_detect();
    return isa;
}

// Whether the logits take the int8 product with their best rows recomputed (mahdar_logits):
// wherever the layers' products are int8, unless MAHDAR_INT8_LOGITS=off (benches' comparisons).
// Read once: the graph is built again at every decoding step.
static bool mahdar_i8_logits_on() {
    static const bool on = [] {
        const char * want = std::getenv("MAHDAR_INT8_LOGITS");
        return mahdar_i8_isa_now() != MAHDAR_I8_NONE && !(want != nullptr && std::string(want) == "off");
    }();
    return on;
}

static const char * mahdar_i8_isa_name() {
    switch (mahdar_i8_isa_now()) {
        case MAHDAR_I8_AVX512VNNI: return "AVX512_VNNI";
        case MAHDAR_I8_AVXVNNI:    return "AVX_VNNI";
        case MAHDAR_I8_AVX2:       return "AVX2";
        default:                   return "off";
    }
}

#ifdef MAHDAR_I8_X86
// A row of floats to bytes: scaled so that its largest magnitude is 127, rounded to nearest even
// (the processor's default mode). Returns the value of 1. offset adds 128 to every byte (dpbusd
// wants unsigned activations). n: a multiple of 32.
__attribute__((target("avx2")))
static float mahdar_quantize_row(const float * x, int8_t * q, int64_t n, bool offset) {
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 m = _mm256_setzero_ps();
    for (int64_t i = 0; i < n; i += 8) m = _mm256_max_ps(m, _mm256_andnot_ps(sign, _mm256_loadu_ps(x + i)));
    __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
    h = _mm_max_ps(h, _mm_movehl_ps(h, h));
    h = _mm_max_ss(h, _mm_movehdup_ps(h));
    const float amax = _mm_cvtss_f32(h);
    const float s    = amax/127.0f;
    const __m256 inv = _mm256_set1_ps(s > 0.0f ? 1.0f/s : 0.0f);
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7); // undoes the packs' lane order
    const __m256i flip  = _mm256_set1_epi8(offset ? (char) 0x80 : 0);
    for (int64_t i = 0; i < n; i += 32) {
        const __m256i a = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i),      inv));
        const __m256i b = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 8),  inv));
        const __m256i c = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 16), inv));
        const __m256i d = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(x + i + 24), inv));
        const __m256i abcd = _mm256_packs_epi16(_mm256_packs_epi32(a, b), _mm256_packs_epi32(c, d));
        _mm256_storeu_si256((__m256i *) (q + i), _mm256_xor_si256(_mm256_permutevar8x32_epi32(abcd, order), flip));
    }
    return s;
}

// AVX-512 VNNI: a tile of NB blocks of 16 rows (NB 1 or 2) by NT tokens (1 to 8), its sums kept in
// registers (the count of tokens is a template argument: with a count known only at run time, GCC
// kept the sums on the stack), written out scaled: out row t, columns r0 to r0 + 16*NB. The scaling
// is the scalar path's, in the same order ((float) sum * token scale * row scale), so every path
// writes the same floats.
template <int NT, int NB>
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static inline void mahdar_tile_avx512vnni(const int8_t * a, const int8_t * w, const mahdar_i8_matrix * m, int64_t r0,
                                          const float * xs, char * out, size_t out_stride) {
    const int64_t cols = m->cols;
    __m512i s[NB][NT];
#pragma GCC unroll 16
    for (int b = 0; b < NB; ++b) {
#pragma GCC unroll 16
        for (int t = 0; t < NT; ++t) s[b][t] = _mm512_setzero_si512();
    }
    for (int64_t k4 = 0; k4 < cols/4; ++k4) {
        __m512i wv[NB];
#pragma GCC unroll 2
        for (int b = 0; b < NB; ++b) wv[b] = _mm512_loadu_si512((const void *) (w + b*16*cols + k4*64));
#pragma GCC unroll 8
        for (int t = 0; t < NT; ++t) {
            int32_t xv;
            memcpy(&xv, a + t*cols + k4*4, 4);
            const __m512i x = _mm512_set1_epi32(xv);
#pragma GCC unroll 2
            for (int b = 0; b < NB; ++b) s[b][t] = _mm512_dpbusd_epi32(s[b][t], x, wv[b]);
        }
    }
#pragma GCC unroll 2
    for (int b = 0; b < NB; ++b) {
        const int64_t r = r0 + 16*b;
        const int64_t left = m->rows - r;
        if (left <= 0) break;
        const __mmask16 keep = left >= 16 ? (__mmask16) 0xFFFF : (__mmask16) ((1u << left) - 1);
        const __m512i off = _mm512_slli_epi32(_mm512_maskz_loadu_epi32(keep, m->sum.data() + r), 7); // 128 * sum
        const __m512  sc  = _mm512_maskz_loadu_ps(keep, m->scale.data() + r);
#pragma GCC unroll 8
        for (int t = 0; t < NT; ++t) {
            const __m512 d = _mm512_cvtepi32_ps(_mm512_sub_epi32(s[b][t], off));
            _mm512_mask_storeu_ps((float *) (out + t*out_stride) + r, keep, _mm512_mul_ps(_mm512_mul_ps(d, _mm512_set1_ps(xs[t])), sc));
        }
    }
}

template <int NB>
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static void mahdar_tiles_avx512vnni(int nt, const int8_t * a, const int8_t * w, const mahdar_i8_matrix * m, int64_t r0,
                                    const float * xs, char * out, size_t out_stride) {
    switch (nt) {
        case 1: mahdar_tile_avx512vnni<1, NB>(a, w, m, r0, xs, out, out_stride); break;
        case 2: mahdar_tile_avx512vnni<2, NB>(a, w, m, r0, xs, out, out_stride); break;
        case 3: mahdar_tile_avx512vnni<3, NB>(a, w, m, r0, xs, out, out_stride); break;
        case 4: mahdar_tile_avx512vnni<4, NB>(a, w, m, r0, xs, out, out_stride); break;
        case 5: mahdar_tile_avx512vnni<5, NB>(a, w, m, r0, xs, out, out_stride); break;
        case 6: mahdar_tile_avx512vnni<6, NB>(a, w, m, r0, xs, out, out_stride); break;
        case 7: mahdar_tile_avx512vnni<7, NB>(a, w, m, r0, xs, out, out_stride); break;
        default: mahdar_tile_avx512vnni<8, NB>(a, w, m, r0, xs, out, out_stride); break;
    }
}

// Blocks b0 to b1 of m against n_tok tokens (quantised in xq, their scales in xs), into rows of floats
// out_stride bytes apart from out0.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static void mahdar_rows_avx512vnni(const mahdar_i8_matrix * m, const int8_t * xq, const float * xs, int64_t n_tok,
                                   int64_t b0, int64_t b1, char * out0, size_t out_stride) {
    const int64_t cols = m->cols;
    for (int64_t b = b0; b < b1; ) {
        const bool pair = b + 1 < b1;
        const int8_t * w = m->q.data() + b*16*cols;
        for (int64_t t0 = 0; t0 < n_tok; t0 += 8) {
            const int nt = (int) std::min<int64_t>(8, n_tok - t0);
            char * out = out0 + t0*out_stride;
            if (pair) mahdar_tiles_avx512vnni<2>(nt, xq + t0*cols, w, m, b*16, xs + t0, out, out_stride);
            else      mahdar_tiles_avx512vnni<1>(nt, xq + t0*cols, w, m, b*16, xs + t0, out, out_stride);
        }
        b += pair ? 2 : 1;
    }
}

// The AVX-VNNI and AVX2 kernels: a, the activations of n_tok (at most 8) tokens, a_stride bytes
// apart; w, a block of 16 weight rows. acc[16*t + j]: the dot product of token t with row j, over
// cols columns. Their sums stay in an array (on the stack); templated on the token count as the
// AVX-512 kernel is, they were no faster on this Zen 4 running AVX2 code (1.28-1.31 against
// 1.30-1.38 s an encoder window), and no AVX2-only CPU was at hand to measure.
__attribute__((target("avx2,avxvnni")))
static void mahdar_block_avxvnni(const int8_t * a, int64_t a_stride, int n_tok, const int8_t * w, int64_t cols, int32_t * acc) {
    __m256i lo[8], hi[8];
    for (int t = 0; t < 8; ++t) { lo[t] = _mm256_setzero_si256(); hi[t] = _mm256_setzero_si256(); }
    for (int64_t k4 = 0; k4 < cols/4; ++k4) {
        const __m256i w0 = _mm256_loadu_si256((const __m256i *) (w + k4*64));
        const __m256i w1 = _mm256_loadu_si256((const __m256i *) (w + k4*64 + 32));
        for (int t = 0; t < n_tok; ++t) {
            int32_t xv;
            memcpy(&xv, a + t*a_stride + k4*4, 4);
            const __m256i x = _mm256_set1_epi32(xv);
            lo[t] = _mm256_dpbusd_avx_epi32(lo[t], x, w0);
            hi[t] = _mm256_dpbusd_avx_epi32(hi[t], x, w1);
        }
    }
    for (int t = 0; t < n_tok; ++t) {
        _mm256_storeu_si256((__m256i *) (acc + 16*t), lo[t]);
        _mm256_storeu_si256((__m256i *) (acc + 16*t + 8), hi[t]);
    }
}

// Without VNNI: maddubs multiplies unsigned by signed bytes and saturates pairs at 16 bits, so the
// activations go in signed and the weights' signs move onto them: |w| * (x * sign(w)), at most
// 127 * 127 * 2 a pair. The sums are the same integers as the VNNI paths' after their offset.
__attribute__((target("avx2")))
static void mahdar_block_avx2(const int8_t * a, int64_t a_stride, int n_tok, const int8_t * w, int64_t cols, int32_t * acc) {
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i lo[8], hi[8];
    for (int t = 0; t < 8; ++t) { lo[t] = _mm256_setzero_si256(); hi[t] = _mm256_setzero_si256(); }
    for (int64_t k4 = 0; k4 < cols/4; ++k4) {
        const __m256i w0 = _mm256_loadu_si256((const __m256i *) (w + k4*64));
        const __m256i w1 = _mm256_loadu_si256((const __m256i *) (w + k4*64 + 32));
        const __m256i a0 = _mm256_sign_epi8(w0, w0);
        const __m256i a1 = _mm256_sign_epi8(w1, w1);
        for (int t = 0; t < n_tok; ++t) {
            int32_t xv;
            memcpy(&xv, a + t*a_stride + k4*4, 4);
            const __m256i x = _mm256_set1_epi32(xv);
            lo[t] = _mm256_add_epi32(lo[t], _mm256_madd_epi16(_mm256_maddubs_epi16(a0, _mm256_sign_epi8(x, w0)), ones));
            hi[t] = _mm256_add_epi32(hi[t], _mm256_madd_epi16(_mm256_maddubs_epi16(a1, _mm256_sign_epi8(x, w1)), ones));
        }
    }
    for (int t = 0; t < n_tok; ++t) {
        _mm256_storeu_si256((__m256i *) (acc + 16*t), lo[t]);
        _mm256_storeu_si256((__m256i *) (acc + 16*t + 8), hi[t]);
    }
}

// The custom op: dst = w x src[0], as ggml_mul_mat gives it.
static void mahdar_i8_mul_mat(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const auto * m = (const mahdar_i8_matrix *) userdata;
    const struct ggml_tensor * x = dst->src[0];
    const int64_t cols  = m->cols;
    const int64_t rows  = m->rows;
    const int64_t n_tok = x->ne[1];
    const mahdar_i8_isa isa = mahdar_i8_isa_now();
    const bool offset = isa != MAHDAR_I8_AVX2;
    const int64_t n_blocks = (rows + 15)/16;

    // Who does what. The decoder's few tokens: every thread scales them all (cheaper than waiting
    // on the others) and takes its share of the rows. The encoder's 1,500 frames: every thread
    // scales and multiplies its own share of them, by all the rows.
    int64_t t_begin = 0, t_end = n_tok, b0 = 0, b1 = n_blocks;
    if (n_tok >= 64) {
        const int64_t per = ((n_tok + nth - 1)/nth + 7)/8*8;
        t_begin = std::min(n_tok, per*ith);
        t_end   = std::min(n_tok, t_begin + per);
    } else {
        const int64_t per = (n_blocks + nth - 1)/nth;
        b0 = std::min(n_blocks, per*ith);
        b1 = std::min(n_blocks, b0 + per);
    }
    const int64_t n_mine = t_end - t_begin;
    if (n_mine <= 0 || b0 >= b1) return;

    thread_local std::vector<int8_t> xq;
    thread_local std::vector<float>  xs;
    xq.resize(n_mine*cols);
    xs.resize(n_mine);
    for (int64_t t = 0; t < n_mine; ++t) {
        xs[t] = mahdar_quantize_row((const float *) ((const char *) x->data + (t_begin + t)*x->nb[1]), xq.data() + t*cols, cols, offset);
    }
    char * out0 = (char *) dst->data + t_begin*dst->nb[1];

    if (isa == MAHDAR_I8_AVX512VNNI) {
        mahdar_rows_avx512vnni(m, xq.data(), xs.data(), n_mine, b0, b1, out0, dst->nb[1]);
        return;
    }
    int32_t acc[8*16];
    for (int64_t b = b0; b < b1; ++b) {
        const int8_t * w = m->q.data() + b*16*cols;
        for (int64_t t0 = 0; t0 < n_mine; t0 += 8) {
            const int nt = (int) std::min<int64_t>(8, n_mine - t0);
            const int8_t * a = xq.data() + t0*cols;
            switch (isa) {
                case MAHDAR_I8_AVXVNNI:    mahdar_block_avxvnni(a, cols, nt, w, cols, acc); break;
                default:                   mahdar_block_avx2(a, cols, nt, w, cols, acc); break;
            }
            for (int t = 0; t < nt; ++t) {
                float * out = (float *) (out0 + (t0 + t)*dst->nb[1]);
                const float st = xs[t0 + t];
                for (int j = 0; j < 16; ++j) {
                    const int64_t r = b*16 + j;
                    if (r >= rows) break;
                    const int32_t d = acc[16*t + j] - (offset ? 128*m->sum[r] : 0);
                    out[r] = (float) d * st * m->scale[r];
                }
            }
        }
    }
}

// A weight row (f16 or f32) by a token's activations, in f32: the logits' exact values.
__attribute__((target("avx2,fma,f16c")))
static float mahdar_dot_row(const ggml_tensor * w, int64_t r, const float * x, int64_t n) {
    const char * src = (const char *) w->data + r*w->nb[1];
    __m256 s0 = _mm256_setzero_ps();
    __m256 s1 = _mm256_setzero_ps();
    for (int64_t i = 0; i < n; i += 16) {
        __m256 w0, w1;
        if (w->type == GGML_TYPE_F16) {
            w0 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *) (src + 2*i)));
            w1 = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *) (src + 2*i + 16)));
        } else {
            w0 = _mm256_loadu_ps((const float *) src + i);
            w1 = _mm256_loadu_ps((const float *) src + i + 8);
        }
        s0 = _mm256_fmadd_ps(w0, _mm256_loadu_ps(x + i), s0);
        s1 = _mm256_fmadd_ps(w1, _mm256_loadu_ps(x + i + 8), s1);
    }
    const __m256 s = _mm256_add_ps(s0, s1);
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_movehdup_ps(h));
    return _mm_cvtss_f32(h);
}

// How far below a token's best text logit (in nats: a probability e^-10 of the best's) the int8
// values are replaced by exact ones, and at most how many rows (the best of them): beam search
// ranks its candidates from these rows, and the int8 error (up to about a nat, measured) cannot
// reorder them. MAHDAR_LOGITS_NEAR and MAHDAR_LOGITS_SAMPLE change the distance and the sample's
// spacing (below) for the measurements that chose them (docs/engine.md).
static float mahdar_logits_near() {
    static const float near = [] {
        const char * v = std::getenv("MAHDAR_LOGITS_NEAR");
        return v != nullptr && std::atof(v) > 0.0 ? (float) std::atof(v) : 10.0f;
    }();
    return near;
}
static const size_t MAHDAR_LOGITS_EXACT_MOST = 2048;
static const int64_t MAHDAR_LOGITS_SAMPLE_EVERY = [] {
    const char * v = std::getenv("MAHDAR_LOGITS_SAMPLE");
    return v != nullptr && std::atoi(v) > 0 ? (int64_t) std::atoi(v) : (int64_t) 64;
}();

// The second half of the logits: dst = src[0] (the int8 logits), corrected by what a sample of
// rows shows, with the rows near the best, the sample and the timestamps recomputed from the
// weights and src[1] (the activations). Threads take tokens in turn.
static void mahdar_i8_rescore(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const auto * L = (const mahdar_i8_logits *) userdata;
    const struct ggml_tensor * approx = dst->src[0];
    const struct ggml_tensor * x = dst->src[1];
    const int64_t rows  = L->m->rows;
    const int64_t cols  = L->m->cols;
    const int64_t text  = std::min(rows, L->exact_from);
    const float   near  = mahdar_logits_near();
    thread_local std::vector<int32_t> chosen;
    thread_local std::vector<float>   sampled;
    for (int64_t t = ith; t < x->ne[1]; t += nth) {
        const float * a  = (const float *) ((const char *) approx->data + t*approx->nb[1]);
        const float * xt = (const float *) ((const char *) x->data + t*x->nb[1]);
        float * out = (float *) ((char *) dst->data + t*dst->nb[1]);
        float best = -INFINITY;
        for (int64_t r = 0; r < text; ++r) best = std::max(best, a[r]);
        // The rows left in int8 (most of the 51,865) each carry a small error n, and the softmax sums
        // exp(logit + n) over all of them: that sum is off by the factor mean(exp(n)), which is not
        // 1 (the errors share a part, and exp is convex). A fixed sample of rows, every
        // MAHDAR_LOGITS_SAMPLE_EVERY-th, is recomputed to measure that factor, which is taken back
        // out of every int8 row; then the rows that must be exact are written over them.
        sampled.clear();
        double factor = 0.0;
        for (int64_t r = 0; r < text; r += MAHDAR_LOGITS_SAMPLE_EVERY) {
            sampled.push_back(mahdar_dot_row(L->w, r, xt, cols));
            factor += std::exp((double) (a[r] - sampled.back()));
        }
        const float shift = sampled.empty() ? 0.0f : (float) std::log(factor/(double) sampled.size());
        chosen.clear();
        for (int64_t r = 0; r < text; ++r) {
            out[r] = a[r] - shift;
            if (a[r] >= best - near) chosen.push_back((int32_t) r);
        }
        if (chosen.size() > MAHDAR_LOGITS_EXACT_MOST) {
            std::nth_element(chosen.begin(), chosen.begin() + MAHDAR_LOGITS_EXACT_MOST, chosen.end(),
                [a](int32_t i, int32_t j) { return a[i] > a[j]; });
            chosen.resize(MAHDAR_LOGITS_EXACT_MOST);
        }
        for (const int32_t r : chosen) out[r] = mahdar_dot_row(L->w, r, xt, cols);
        for (size_t i = 0; i < sampled.size(); ++i) out[i*MAHDAR_LOGITS_SAMPLE_EVERY] = sampled[i];
        for (int64_t r = text; r < rows; ++r) out[r] = mahdar_dot_row(L->w, r, xt, cols);
    }
}

static mahdar_i8_matrix * mahdar_i8_weights(mahdar_i8_store & store, const struct ggml_tensor * w) {
    std::lock_guard<std::mutex> lock(store.mutex);
    auto & slot = store.matrices[w];
    if (slot) return slot.get();
    auto made = std::make_unique<mahdar_i8_matrix>();
    made->rows = w->ne[1];
    made->cols = w->ne[0];
    made->q.assign(((made->rows + 15)/16)*16*made->cols, 0);
    made->scale.assign(made->rows, 0.0f);
    made->sum.assign(made->rows, 0);
    std::vector<float>  row(made->cols);
    std::vector<int8_t> qrow(made->cols);
    for (int64_t r = 0; r < made->rows; ++r) {
        const char * src = (const char *) w->data + r*w->nb[1];
        if (w->type == GGML_TYPE_F16) {
            ggml_fp16_to_fp32_row((const ggml_fp16_t *) src, row.data(), made->cols);
        } else if (w->type == GGML_TYPE_F32) {
            memcpy(row.data(), src, made->cols*sizeof(float));
        } else {
            ggml_get_type_traits(w->type)->to_float(src, row.data(), made->cols);
        }
        made->scale[r] = mahdar_quantize_row(row.data(), qrow.data(), made->cols, false);
        int8_t * q = made->q.data() + (r/16)*16*made->cols + (r%16)*4;
        int32_t sum = 0;
        for (int64_t i = 0; i < made->cols; ++i) {
            q[(i/4)*64 + i%4] = qrow[i];
            sum += qrow[i];
        }
        made->sum[r] = sum;
    }
    slot = std::move(made);
    return slot.get();
}
#endif

#ifdef MAHDAR_I8_X86
// Weights in f16, f32, or a quantised type ggml can unpack a row of (q5_0, q8_0...: the int8 copy
// is made from the unpacked row, as from f16).
static bool mahdar_i8_fits(const struct ggml_tensor * w, const struct ggml_tensor * cur) {
    return mahdar_i8_isa_now() != MAHDAR_I8_NONE
        && (w->type == GGML_TYPE_F16 || w->type == GGML_TYPE_F32
            || (ggml_is_quantized(w->type) && ggml_get_type_traits(w->type)->to_float != nullptr))
        && ggml_n_dims(w) == 2 && w->ne[0] % 64 == 0
        && w->buffer != nullptr && ggml_backend_buffer_is_host(w->buffer) && w->data != nullptr
        && cur->type == GGML_TYPE_F32 && ggml_is_contiguous(cur) && cur->ne[0] == w->ne[0]
        && cur->ne[2] == 1 && cur->ne[3] == 1;
}

static struct ggml_tensor * mahdar_i8_product(struct ggml_context * ctx0, mahdar_i8_matrix * m, struct ggml_tensor * cur) {
    struct ggml_tensor * args[1] = { cur };
    return ggml_custom_4d(ctx0, GGML_TYPE_F32, m->rows, cur->ne[1], 1, 1, args, 1, mahdar_i8_mul_mat, GGML_N_TASKS_MAX, m);
}
#endif

// w x cur, in int8 where the CPU, the weights' type and the shapes allow; ggml's product otherwise.
static struct ggml_tensor * mahdar_mul_mat(struct ggml_context * ctx0, mahdar_i8_store & store, struct ggml_tensor * w, struct ggml_tensor * cur) {
#ifdef MAHDAR_I8_X86
    if (mahdar_i8_fits(w, cur)) return mahdar_i8_product(ctx0, mahdar_i8_weights(store, w), cur);
#else
    (void) store;
#endif
    return ggml_mul_mat(ctx0, w, cur);
}

// The logits, w (the vocabulary) x cur: in int8, then the rows that decide the next token
// recomputed exactly (mahdar_i8_rescore); rows from exact_from on are always exact. With the
// int8 values alone the tune set's WER was about a point worse (docs/engine.md).
// MAHDAR_INT8_LOGITS=off keeps ggml's product (for comparisons).
static struct ggml_tensor * mahdar_logits(struct ggml_context * ctx0, mahdar_i8_store & store, struct ggml_tensor * w, struct ggml_tensor * cur, int64_t exact_from) {
#ifdef MAHDAR_I8_X86
    // the exact rows are read from the weights as they are: f16 or f32 only (mahdar_dot_row)
    if (mahdar_i8_logits_on() && (w->type == GGML_TYPE_F16 || w->type == GGML_TYPE_F32) && mahdar_i8_fits(w, cur)) {
        mahdar_i8_matrix * m = mahdar_i8_weights(store, w);
        mahdar_i8_logits * L;
        {
            std::lock_guard<std::mutex> lock(store.mutex);
            auto & slot = store.logits[w];
            if (!slot) slot = std::make_unique<mahdar_i8_logits>();
            slot->m = m;
            slot->w = w;
            slot->exact_from = exact_from;
            L = slot.get();
        }
        struct ggml_tensor * args[2] = { mahdar_i8_product(ctx0, m, cur), cur };
        return ggml_custom_4d(ctx0, GGML_TYPE_F32, w->ne[1], cur->ne[1], 1, 1, args, 2, mahdar_i8_rescore, GGML_N_TASKS_MAX, L);
    }
#else
    (void) store;
    (void) exact_from;
#endif
    return ggml_mul_mat(ctx0, w, cur);
}

// The encoder's weight products in int8 too, unless MAHDAR_INT8_ENCODER=off (benches' comparisons).
// Not the cross-attention's keys and values (made from the encoder's output once a window): in
// int8 as well, the tune set's WER went from 0.598 to 0.611 with a repetition loop.
static bool mahdar_i8_encoder_on() {
    static const bool on = [] {
        const char * want = std::getenv("MAHDAR_INT8_ENCODER");
        return mahdar_i8_isa_now() != MAHDAR_I8_NONE && !(want != nullptr && std::string(want) == "off");
    }();
    return on;
}

static struct ggml_tensor * mahdar_encoder_mul_mat(struct ggml_context * ctx0, mahdar_i8_store & store, struct ggml_tensor * w, struct ggml_tensor * cur) {
    if (mahdar_i8_encoder_on()) return mahdar_mul_mat(ctx0, store, w, cur);
    return ggml_mul_mat(ctx0, w, cur);
}
