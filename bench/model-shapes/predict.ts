// The arithmetic of the model-shapes bench, pure: what base's real transcript of the audio says
// about the work (windows per second of audio, tokens per window, prompt tokens, sampling), read
// from whisper.cpp's timings, and the time a model would take on a meeting from the time of each
// part (time-shape.cpp: the encoder per window, the decoder per token or per beam step).
import { meetingWallSec } from '../../main/asr/calibration/meeting-windows.ts';
import { readTimings, type EngineTimings } from '../../main/asr/engine-timings.ts';

export type { EngineTimings };

/** Reads whisper_print_timings from an engine's stderr (main/asr/engine-timings.ts); throws when there is none. */
export function parseTimings(stderr: string): EngineTimings {
  const timings = readTimings(stderr);
  if (!timings) throw new Error('no whisper.cpp timings in the engine output');
  return timings;
}

/** A real transcript of the audio by base, as the app's engine decodes it (VAD included). */
export interface BaseTranscript {
  audioSec: number;
  /** Encoder runs: one per 30 s window of the speech the voice detector keeps. */
  windows: number;
  /** Tokens of its segments (text and timestamps), from whisper-cli's -ojf. */
  tokens: number;
  wallSec: number;
  /** CPU time of the engine's process, all threads, and the threads it had. */
  cpuSec: number;
  threads: number;
  timings: EngineTimings;
}

/** Tokens the decoder produces in a window: its share of the transcript, and the end-of-text. */
export function tokensPerWindow(t: BaseTranscript): number {
  return Math.max(1, Math.round(t.tokens / Math.max(1, t.windows)) + 1);
}

/**
 * Tokens of the prompt each window starts with: 4 (start, language, task, no-timestamps) with no
 * previous text (-mc 0), up to 224 more with it (greedy's -mc -1). whisper.cpp counts a batch of
 * fewer than 16 tokens as "batchd", so with a beam the steps are there too: only -mc 0 is 4.
 */
export function promptTokensPerWindow(t: BaseTranscript, previousText: boolean): number {
  if (!previousText) return 4;
  const { prompt, batchd } = t.timings.parts;
  return Math.max(4, Math.round((prompt.runs + batchd.runs) / Math.max(1, t.windows)));
}

/** Sampling (whisper_full's work on the logits of a 51,865-token vocabulary) per window: the same for every model. */
export function sampleMsPerWindow(t: BaseTranscript): number {
  return t.timings.parts.sample.ms / Math.max(1, t.windows);
}

/**
 * What the engine spends outside the model's load and decoding, per second of audio: reading the
 * file, the mel spectrogram, the voice detector, writing the text. It does not depend on the model.
 */
export function overheadPerAudioSec(t: BaseTranscript): number {
  const decoding = Object.values(t.timings.parts).reduce((a, p) => a + p.ms, 0) / 1000;
  return Math.max(0, t.wallSec - t.timings.loadMs / 1000 - decoding) / t.audioSec;
}

/** One model's parts, ms: the load, the encoder per window, a greedy token, a beam step (DEFAULT_DECODE's width), a prompt. */
export interface PartTimes {
  loadMs: number;
  encodeMs: number;
  greedyTokenMs: number;
  beamStepMs: number;
  promptMs: number;
}

export type Decoding = 'beam' | 'greedy';

/**
 * One window's decoding: the encoder, then for a beam a step per token (the 4-token prompt
 * costs one step, the batch of the beams each following one), for greedy the prompt then a
 * token at a time; sampling as base's transcript had it, times `scale` (see quietScale).
 */
export function windowMs(p: PartTimes, t: BaseTranscript, decoding: Decoding, scale = 1): number {
  const tokens = tokensPerWindow(t);
  const decoder = decoding === 'beam' ? tokens * p.beamStepMs : p.promptMs + (tokens - 1) * p.greedyTokenMs;
  return p.encodeMs + decoder + sampleMsPerWindow(t) * scale;
}

/**
 * Seconds a model takes on `meetingSec` of audio like the transcript's: its load once, each
 * window, the engine's overhead. `scale` multiplies what comes from base's transcript run
 * (sampling, overhead), to turn a busy run's wall time into a quiet one's (quietScale).
 */
export function predictSeconds(meetingSec: number, t: BaseTranscript, p: PartTimes, decoding: Decoding, scale = 1): number {
  const windows = (meetingSec * t.windows) / t.audioSec;
  return p.loadMs / 1000 + (windows * windowMs(p, t, decoding, scale)) / 1000 + meetingSec * overheadPerAudioSec(t) * scale;
}

/**
 * What "Measure on this computer" would report for its sample (`t`, base's transcript of it): the
 * sample's time, its encoder windows counted at a meeting's rate as calibrate.ts does.
 */
export function calibrationSeconds(t: BaseTranscript, p: PartTimes, scale = 1): number {
  const seconds = predictSeconds(t.audioSec, t, p, 'beam', scale);
  return meetingWallSec(seconds, t.audioSec, { ms: t.windows * p.encodeMs, runs: t.windows });
}

/**
 * A quiet computer's time from a busy one's CPU time: each thread of the engine busy all along
 * (OpenMP spins while it waits), so the wall time is the CPU time over the threads. Upper bound:
 * on a busy computer a thread also spins while its partner waits for a core.
 */
export function quietParts(cpu: PartTimes, threads: number): PartTimes {
  return {
    loadMs: cpu.loadMs,
    encodeMs: cpu.encodeMs / threads,
    greedyTokenMs: cpu.greedyTokenMs / threads,
    beamStepMs: cpu.beamStepMs / threads,
    promptMs: cpu.promptMs / threads,
  };
}

/** The same for the transcript's parts: its CPU time over its threads, over its wall time. */
export function quietScale(t: BaseTranscript): number {
  return Math.min(1, t.cpuSec / t.threads / t.wallSec);
}
