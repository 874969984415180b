// Times the parts of whisper.cpp's decoding on a model whose weights are random (write-model.py):
// the encoder on one 30 s window, the decoder on one token (greedy) and on one step of a beam of B
// (B tokens in one batch, as whisper_full decodes its beams; 4 unless given), and a prompt of P tokens (the
// previous text greedy decoding carries). A random model's output is garbage, so nothing is
// transcribed: bench/model-shapes/ multiplies these times by the counts of windows and tokens of a
// real transcript of the same audio. Built by tools.ts against whisper.cpp's static libraries.
//
//   time-shape MODEL THREADS ENCODES STEPS PROMPT_TOKENS [BEAM]
//
// ENCODES 0 skips the encoder (the decoder then attends to an empty cross-attention cache, which
// costs the same: the times do not depend on the values). Each decoder part runs once untimed
// first (the graph's allocation); the encoder, tens of seconds, is timed from its first run.
// Prints one JSON line, times in ms: wall time, and the process's CPU time (all threads), which a
// busy neighbour inflates far less than the wall time.
#include "whisper.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <algorithm>

using steady = std::chrono::steady_clock;

static double ms_since(steady::time_point t0) {
    return std::chrono::duration<double, std::milli>(steady::now() - t0).count();
}

static double cpu_ms() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/** Wall and CPU time of one part, per run. */
struct Part {
    double wall = 0, cpu = 0;
};

template <typename F> static Part time_part(int runs, F body) {
    const auto t0 = steady::now();
    const double c0 = cpu_ms();
    for (int i = 0; i < runs; i++) {
        if (!body(i)) return {-1, -1};
    }
    return {ms_since(t0) / runs, (cpu_ms() - c0) / runs};
}

int main(int argc, char ** argv) {
    if (argc != 6 && argc != 7) {
        fprintf(stderr, "usage: %s MODEL THREADS ENCODES STEPS PROMPT_TOKENS [BEAM]\n", argv[0]);
        return 1;
    }
    const int beam_width = argc == 7 ? std::max(2, std::atoi(argv[6])) : 4;
    const int threads = std::atoi(argv[2]);
    const int encodes = std::atoi(argv[3]);
    const int steps = std::max(1, std::atoi(argv[4]));
    const int prompt = std::atoi(argv[5]);

    const auto t0 = steady::now();
    const double c0 = cpu_ms();
    whisper_context_params cparams = whisper_context_default_params();
    cparams.use_gpu = false;
    // As the app decodes (decode-options.ts); TIME_SHAPE_FLASH_ATTN=0 times the plain attention path.
    const char * fa = std::getenv("TIME_SHAPE_FLASH_ATTN");
    cparams.flash_attn = !(fa && fa[0] == '0');
    whisper_context * ctx = whisper_init_from_file_with_params(argv[1], cparams);
    if (!ctx) return 2;
    const Part load{ms_since(t0), cpu_ms() - c0};

    // A window of silence: the encoder always runs on a full 30 s window.
    if (whisper_set_mel(ctx, nullptr, 0, whisper_model_n_mels(ctx)) != 0) return 3;
    const Part encode = encodes > 0 ? time_part(encodes, [&](int) { return whisper_encode(ctx, 0, threads) == 0; }) : Part{};

    // The window's start: <|startoftranscript|><|ar|><|transcribe|><|notimestamps|> (-mc 0).
    std::vector<whisper_token> tokens(std::max(prompt, 2 * beam_width), whisper_token_sot(ctx));
    const int n_start = 4;
    auto steps_of = [&](int batch) {
        if (whisper_decode(ctx, tokens.data(), n_start, 0, threads) != 0) return Part{-1, -1};
        if (whisper_decode(ctx, tokens.data(), batch, n_start, threads) != 0) return Part{-1, -1};  // untimed
        return time_part(steps, [&](int i) { return whisper_decode(ctx, tokens.data(), batch, n_start + batch * (i + 1), threads) == 0; });
    };
    const Part greedy = steps_of(1);
    const Part beam = steps_of(beam_width);
    Part prompted;
    if (prompt > 0) {
        whisper_decode(ctx, tokens.data(), prompt, 0, threads);  // untimed
        prompted = time_part(1, [&](int) { return whisper_decode(ctx, tokens.data(), prompt, 0, threads) == 0; });
    }
    whisper_free(ctx);
    if (encode.wall < 0 || greedy.wall < 0 || beam.wall < 0 || prompted.wall < 0) return 4;
    printf("{\"load\":[%.1f,%.1f],\"encode\":[%.1f,%.1f],\"greedyToken\":[%.2f,%.2f],\"beamStep\":[%.2f,%.2f],\"prompt\":[%.1f,%.1f]}\n",
           load.wall, load.cpu, encode.wall, encode.cpu, greedy.wall, greedy.cpu, beam.wall, beam.cpu, prompted.wall, prompted.cpu);
    return 0;
}
