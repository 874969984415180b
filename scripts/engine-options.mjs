// The cmake options of every build of the engine's sources: the app's (scripts/build-engine.mjs)
// and the benches' (bench/engine-patches, bench/model-shapes), so that a bench measures what the
// app runs. Plain JavaScript: npm's postinstall runs it with node alone.

/**
 * - GGML_LLAMAFILE=ON: ggml's llamafile matrix kernels (tinyBLAS: blocked products of f16 and
 *   quantised weights), which whisper.cpp's build leaves off and llama.cpp's turns on: the same
 *   decoding in 0.75 of the time on 2 AVX-512 cores (docs/engine.md, "llamafile kernels").
 * - No AMX: on a CPU with Intel AMX (Xeon Sapphire Rapids and later) a native build compiles ggml's
 *   AMX kernels, which repack q8_0 and q4_0 weights; whisper-cli then died with a segmentation
 *   fault on every q8_0 and q4_0 model (a virtual machine of that kind, here; llama.cpp's issues
 *   #20824 and #11115 report the same in ggml_backend_amx_mul_mat). Without them the same models
 *   run, and f16 is as fast (23.2 against 23.9 s on 60 s of speech). GCC and Clang keep an
 *   explicit -mno-* over what -march=native turns on; only x86-64 Linux builds natively with
 *   them (Windows builds with MSVC, which never enables AMX; Macs have none).
 * - MAHDAR_ENGINE_PORTABLE=1: no tuning to the building machine's CPU (GGML_NATIVE=OFF), for
 *   installers; ggml then targets AVX2/FMA (x86-64 since about 2013) and no AMX.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @param {{ platform: string; arch: string }} [host]
 * @returns {string[]}
 */
export function engineCmakeOptions(env = process.env, host = process) {
  const portable = env.MAHDAR_ENGINE_PORTABLE === '1';
  const noAmx = '-mno-amx-tile -mno-amx-int8 -mno-amx-bf16';
  return [
    '-DGGML_LLAMAFILE=ON',
    ...(portable ? ['-DGGML_NATIVE=OFF'] : []),
    ...(!portable && host.platform === 'linux' && host.arch === 'x64' ? [`-DCMAKE_C_FLAGS=${noAmx}`, `-DCMAKE_CXX_FLAGS=${noAmx}`] : []),
  ];
}
