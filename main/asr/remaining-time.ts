// The remaining time of a transcription, as the page shows it. whisper-cli reports progress once
// per 30 s window, so a plain "time so far / audio so far" estimate sits still between reports and
// jumps (up as well as down) at each one. Here the estimate counts down with the clock, is drawn
// gradually toward what the last report measured, and never goes up.

export interface RemainingInput {
  /** Seconds since the engine started, at its last progress report. */
  elapsedSec: number;
  /** Audio seconds the engine was past at that report, from the start of the file. */
  doneSec: number;
  /** Where this run started in the file, and the file's length, in audio seconds. */
  offsetSec: number;
  totalSec: number;
  /** The calibrated speed of this model on this machine (seconds of work per hour of audio), when measured. */
  secPerHour: number | null;
}

export interface Remaining {
  etaSec: number;
  /** Seconds since the engine started when etaSec was given. */
  atSec: number;
}

/**
 * Work seconds per audio second: the calibration at first, the run's own rate more and more as it
 * advances (it includes loading the model, which the calibration measured too).
 */
function workPerAudioSec({ elapsedSec, doneSec, offsetSec, totalSec, secPerHour }: RemainingInput): number | null {
  const processed = doneSec - offsetSec;
  const measured = processed > 1 && elapsedSec > 1 ? elapsedSec / processed : null;
  const calibrated = secPerHour !== null && secPerHour > 0 ? secPerHour / 3600 : null;
  if (calibrated === null) return measured;
  if (measured === null) return calibrated;
  const weight = Math.min(1, processed / Math.max(totalSec - offsetSec, 1));
  return calibrated * (1 - weight) + measured * weight;
}

/** How fast the shown figure moves toward the measured one: about two thirds of the way in 20 s. */
const PULL_SEC = 20;

/**
 * The remaining time at `nowSec` (seconds since the engine started), from the one shown before
 * (null at first) and the last progress report; null while nothing is known yet. It goes down by
 * at least half a second each second, so it is never a frozen number, and never up.
 */
export function nextRemaining(previous: Remaining | null, input: RemainingInput, nowSec: number): Remaining | null {
  const rate = workPerAudioSec(input);
  if (rate === null) return previous && { etaSec: Math.max(0, previous.etaSec - (nowSec - previous.atSec) / 2), atSec: nowSec };
  const measured = Math.max(0, Math.max(0, input.totalSec - input.doneSec) * rate - (nowSec - input.elapsedSec));
  if (previous === null) return { etaSec: measured, atSec: nowSec };
  const step = Math.max(0, nowSec - previous.atSec);
  const counted = previous.etaSec - step;
  const drawn = counted + (measured - counted) * (1 - Math.exp(-step / PULL_SEC));
  return { etaSec: Math.max(0, Math.min(previous.etaSec - step / 2, drawn)), atSec: nowSec };
}
