// The audio of the model-shapes bench and base's transcript of it, made as the app transcribes.
//  - long-form: the first msa-read-tune clips joined with 1 s of silence (how a meeting arrives),
//    transcribed by base with the app's engine, flags (decodeArgs) and environment (engineEnv):
//    the count of windows and tokens a model of any size has to decode on that audio.
//  - the built-in calibration sample ("Measure on this computer"), transcribed the same way.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeArgs, type DecodeOptions } from '../../main/asr/decode-options.ts';
import { engineEnv, whisperCliPath } from '../../main/asr/engine.ts';
import { parseTimings, type BaseTranscript } from './predict.ts';

const root = resolve(import.meta.dirname, '..', '..');
const shared = resolve(root, '..', 'shared');
const tune = join(shared, 'fixtures', 'msa-read-tune');
export const baseModel = join(shared, 'models', 'ggml-base.bin');
export const vadModel = join(shared, 'models', 'ggml-silero-v5.1.2.bin');
export const calibrationSample = join(root, 'assets', 'calibration', 'sample.wav');

/** Joins the first tune clips, 1 s of silence after each, until `seconds`; returns the WAV's length. */
export function buildLongForm(seconds: number, out: string): number {
  const rows = readFileSync(join(tune, 'refs.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const files: string[] = [];
  let total = 0;
  for (const [file, , dur] of rows) {
    if (total >= seconds) break;
    files.push(join(tune, file!));
    total += Number(dur) + 1;
  }
  execFileSync('sox', [...files, '-r', '16000', '-c', '1', '-b', '16', out, 'pad', '0', '1']);
  return audioSeconds(out);
}

export function audioSeconds(wav: string): number {
  return Number(execFileSync('soxi', ['-D', wav], { encoding: 'utf8' }).trim());
}

/**
 * Runs a program and resolves with its wall time, stdout, stderr and CPU time (user + system, all
 * threads: bash's `times` for its child); rejects on a non-zero exit.
 */
export function timed(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ sec: number; cpuSec: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const c = spawn('bash', ['-c', '"$0" "$@"; rc=$?; times >&2; exit $rc', bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('error', fail);
    c.on('close', (code) => {
      const sec = (performance.now() - t0) / 1000;
      // The last line of `times`: the children's user and system time, as 1m2.345s.
      const [user, sys] = (stderr.trim().split('\n').at(-1) ?? '').split(/\s+/).map((t) => {
        const m = /^(\d+)m([\d.]+)s$/.exec(t);
        return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
      });
      if (code === 0) done({ sec, cpuSec: (user ?? 0) + (sys ?? 0), stdout, stderr });
      else fail(new Error(`${bin} exit ${code}: ${stderr.split('\n').slice(-7).join('\n')}`));
    });
  });
}

/** Base's transcript of `wav` with these decoding options, by the app's engine: windows and tokens counted. */
export async function baseTranscript(wav: string, decode: Omit<DecodeOptions, 'language' | 'threads' | 'vadModel' | 'prompt'>, threads: number, outPrefix: string): Promise<BaseTranscript> {
  const args = ['-m', baseModel, ...decodeArgs({ ...decode, language: 'ar', threads, vadModel, prompt: null }), '-ojf', '-of', outPrefix, '-f', wav];
  const r = await timed(whisperCliPath(), args, engineEnv(threads));
  const json = JSON.parse(readFileSync(`${outPrefix}.json`, 'utf8')) as { transcription: { tokens?: unknown[] }[] };
  const tokens = json.transcription.reduce((a, s) => a + (s.tokens?.length ?? 0), 0);
  const timings = parseTimings(r.stderr);
  return { audioSec: audioSeconds(wav), windows: timings.parts.encode.runs, tokens, wallSec: r.sec, cpuSec: r.cpuSec, threads, timings };
}
