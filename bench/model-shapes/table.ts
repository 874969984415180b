// The model-shapes bench's table: per model, quantisation and thread count, the parts' times, the
// predicted real-time factor of a 3-hour meeting, and what "Measure on this computer" (its 29 s
// sample, the model's load included) would say of the same model.
import { DEFAULT_DECODE } from '../../main/asr/decode-options.ts';
import { machineLine } from '../machine.ts';
import type { Measured, Transcripts } from './index.ts';
import { calibrationSeconds, predictSeconds, promptTokensPerWindow, quietParts, quietScale, tokensPerWindow, type BaseTranscript, type Decoding, type PartTimes } from './predict.ts';

export interface Row {
  shape: string;
  quant: string;
  threads: number;
  sizeMb: number;
  shapeRun: Measured;
  baseRun: Measured;
  /** The shape whose encoder time this row reuses (large-v3: turbo's), or null. */
  encoderFrom: string | null;
}

const MEETING_SEC = 3 * 3600;
const BEAM = DEFAULT_DECODE.beamSize;
const f = (x: number, d = 2) => x.toFixed(d);

function rtf(t: BaseTranscript, p: PartTimes, decoding: Decoding, scale: number, seconds = MEETING_SEC): number {
  return predictSeconds(seconds, t, p, decoding, scale) / seconds;
}

/** Estimates from CPU time for a 3-hour meeting (the beam, greedy) and for the calibration sample. */
export function rowRtfs(t: Transcripts, m: Measured, threads: number) {
  const quiet = quietParts(m.cpu, threads);
  return {
    beam: rtf(t.beam, quiet, 'beam', quietScale(t.beam)),
    greedy: rtf(t.greedy, quiet, 'greedy', quietScale(t.greedy)),
    // What calibrate.ts reports: the engine's start to its exit on the sample, the load included,
    // the sample's encoder windows counted at a meeting's rate.
    calibration: calibrationSeconds(t.sample, quiet, quietScale(t.sample)) / t.sample.audioSec,
  };
}

/** Base's wall-clock real-time factor with 2 threads, the app's beam, in this run; null when not run. */
const baseTwoRtf = (t: Transcripts) => (t.beamTwoThreads ? t.beamTwoThreads.wallSec / t.beamTwoThreads.audioSec : null);

function header(t: Transcripts): string[] {
  const two = t.beamTwoThreads;
  const w = (x: BaseTranscript) => `${x.windows} windows (${f((x.windows * 60) / x.audioSec, 2)} a minute of audio), ${tokensPerWindow(x)} tokens a window, ${x.timings.fallbacks} fallbacks`;
  const quietBase = (x: BaseTranscript) => f(x.cpuSec / x.threads / x.audioSec, 3);
  return [
    `Machine: ${machineLine()}. Engine: whisper.cpp 1.9.1 as vendored with Mahdar's edits (scripts/engine-source.mjs: flash attention in the encoder only), the engine's build options, static, OMP_THREAD_LIMIT = threads (engineEnv), nothing else set.`,
    '',
    `Counts from base's real transcripts by the app's engine (1 thread): ${f(t.beam.audioSec, 0)} s of msa-read-tune long-form, ` +
      `beam ${BEAM} \`-mc 0\` (DEFAULT_DECODE): ${w(t.beam)}; greedy \`-mc -1\` (FAST_DECODE): ${w(t.greedy)}, ${promptTokensPerWindow(t.greedy, true)} prompt tokens a window; ` +
      `the calibration sample (${f(t.sample.audioSec, 1)} s, beam ${BEAM}): ${w(t.sample)}.`,
    `Base's own runs, 1 thread: beam ${BEAM} ${f(t.beam.wallSec, 1)} s wall for ${f(t.beam.audioSec, 1)} s (RTF ${f(t.beam.wallSec / t.beam.audioSec, 3)} busy, ${quietBase(t.beam)} from CPU time); ` +
      `sample ${f(t.sample.wallSec, 1)} s wall (RTF ${f(t.sample.wallSec / t.sample.audioSec, 3)} busy, ${quietBase(t.sample)} from CPU time).`,
    '',
    two
      ? `Base's own run, 2 threads: beam ${BEAM} ${f(two.wallSec, 1)} s wall for ${f(two.audioSec, 1)} s (RTF ${f(baseTwoRtf(t)!, 3)}), the anchor of "2 threads, est.".`
      : 'Base was not run with 2 threads (MAHDAR_BENCH_THREADS): no 2-thread estimate.',
    '',
    'Times are CPU time over the threads (a quiet machine\'s time, as an upper bound: see docs/engine.md). The decoder and the ' +
      'predictions come from the 1-thread runs: at 2 threads on a busy machine a decoding step\'s CPU time was 3-30 times ' +
      "its 1-thread time (threads spinning while their partner waits for a core), base's included. \"x base\" is the shape's " +
      `predicted 3-hour time over base's beam ${BEAM}, both from the same pair of 1-thread runs; "2 threads, est." is that ratio times ` +
      "base's 2-thread RTF measured above, in the same run, as if the model gained from a second thread what base gains. " +
      '"2 threads, from its 2-thread run" takes every part from the shape\'s own 2-thread run (CPU time over 2): 2-8% below its ' +
      'wall times on a quiet machine (AMD Zen 4, medium and large-v3), too slow on a busy one.',
    '',
    `| model | quant | file MB | load s | encoder s / window, 1 thread (2 threads) | greedy ms / token | beam-${BEAM} ms / step | x base, beam ${BEAM} (greedy) | RTF 3 h, 1 thread: beam ${BEAM}, greedy | RTF 3 h, 2 threads, est.: beam ${BEAM}, greedy | RTF 3 h, 2 threads, from its 2-thread run: beam ${BEAM}, greedy | calibration RTF, 1 thread | calibration / 3 h | load avg before → after (shape, base) |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
}

export function modelRows(t: Transcripts, rows: Row[]): string {
  const body = rows.filter((r) => r.threads === 1).map((r) => {
    const q = quietParts(r.shapeRun.cpu, 1);
    const two = rows.find((o) => o.threads === 2 && o.shape === r.shape && o.quant === r.quant);
    const s = rowRtfs(t, r.shapeRun, 1);
    const b = rowRtfs(t, r.baseRun, 1);
    const anchor = baseTwoRtf(t);
    const est = (x: number) => (anchor === null ? '–' : f((x / b.beam) * anchor, 2));
    const own = two ? rowRtfs(t, two.shapeRun, 2) : null;
    const enc = `${f(q.encodeMs / 1000, 1)}${two ? ` (${f(quietParts(two.shapeRun.cpu, 2).encodeMs / 1000, 1)})` : ''}${r.encoderFrom ? `, ${r.encoderFrom}'s` : ''}`;
    const loads = [r.shapeRun, r.baseRun].map((m) => `${f(m.loadBefore, 1)} → ${f(m.loadAfter, 1)}`).join(', ');
    return `| ${r.shape} | ${r.quant} | ${f(r.sizeMb, 0)} | ${f(q.loadMs / 1000)} | ${enc} | ${f(q.greedyTokenMs, 0)} | ${f(q.beamStepMs, 0)} | ${f(s.beam / b.beam, 1)} (${f(s.greedy / b.beam, 1)}) | ${f(s.beam)}, ${f(s.greedy)} | **${est(s.beam)}**, ${est(s.greedy)} | ${own ? `${f(own.beam)}, ${f(own.greedy)}` : '–'} | ${f(s.calibration)} | ${f(s.calibration / s.beam)} | ${loads} |`;
  });
  return [...header(t), ...body].join('\n');
}
