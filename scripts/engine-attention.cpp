// mahdar: the encoder's self-attention on an x86 CPU with AVX2 or AVX-512 (inserted into whisper.cpp by
// scripts/engine-source.mjs after scripts/engine-int8.cpp; not compiled on its own).
// docs/engine.md, "The encoder in int8, and its attention in one pass a head".
//
// Why: once the encoder's weight products were int8, ggml's flash attention was most of what was
// left of an encoder window on one core (base: about 0.7 of 1.2 s). Its tiled CPU kernel converts a
// 64-frame tile of keys (transposed, one value at a time) and of values from f16 for every tile of
// 64 queries: each key is converted 24 times a window. Here a head's keys are transposed once per
// thread, in f32 as the encoder made them (no f16 cache), the scores of 16 queries against all the
// frames are computed, put through an exact softmax (its maximum first, not the online one), and
// multiplied by the values. Whisper's heads are all 64 wide; other widths, other CPUs and
// MAHDAR_ATTENTION=off keep whisper.cpp's path; MAHDAR_ATTENTION=avx2 takes the AVX2 kernel on an
// AVX-512 CPU (benches).
static const int MAHDAR_ATT_HEAD = 64; // a head's width, in every Whisper model
static const int MAHDAR_ATT_ROWS = 16; // queries a task scores at once (their scores: 16 x frames floats)

#ifdef MAHDAR_I8_X86
enum mahdar_att_isa { MAHDAR_ATT_NONE, MAHDAR_ATT_AVX2, MAHDAR_ATT_AVX512 };

static mahdar_att_isa mahdar_att_isa_now() {
    static const mahdar_att_isa isa = [] {
        const char * want = std::getenv("MAHDAR_ATTENTION");
        const std::string w = want != nullptr ? want : "";
        if (w == "off") return MAHDAR_ATT_NONE;
        __builtin_cpu_init();
        const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        if (w != "avx2" && __builtin_cpu_supports("avx512f")) return MAHDAR_ATT_AVX512;
        return avx2 ? MAHDAR_ATT_AVX2 : MAHDAR_ATT_NONE;
    }();
    return isa;
}
#endif

static bool mahdar_attention_on() {
#ifdef MAHDAR_I8_X86
    return mahdar_att_isa_now() != MAHDAR_ATT_NONE;
#else
    return false;
#endif
}

#ifdef MAHDAR_I8_X86
// One task: MAHDAR_ATT_ROWS queries of one head. q[i]: query i's 64 values (rows past the last
// query repeat it; their results are not written); kt: the head's keys transposed, kt[d*frames + f],
// zeros past n_ctx; v: the values, row f at v + f*v_stride floats; s: room for the scores;
// out[i]: where query i's 64 results go.
struct mahdar_att_task {
    const float * q[MAHDAR_ATT_ROWS];
    float * out[MAHDAR_ATT_ROWS];
    int rows;              // real queries in this task
    const float * kt;
    const float * v;
    int64_t v_stride;
    float * s;
    int64_t n_ctx;
    int64_t frames;        // n_ctx rounded up to 64
    float scale;
    float pad;             // keys of zeros whisper.cpp's flash attention counts (see below)
};

// whisper.cpp's flash attention reads its cache up to a multiple of 256 frames without a mask: 36
// keys of zeros for 1,500 frames, whose weights join the sum. Without them the WER was a point
// worse on both sets (msa-read 0.645 against 0.632, the tune set 0.611 against 0.599), so they are
// counted here too: pad*exp(-max*scale) in each row's sum.

// A row's sum from its 16 lanes (lane l: the frames f with f % 16 == l), in one order for both
// kernels, so that they write the same floats.
static inline float mahdar_att_lanes_sum(const float * lanes) {
    float half[8];
    for (int l = 0; l < 8; ++l) half[l] = lanes[l] + lanes[l + 8];
    for (int l = 0; l < 4; ++l) half[l] += half[l + 4];
    return (half[0] + half[2]) + (half[1] + half[3]);
}

