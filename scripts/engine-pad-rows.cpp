// mahdar: rows padded with zeros, for the decoder's cross-attention (inserted into whisper.cpp by
// scripts/engine-source.mjs, before struct whisper_context; not compiled on its own).
//
// Why: the cross-attention's weights (1,500 frames a row) are padded to the values' 32-aligned
// rows (1,504) so that their product runs on ggml's fast kernels. ggml_pad computes every element's
// place one by one: on one core it took 4.3% of a run (the load bench's 60 s file, perf; about
// 0.3 ms a beam step). A row at a time, with memcpy, it took 0.01%.

// dst = src[0] with each row lengthened by zeros to dst->ne[0]. Threads split the rows.
static void mahdar_pad_rows_op(struct ggml_tensor * dst, int ith, int nth, void * userdata) {
    (void) userdata;
    const struct ggml_tensor * src = dst->src[0];
    const int64_t n_src = src->ne[0];
    const int64_t n_dst = dst->ne[0];
    const int64_t rows  = ggml_nrows(src);
    const int64_t per = (rows + nth - 1)/nth;
    const int64_t r0  = std::min(rows, per*ith);
    const int64_t r1  = std::min(rows, r0 + per);
    for (int64_t r = r0; r < r1; ++r) {
        float * out = (float *) dst->data + r*n_dst;
        memcpy(out, (const float *) src->data + r*n_src, n_src*sizeof(float));
        memset(out + n_src, 0, (n_dst - n_src)*sizeof(float));
    }
}

// x with its rows lengthened by zeros to n (ggml_pad's result, for a contiguous f32 x).
static struct ggml_tensor * mahdar_pad_rows(struct ggml_context * ctx0, struct ggml_tensor * x, int64_t n) {
    if (n == x->ne[0]) return x;
    if (x->type != GGML_TYPE_F32 || !ggml_is_contiguous(x)) return ggml_pad(ctx0, x, (int) (n - x->ne[0]), 0, 0, 0);
    struct ggml_tensor * args[1] = { x };
    return ggml_custom_4d(ctx0, GGML_TYPE_F32, n, x->ne[1], x->ne[2], x->ne[3], args, 1, mahdar_pad_rows_op, GGML_N_TASKS_MAX, nullptr);
}

