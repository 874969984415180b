// `npm run bench -- model-shapes` (by name only: an hour of CPU on 2 busy cores, GBs of temporary
// files): the speed of the large Whisper models on this computer, without them. Speed depends on
// the tensors' shapes and types, not on their values, so write-model.py writes each official shape
// (large-v3-turbo, medium, large-v3) with random weights, whisper.cpp's quantize tool makes the
// catalogue's quantisation of it, and time-shape.cpp times its parts: the encoder on a 30 s window,
// the decoder per greedy token and per beam step (DEFAULT_DECODE's width), a prompt. Base's real transcripts of the same
// audio (as the app decodes it) give the counts: windows per second, tokens per window. From
// those, the time of a 3-hour meeting per model, quantisation, thread count and decoding (the beam:
// DEFAULT_DECODE; greedy with the previous text: FAST_DECODE), and what "Measure on this
// computer" would say of the same model (its 29 s sample, load included: calibration/calibrate.ts).
//
// Each row runs base (real weights) beside the shape, in alternating order, with the load
// average before and after. Both wall time, which a neighbour's load inflates, and the process's
// CPU time (all threads), which it inflates far less, are kept; the table predicts from the
// 1-thread CPU times and keeps only the encoder at 2 threads (table.ts says why).
//
// Environment: MAHDAR_BENCH_SECONDS (long-form audio for base's transcripts, default 180),
// MAHDAR_BENCH_THREADS (default 1,2), MAHDAR_SHAPES (default large-v3-turbo,medium,large-v3),
// MAHDAR_SHAPE_QUANTS (default f16,q5_0), MAHDAR_SHAPE_STEPS (decoder steps timed, default 8).
import { mkdtempSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DECODE, FAST_DECODE } from '../../main/asr/decode-options.ts';
import { engineEnv } from '../../main/asr/engine.ts';
import type { BenchReport } from '../index.ts';
import { machineLine } from '../machine.ts';
import { baseModel, baseTranscript, buildLongForm, calibrationSample, timed } from './audio.ts';
import { predictSeconds, promptTokensPerWindow, quietParts, quietScale, type BaseTranscript, type PartTimes } from './predict.ts';
import { modelRows, type Row } from './table.ts';
import { ensureTools, quantizeModel, writeModel, type Tools } from './tools.ts';

/** large-v3's encoder is large-v3-turbo's (same widths, same 32 layers): timed once, on turbo. */
const ENCODER_OF: Record<string, string> = { 'large-v3': 'large-v3-turbo' };
const list = (v: string | undefined, d: string) => (v ?? d).split(',').map((s) => s.trim()).filter(Boolean);

export interface Transcripts {
  beam: BaseTranscript;
  greedy: BaseTranscript;
  sample: BaseTranscript;
  /** Base's beam run on the same audio with 2 threads, when 2 are timed: the anchor of the 2-thread estimates (table.ts). */
  beamTwoThreads: BaseTranscript | null;
}

/** Parts measured by one time-shape process, as wall and CPU times. */
export interface Measured {
  wall: PartTimes;
  cpu: PartTimes;
  loadBefore: number;
  loadAfter: number;
}

async function timeShape(tools: Tools, model: string, threads: number, encodes: number, steps: number, promptTokens: number): Promise<Measured> {
  const loadBefore = loadavg()[0]!;
  const r = await timed(tools.timeShape, [model, String(threads), String(encodes), String(steps), String(promptTokens), String(DEFAULT_DECODE.beamSize)], engineEnv(threads));
  const j = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { load: number[]; encode: number[]; greedyToken: number[]; beamStep: number[]; prompt: number[] };
  const pick = (i: number): PartTimes => ({ loadMs: j.load[i]!, encodeMs: j.encode[i]!, greedyTokenMs: j.greedyToken[i]!, beamStepMs: j.beamStep[i]!, promptMs: j.prompt[i]! });
  return { wall: pick(0), cpu: pick(1), loadBefore, loadAfter: loadavg()[0]! };
}

interface Run {
  tools: Tools;
  t: Transcripts;
  steps: number;
  threadsList: number[];
  rows: Row[];
}