// exp(x) for x <= 0, as Cephes' expf: 2^n times a polynomial in x - n ln 2. Relative error about 1e-7.
__attribute__((target("avx512f")))
static inline __m512 mahdar_exp512(__m512 x) {
    x = _mm512_max_ps(x, _mm512_set1_ps(-87.0f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(p, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    return _mm512_scalef_ps(p, n);
}

__attribute__((target("avx2,fma")))
static inline __m256 mahdar_exp256(__m256 x) {
    x = _mm256_max_ps(x, _mm256_set1_ps(-87.0f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

__attribute__((target("avx512f")))
static void mahdar_att_task_avx512(const mahdar_att_task & t) {
    // scores: 4 queries by 64 frames at a time
    for (int i0 = 0; i0 < MAHDAR_ATT_ROWS; i0 += 4) {
        for (int64_t f = 0; f < t.frames; f += 64) {
            __m512 acc[4][4];
            for (int i = 0; i < 4; ++i) for (int j = 0; j < 4; ++j) acc[i][j] = _mm512_setzero_ps();
            for (int d = 0; d < MAHDAR_ATT_HEAD; ++d) {
                const float * kd = t.kt + d*t.frames + f;
                const __m512 k0 = _mm512_loadu_ps(kd), k1 = _mm512_loadu_ps(kd + 16), k2 = _mm512_loadu_ps(kd + 32), k3 = _mm512_loadu_ps(kd + 48);
                for (int i = 0; i < 4; ++i) {
                    const __m512 qd = _mm512_set1_ps(t.q[i0 + i][d]);
                    acc[i][0] = _mm512_fmadd_ps(qd, k0, acc[i][0]);
                    acc[i][1] = _mm512_fmadd_ps(qd, k1, acc[i][1]);
                    acc[i][2] = _mm512_fmadd_ps(qd, k2, acc[i][2]);
                    acc[i][3] = _mm512_fmadd_ps(qd, k3, acc[i][3]);
                }
            }
            for (int i = 0; i < 4; ++i) for (int j = 0; j < 4; ++j) _mm512_storeu_ps(t.s + (i0 + i)*t.frames + f + 16*j, acc[i][j]);
        }
    }
    // each row's softmax over the n_ctx real frames (the weights of the rest are 0)
    float inv_sum[MAHDAR_ATT_ROWS];
    for (int i = 0; i < MAHDAR_ATT_ROWS; ++i) {
        float * row = t.s + i*t.frames;
        for (int64_t f = t.n_ctx; f < t.frames; ++f) row[f] = -INFINITY;
        __m512 m = _mm512_set1_ps(-INFINITY);
        for (int64_t f = 0; f < t.frames; f += 16) m = _mm512_max_ps(m, _mm512_loadu_ps(row + f));
        float lanes[16];
        _mm512_storeu_ps(lanes, m);
        float mx = lanes[0];
        for (int l = 1; l < 16; ++l) mx = std::max(mx, lanes[l]);
        const __m512 mv = _mm512_set1_ps(mx), sc = _mm512_set1_ps(t.scale);
        __m512 sum = _mm512_setzero_ps();
        for (int64_t f = 0; f < t.frames; f += 16) {
            const __m512 p = mahdar_exp512(_mm512_mul_ps(_mm512_sub_ps(_mm512_loadu_ps(row + f), mv), sc));
            _mm512_storeu_ps(row + f, p);
            sum = _mm512_add_ps(sum, p);
        }
        _mm512_storeu_ps(lanes, sum);
        inv_sum[i] = 1.0f/(mahdar_att_lanes_sum(lanes) + t.pad*expf(-mx*t.scale));
    }
    // weights by values: 4 queries by the head's 64 values at a time
    for (int i0 = 0; i0 < t.rows; i0 += 4) {
        __m512 acc[4][4];
        for (int i = 0; i < 4; ++i) for (int j = 0; j < 4; ++j) acc[i][j] = _mm512_setzero_ps();
        for (int64_t f = 0; f < t.n_ctx; ++f) {
            const float * vf = t.v + f*t.v_stride;
            const __m512 v0 = _mm512_loadu_ps(vf), v1 = _mm512_loadu_ps(vf + 16), v2 = _mm512_loadu_ps(vf + 32), v3 = _mm512_loadu_ps(vf + 48);
            for (int i = 0; i < 4; ++i) {
                const __m512 p = _mm512_set1_ps(t.s[(i0 + i)*t.frames + f]);
                acc[i][0] = _mm512_fmadd_ps(p, v0, acc[i][0]);
                acc[i][1] = _mm512_fmadd_ps(p, v1, acc[i][1]);
                acc[i][2] = _mm512_fmadd_ps(p, v2, acc[i][2]);
                acc[i][3] = _mm512_fmadd_ps(p, v3, acc[i][3]);
            }
        }
        for (int i = 0; i < 4 && i0 + i < t.rows; ++i) {
            const __m512 w = _mm512_set1_ps(inv_sum[i0 + i]);
            for (int j = 0; j < 4; ++j) _mm512_storeu_ps(t.out[i0 + i] + 16*j, _mm512_mul_ps(acc[i][j], w));
        }
    }
}

// The same with 8-float vectors and 16 registers: tiles of 4 queries by 16 frames, then of 2
// queries by 32 values. Every sum is taken in the AVX-512 kernel's order (each lane's products
// one after another, the rows' sums by mahdar_att_lanes_sum), so both write the same floats.
__attribute__((target("avx2,fma")))
static void mahdar_att_task_avx2(const mahdar_att_task & t) {
    for (int i0 = 0; i0 < MAHDAR_ATT_ROWS; i0 += 4) {
        for (int64_t f = 0; f < t.frames; f += 16) {
            __m256 acc[4][2];
            for (int i = 0; i < 4; ++i) for (int j = 0; j < 2; ++j) acc[i][j] = _mm256_setzero_ps();
            for (int d = 0; d < MAHDAR_ATT_HEAD; ++d) {
                const float * kd = t.kt + d*t.frames + f;
                const __m256 k0 = _mm256_loadu_ps(kd), k1 = _mm256_loadu_ps(kd + 8);
                for (int i = 0; i < 4; ++i) {
                    const __m256 qd = _mm256_broadcast_ss(t.q[i0 + i] + d);
                    acc[i][0] = _mm256_fmadd_ps(qd, k0, acc[i][0]);
                    acc[i][1] = _mm256_fmadd_ps(qd, k1, acc[i][1]);
                }
            }
            for (int i = 0; i < 4; ++i) for (int j = 0; j < 2; ++j) _mm256_storeu_ps(t.s + (i0 + i)*t.frames + f + 8*j, acc[i][j]);
        }
    }
    float inv_sum[MAHDAR_ATT_ROWS];
    for (int i = 0; i < MAHDAR_ATT_ROWS; ++i) {
        float * row = t.s + i*t.frames;
        for (int64_t f = t.n_ctx; f < t.frames; ++f) row[f] = -INFINITY;
        __m256 m = _mm256_set1_ps(-INFINITY);
        for (int64_t f = 0; f < t.frames; f += 8) m = _mm256_max_ps(m, _mm256_loadu_ps(row + f));
        float lanes[8];
        _mm256_storeu_ps(lanes, m);
        float mx = lanes[0];
        for (int l = 1; l < 8; ++l) mx = std::max(mx, lanes[l]);
        const __m256 mv = _mm256_set1_ps(mx), sc = _mm256_set1_ps(t.scale);
        __m256 sum0 = _mm256_setzero_ps(), sum1 = _mm256_setzero_ps();
        for (int64_t f = 0; f < t.frames; f += 16) {
            const __m256 p0 = mahdar_exp256(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(row + f), mv), sc));
            const __m256 p1 = mahdar_exp256(_mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(row + f + 8), mv), sc));
            _mm256_storeu_ps(row + f, p0);
            _mm256_storeu_ps(row + f + 8, p1);
            sum0 = _mm256_add_ps(sum0, p0);
            sum1 = _mm256_add_ps(sum1, p1);
        }
        float sums[16];
        _mm256_storeu_ps(sums, sum0);
        _mm256_storeu_ps(sums + 8, sum1);
        inv_sum[i] = 1.0f/(mahdar_att_lanes_sum(sums) + t.pad*expf(-mx*t.scale));
    }
    for (int i0 = 0; i0 < t.rows; i0 += 2) {
        for (int d0 = 0; d0 < MAHDAR_ATT_HEAD; d0 += 32) {
            __m256 acc[2][4];
            for (int i = 0; i < 2; ++i) for (int j = 0; j < 4; ++j) acc[i][j] = _mm256_setzero_ps();
            for (int64_t f = 0; f < t.n_ctx; ++f) {
                const float * vf = t.v + f*t.v_stride + d0;
                const __m256 v0 = _mm256_loadu_ps(vf), v1 = _mm256_loadu_ps(vf + 8), v2 = _mm256_loadu_ps(vf + 16), v3 = _mm256_loadu_ps(vf + 24);
                for (int i = 0; i < 2; ++i) {
                    const __m256 p = _mm256_broadcast_ss(t.s + (i0 + i)*t.frames + f);
                    acc[i][0] = _mm256_fmadd_ps(p, v0, acc[i][0]);
                    acc[i][1] = _mm256_fmadd_ps(p, v1, acc[i][1]);
                    acc[i][2] = _mm256_fmadd_ps(p, v2, acc[i][2]);
                    acc[i][3] = _mm256_fmadd_ps(p, v3, acc[i][3]);
                }
            }
            for (int i = 0; i < 2 && i0 + i < t.rows; ++i) {
                const __m256 w = _mm256_set1_ps(inv_sum[i0 + i]);
                for (int j = 0; j < 4; ++j) _mm256_storeu_ps(t.out[i0 + i] + d0 + 8*j, _mm256_mul_ps(acc[i][j], w));
            }
        }
    }
}

// dst (n_state x n_ctx, a frame's heads side by side, as whisper.cpp's attention leaves them) =
// softmax(scale Q K^T) V for every head. src: Q, K, V, each n_state x n_ctx in f32. Threads take
// consecutive tasks (a head's blocks of queries), so each transposes a head's keys once.
static void mahdar_encoder_attention_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    const int n_head = (int) (intptr_t) userdata;
    const struct ggml_tensor * q = dst->src[0];
    const struct ggml_tensor * k = dst->src[1];
    const struct ggml_tensor * v = dst->src[2];
    const mahdar_att_isa isa = mahdar_att_isa_now();
    const int64_t n_ctx  = q->ne[1];
    const int64_t frames = GGML_PAD(n_ctx, 64);
    const int64_t blocks = (n_ctx + MAHDAR_ATT_ROWS - 1)/MAHDAR_ATT_ROWS;
    const int64_t tasks  = n_head*blocks;
    const int64_t per    = (tasks + nth - 1)/nth;
    const int64_t first  = std::min(tasks, per*ith);
    const int64_t last   = std::min(tasks, first + per);

    thread_local std::vector<float> kt;
    thread_local std::vector<float> s;
    kt.resize(MAHDAR_ATT_HEAD*frames);
    s.resize(MAHDAR_ATT_ROWS*frames);
    int transposed = -1;

    mahdar_att_task t;
    t.kt = kt.data();
    t.s = s.data();
    t.v_stride = v->nb[1]/sizeof(float);
    t.n_ctx = n_ctx;
    t.frames = frames;
    t.scale = 1.0f/sqrtf((float) MAHDAR_ATT_HEAD);
    t.pad = (float) (GGML_PAD(n_ctx, 256) - n_ctx); // whisper_build_graph_encoder's n_ctx_pad, less n_ctx
    for (int64_t task = first; task < last; ++task) {
        const int h = (int) (task/blocks);
        const int64_t r0 = (task%blocks)*MAHDAR_ATT_ROWS;
        const int64_t hoff = (int64_t) h*MAHDAR_ATT_HEAD;
        if (transposed != h) {
            for (int64_t f = 0; f < frames; ++f) {
                const float * kr = (const float *) ((const char *) k->data + std::min(f, n_ctx - 1)*k->nb[1]) + hoff;
                for (int d = 0; d < MAHDAR_ATT_HEAD; ++d) kt[d*frames + f] = f < n_ctx ? kr[d] : 0.0f;
            }
            transposed = h;
        }
        t.rows = (int) std::min<int64_t>(MAHDAR_ATT_ROWS, n_ctx - r0);
        for (int i = 0; i < MAHDAR_ATT_ROWS; ++i) {
            const int64_t r = std::min(r0 + i, n_ctx - 1);
            t.q[i]   = (const float *) ((const char *) q->data + r*q->nb[1]) + hoff;
            t.out[i] = (float *) ((char *) dst->data + r*dst->nb[1]) + hoff;
        }
        t.v = (const float *) v->data + hoff;
        if (isa == MAHDAR_ATT_AVX512) mahdar_att_task_avx512(t);
        else                          mahdar_att_task_avx2(t);
    }
}
#endif

// The encoder's attention: this file's op where it applies, nullptr for whisper.cpp's own path.
static struct ggml_tensor * mahdar_encoder_attention(struct ggml_context * ctx0, struct ggml_tensor * q, struct ggml_tensor * k, struct ggml_tensor * v, int n_head) {
#ifdef MAHDAR_I8_X86
    const bool fits = mahdar_attention_on() && n_head > 0 && q->ne[0] == (int64_t) n_head*MAHDAR_ATT_HEAD
        && q->type == GGML_TYPE_F32 && k->type == GGML_TYPE_F32 && v->type == GGML_TYPE_F32
        && ggml_is_contiguous(q) && ggml_is_contiguous(k) && ggml_is_contiguous(v)
        && ggml_are_same_shape(q, k) && ggml_are_same_shape(q, v) && q->ne[2] == 1 && q->ne[3] == 1;
    if (fits) {
        struct ggml_tensor * args[3] = { q, k, v };
        return ggml_custom_4d(ctx0, GGML_TYPE_F32, q->ne[0], q->ne[1], 1, 1, args, 3, mahdar_encoder_attention_op, GGML_N_TASKS_MAX, (void *) (intptr_t) n_head);
    }
#else
    (void) ctx0; (void) q; (void) k; (void) v; (void) n_head;
#endif
    return nullptr;
}
