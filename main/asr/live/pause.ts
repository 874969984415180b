// Whether a live window ends in a pause: the speaker stopped, so the words before it were heard
// whole and one decode's reading of them can be committed without waiting for a second decode
// (whisper_streaming does the same with its voice-activity controller). A loudness measure, not a
// model: it runs on every decode of a recording and must cost nothing next to the engine. The
// pass that follows a recording cuts its runs with it too (quietestPointSec).

const SAMPLES_PER_SEC = 16000;
/** Loudness is measured over frames of 20 ms. */
const FRAME = SAMPLES_PER_SEC / 50;
/**
 * A frame is quiet when it is this far below the window's speech level (20 dB) and the window's
 * speech level is the loudness exceeded by one frame in ten: a room's steady noise sits below it,
 * a breath or a chair may rise above it (and then no pause is found: the window just waits for
 * the second decode, as without this rule).
 */
const QUIET_RATIO = 0.1;
const SPEECH_QUANTILE = 0.9;
/** Below this RMS (of 32768) a window holds no speech at all: no level to compare with. */
const SILENT_RMS = 30;

/** RMS of each 20 ms frame of 16 kHz mono PCM16. */
function frameLoudness(pcm: Buffer): number[] {
  const samples = Math.floor(pcm.length / 2);
  const out: number[] = [];
  for (let f = 0; f + FRAME <= samples; f += FRAME) {
    let sum = 0;
    for (let i = f; i < f + FRAME; i++) {
      const v = pcm.readInt16LE(i * 2);
      sum += v * v;
    }
    out.push(Math.sqrt(sum / FRAME));
  }
  return out;
}

/**
 * Seconds of quiet at the end of a window of 16 kHz mono PCM16 (a multiple of 20 ms); 0 when the
 * window holds no speech to measure quiet against.
 */
export function trailingQuietSec(pcm: Buffer): number {
  const loud = frameLoudness(pcm);
  if (!loud.length) return 0;
  const sorted = [...loud].sort((a, b) => a - b);
  const speech = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * SPEECH_QUANTILE))]!;
  if (speech < SILENT_RMS) return 0;
  const quiet = Math.max(SILENT_RMS, speech * QUIET_RATIO);
  let n = 0;
  while (n < loud.length && loud[loud.length - 1 - n]! < quiet) n++;
  return n / 50;
}

/**
 * Seconds from the start of 16 kHz mono PCM16 to the middle of its quietest stretch of `spanSec`:
 * where the pass that follows a recording cuts its runs, so that no word is split (a pause when
 * there is one, else the least loud moment). The latest of equally quiet stretches wins.
 */
export function quietestPointSec(pcm: Buffer, spanSec = 0.4): number {
  const loud = frameLoudness(pcm);
  const n = Math.max(1, Math.round(spanSec * 50));
  if (loud.length <= n) return loud.length / 100;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += loud[i]!;
  let best = sum;
  let at = 0;
  for (let i = n; i < loud.length; i++) {
    sum += loud[i]! - loud[i - n]!;
    if (sum <= best) {
      best = sum;
      at = i - n + 1;
    }
  }
  return (at + n / 2) / 50;
}