/** Times one model file at each thread count, base beside it in alternating order. */
async function timeModel(run: Run, shape: string, quant: string, model: string): Promise<void> {
  const prompt = promptTokensPerWindow(run.t.greedy, true);
  for (const threads of run.threadsList) {
    const encoderRow = ENCODER_OF[shape] && run.rows.find((r) => r.shape === ENCODER_OF[shape] && r.quant === quant && r.threads === threads);
    const encodes = encoderRow ? 0 : 1;
    const baseFirst = run.rows.length % 2 === 0;
    const first = await timeShape(run.tools, baseFirst ? baseModel : model, threads, baseFirst ? 1 : encodes, run.steps, prompt);
    const second = await timeShape(run.tools, baseFirst ? model : baseModel, threads, baseFirst ? encodes : 1, run.steps, prompt);
    const measured = baseFirst ? second : first;
    if (encoderRow) {
      measured.wall.encodeMs = encoderRow.shapeRun.wall.encodeMs;
      measured.cpu.encodeMs = encoderRow.shapeRun.cpu.encodeMs;
    }
    run.rows.push({ shape, quant, threads, sizeMb: statSync(model).size / 1e6, shapeRun: measured, baseRun: baseFirst ? first : second, encoderFrom: encoderRow ? ENCODER_OF[shape]! : null });
    const rtf = predictSeconds(10_800, run.t.beam, quietParts(measured.cpu, threads), 'beam', quietScale(run.t.beam)) / 10_800;
    console.error(`model-shapes: ${shape} ${quant} ${threads} thread(s): beam-${DEFAULT_DECODE.beamSize} RTF, quiet estimate ${rtf.toFixed(3)}`);
  }
}

async function timeShapeFamily(run: Run, shape: string, quants: string[], work: string): Promise<void> {
  const f16 = join(work, `${shape}-f16.bin`);
  console.error(`model-shapes: writing ${shape} (f16, random weights)`);
  writeModel(shape, f16);
  try {
    for (const quant of quants) {
      const model = quant === 'f16' ? f16 : join(work, `${shape}-${quant}.bin`);
      if (quant !== 'f16') quantizeModel(run.tools, f16, model, quant);
      try {
        await timeModel(run, shape, quant, model);
      } finally {
        if (model !== f16) await rm(model, { force: true });
      }
    }
  } finally {
    await rm(f16, { force: true });
  }
}

export async function run(): Promise<BenchReport> {
  const seconds = Number(process.env.MAHDAR_BENCH_SECONDS ?? 180);
  const shapes = list(process.env.MAHDAR_SHAPES, 'large-v3-turbo,medium,large-v3');
  const quants = list(process.env.MAHDAR_SHAPE_QUANTS, 'f16,q5_0');
  const tools = ensureTools();
  const work = mkdtempSync(join(tmpdir(), 'mahdar-shapes-'));
  try {
    const long = join(work, 'long.wav');
    buildLongForm(seconds, long);
    // The counts do not depend on the thread count; on 2 busy cores one thread wastes least.
    // The table predicts from the 1-thread runs: 1 is always timed.
    const threadsList = [...new Set([1, ...list(process.env.MAHDAR_BENCH_THREADS, '1,2').map(Number)])];
    const t: Transcripts = {
      beam: await baseTranscript(long, DEFAULT_DECODE, 1, join(work, 'beam')),
      greedy: await baseTranscript(long, FAST_DECODE, 1, join(work, 'greedy')),
      sample: await baseTranscript(calibrationSample, DEFAULT_DECODE, 1, join(work, 'sample')),
      beamTwoThreads: threadsList.includes(2) ? await baseTranscript(long, DEFAULT_DECODE, 2, join(work, 'beam2')) : null,
    };
    const run: Run = { tools, t, steps: Number(process.env.MAHDAR_SHAPE_STEPS ?? 8), threadsList, rows: [] };
    for (const shape of shapes) await timeShapeFamily(run, shape, quants, work);
    return {
      name: 'Speed of the large models (random-weight shapes)',
      table: modelRows(t, run.rows),
      data: { machine: machineLine(), transcripts: t, rows: run.rows },
    };
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
