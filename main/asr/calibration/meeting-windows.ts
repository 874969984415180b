// "Measure on this computer" times a 29 s sample, and the app shows that speed for an hour of a
// meeting. whisper.cpp encodes 30 s windows, and where one window's text ends short of the
// sample's end it encodes a second window for the rest: with beam 5 it does so on the sample
// for base, and a large model's time is mostly its encoder, so the sample's time could overstate
// a meeting's by half (docs/engine.md, "Measure on this computer"). A long recording pays a window
// every 27-29 s of read speech, fewer where the voice detector removes pauses. So the sample's
// encoder time is counted at that rate instead of as many windows as the sample happened to take.

/**
 * Encoder windows per minute of a long recording of speech without pauses: base with the app's
 * decoding (beam 5, voice detection), 21 windows for msa-read's 601.6 s (2.09) and 82 for the
 * tune set's 2,288.9 s (2.15). The higher is kept: a measure should not lean to the fast side.
 */
export const MEETING_WINDOWS_PER_MINUTE = 2.15;

/** whisper.cpp's encoder total for the run (engine-timings.ts). */
export interface EncoderTime {
  ms: number;
  runs: number;
}

/**
 * The sample's wall time as a long recording would pay for its audio: the encoder windows the
 * engine ran are replaced by the meeting's rate of windows, each at the time one took. Without the
 * engine's timings the wall time is kept as it is.
 */
export function meetingWallSec(wallSec: number, audioSec: number, encoder: EncoderTime | null): number {
  if (!encoder || encoder.runs < 1 || !(encoder.ms >= 0)) return wallSec;
  const windowSec = encoder.ms / encoder.runs / 1000;
  const windows = (audioSec * MEETING_WINDOWS_PER_MINUTE) / 60;
  return Math.max(0, wallSec - encoder.ms / 1000) + windows * windowSec;
}
