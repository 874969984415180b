// The model-shapes bench's table: per model, quantisation and thread count, the parts' times, the
// predicted real-time factor of a 3-hour meeting, and what "Measure on this computer" (its 29 s
// sample, the model's load included) would say of the same model.
import { machineLine } from '../machine.ts';
import type { Measured, Transcripts } from './index.ts';
import { predictSeconds, promptTokensPerWindow, quietParts, quietScale, tokensPerWindow, type BaseTranscript, type Decoding, type PartTimes } from './predict.ts';

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
const f = (x: number, d = 2) => x.toFixed(d);

function rtf(t: BaseTranscript, p: PartTimes, decoding: Decoding, scale: number, seconds = MEETING_SEC): number {
  return predictSeconds(seconds, t, p, decoding, scale) / seconds;
}

/** Quiet estimates (CPU time) for a 3-hour meeting and for the calibration sample; the busy wall time's too. */
export function rowRtfs(t: Transcripts, m: Measured, threads: number) {
  const quiet = quietParts(m.cpu, threads);
  return {
    beam: rtf(t.beam, quiet, 'beam', quietScale(t.beam)),
    greedy: rtf(t.greedy, quiet, 'greedy', quietScale(t.greedy)),
    // What calibrate.ts times: the engine's start to its exit on the sample, the load included.
    calibration: rtf(t.sample, quiet, 'beam', quietScale(t.sample), t.sample.audioSec),
    beamBusy: rtf(t.beam, m.wall, 'beam', 1),
  };
}

function header(t: Transcripts): string[] {
  const w = (x: BaseTranscript) => `${x.windows} windows (${f((x.windows * 60) / x.audioSec, 1)} a minute of audio), ${tokensPerWindow(x)} tokens a window, ${x.timings.fallbacks} fallbacks`;
  const quietBase = (x: BaseTranscript) => f(x.cpuSec / x.threads / x.audioSec, 3);
  return [
    `Machine: ${machineLine()}. Engine: whisper.cpp 1.9.1 as vendored, static, OMP_THREAD_LIMIT = threads (engineEnv), flash attention on, nothing else set.`,
    '',
    `Counts from base's real transcripts by the app's engine (1 thread): ${f(t.beam.audioSec, 0)} s of msa-read-tune long-form, ` +
      `beam 4 \`-mc 0\` (DEFAULT_DECODE): ${w(t.beam)}; greedy \`-mc -1\` (FAST_DECODE): ${w(t.greedy)}, ${promptTokensPerWindow(t.greedy, true)} prompt tokens a window; ` +
      `the calibration sample (${f(t.sample.audioSec, 1)} s, beam 4): ${w(t.sample)}.`,
    `Base's own runs: beam 4 ${f(t.beam.wallSec, 1)} s wall (RTF ${f(t.beam.wallSec / t.beam.audioSec, 3)} busy, ${quietBase(t.beam)} from CPU time); ` +
      `sample ${f(t.sample.wallSec, 1)} s wall (RTF ${f(t.sample.wallSec / t.sample.audioSec, 3)} busy, ${quietBase(t.sample)} from CPU time).`,
    '',
    'Quiet estimates come from CPU time (over the threads); "busy" is the wall time on this shared machine during the run.',
    '',
    '| model | quant | threads | file MB | load s | encoder s / window | greedy ms / token | beam-4 ms / step | RTF 3 h, beam 4 | RTF 3 h, greedy | calibration RTF | calibration / 3 h | busy RTF 3 h beam 4 (shape / base, same run) | load avg before → after |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
}

export function modelRows(t: Transcripts, rows: Row[]): string {
  const body = rows.map((r) => {
    const q = quietParts(r.shapeRun.cpu, r.threads);
    const s = rowRtfs(t, r.shapeRun, r.threads);
    const b = rowRtfs(t, r.baseRun, r.threads);
    const enc = `${f(q.encodeMs / 1000)}${r.encoderFrom ? ` (${r.encoderFrom}'s)` : ''}`;
    const loads = [r.shapeRun, r.baseRun].map((m) => `${f(m.loadBefore, 1)} → ${f(m.loadAfter, 1)}`).join(', ');
    return `| ${r.shape} | ${r.quant} | ${r.threads} | ${f(r.sizeMb, 0)} | ${f(q.loadMs / 1000)} | ${enc} | ${f(q.greedyTokenMs, 0)} | ${f(q.beamStepMs, 0)} | **${f(s.beam, 3)}** | ${f(s.greedy, 3)} | ${f(s.calibration, 3)} | ${f(s.calibration / s.beam)} | ${f(s.beamBusy, 2)} (${f(s.beamBusy / b.beamBusy, 1)}x base's ${f(b.beamBusy, 2)}) | ${loads} |`;
  });
  return [...header(t), ...body].join('\n');
}
