// The programs the model-shapes bench needs besides the app's engine: whisper.cpp's quantize tool
// and time-shape.cpp, built from the app engine's sources (scripts/engine-source.mjs: the vendored
// whisper.cpp with Mahdar's edits) with its options (scripts/engine-options.mjs) into
// .cache/whisper-tools (ignored by git; a stamp there names what it was built from). Never into
// build/whisper: that is the app's engine, and its stamp says what it holds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { engineCmakeOptions } from '../../scripts/engine-options.mjs';
import { engineSourceId, prepareEngineSource } from '../../scripts/engine-source.mjs';

const root = resolve(import.meta.dirname, '..', '..');
export const toolsDir = join(root, '.cache', 'whisper-tools');
const python = join(root, '.venv-tools', 'bin', 'python');

export interface Tools {
  quantize: string;
  timeShape: string;
}

function run(bin: string, args: string[]): void {
  execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Builds what is missing (minutes, once) and returns the tools' paths. */
export function ensureTools(): Tools {
  const quantize = join(toolsDir, 'bin', 'whisper-quantize');
  const timeShape = join(toolsDir, 'bin', 'time-shape');
  const stamp = join(toolsDir, 'mahdar-tools.json');
  const made = JSON.stringify({ source: engineSourceId(), options: engineCmakeOptions() });
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== made) rmSync(toolsDir, { recursive: true, force: true });
  const source = prepareEngineSource();
  if (!existsSync(quantize)) {
    console.error('model-shapes: building whisper-quantize and the whisper library into .cache/whisper-tools');
    mkdirSync(toolsDir, { recursive: true });
    run('cmake', ['-S', source, '-B', toolsDir, '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=OFF', '-DWHISPER_BUILD_TESTS=OFF', '-DWHISPER_SDL2=OFF', ...engineCmakeOptions()]);
    run('cmake', ['--build', toolsDir, '--config', 'Release', '-j', String(cpus().length), '--target', 'whisper-quantize']);
    writeFileSync(stamp, made);
  }
  const program = join(import.meta.dirname, 'time-shape.cpp');
  if (!existsSync(timeShape) || statSync(timeShape).mtimeMs < statSync(program).mtimeMs) {
    // The same static libraries and OpenMP as the engine's whisper-cli, from the same sources.
    const lib = (p: string) => join(toolsDir, p);
    run('g++', [
      '-O2', '-std=c++17', '-fopenmp',
      '-I', join(source, 'include'), '-I', join(source, 'ggml', 'include'),
      program,
      lib('src/libwhisper.a'), lib('ggml/src/libggml.a'), lib('ggml/src/libggml-cpu.a'), lib('ggml/src/libggml-base.a'),
      '-lpthread', '-lm', '-o', timeShape,
    ]);
  }
  return { quantize, timeShape };
}

/** Writes a random-weight f16 model of an official shape (write-model.py). */
export function writeModel(shape: string, out: string): void {
  run(python, [join(import.meta.dirname, 'write-model.py'), shape, out, '--base', join(root, '..', 'shared', 'models', 'ggml-base.bin')]);
}

/** whisper.cpp's own quantisation of an f16 model (q5_0, q8_0 ...). */
export function quantizeModel(tools: Tools, f16: string, out: string, type: string): void {
  run(tools.quantize, [f16, out, type]);
}
