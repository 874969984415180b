// What the recording tab warns about while it records, as pure functions of what the worklet and
// main report (recorder.ts feeds them; tests/unit/recording-warnings.test.ts checks them):
//  - silence: the input stayed under SILENT_PEAK for SILENT_AFTER_SEC (a muted, unplugged or
//    wrong microphone gives digital silence or the converter's floor, far under a quiet room);
//  - clipping: the input kept reaching full scale (in more than one level report in five) until
//    CLIPPING_AFTER_SEC of clipped reports built up (a microphone too close or a gain too high:
//    the words are distorted for good, no later step can undo it);
//  - low disk: main's answer to each chunk says how many minutes the free disk still holds.
import { LOW_DISK_MINUTES } from '../../../shared/recording.ts';

/** Seconds of near silence, and of clipping, before the page warns. */
export const SILENT_AFTER_SEC = 5;
export const CLIPPING_AFTER_SEC = 2;
/**
 * -60 dBFS, the bottom of the meter. A room between two speakers stays above it with any working
 * microphone (its own noise is about -70 to -60 dBFS at the quietest, the room's adds to it), so a
 * pause in the meeting is not taken for a dead microphone.
 */
export const SILENT_PEAK = 0.001;
/** The worklet reports the input level this often. */
export const LEVEL_INTERVAL_SEC = 0.1;
const reports = (sec: number) => Math.round(sec / LEVEL_INTERVAL_SEC);
/** Clipping fades four times slower than it builds: speech clips on its peaks, not on every report. */
const CLIP_UP = 4;
const CLIP_FULL = CLIP_UP * reports(CLIPPING_AFTER_SEC);

/** Counted in whole reports, not in seconds: sums of tenths drift in floating point. */
export interface LevelWatch {
  /** Reports in a row under SILENT_PEAK. */
  silentReports: number;
  /** Up by CLIP_UP per report that clipped, down by one per report that did not, 0 to CLIP_FULL. */
  clippingScore: number;
  silent: boolean;
  clipping: boolean;
}

export const quietWatch: LevelWatch = { silentReports: 0, clippingScore: 0, silent: false, clipping: false };

/**
 * The warnings after one level report of the worklet. `active` is false while paused or not
 * recording: nothing is being recorded, so nothing is counted or shown.
 */
export function watchLevel(prev: LevelWatch, level: { peak: number; clipped: number }, active: boolean): LevelWatch {
  if (!active) return quietWatch;
  const silentReports = level.peak < SILENT_PEAK ? prev.silentReports + 1 : 0;
  const clippingScore = level.clipped > 0 ? Math.min(CLIP_FULL, prev.clippingScore + CLIP_UP) : Math.max(0, prev.clippingScore - 1);
  return {
    silentReports,
    clippingScore,
    // Sound back: the warning goes at once.
    silent: silentReports >= reports(SILENT_AFTER_SEC),
    // Once shown, it stays until the clipping has faded out (8 s without any): a level that
    // clips on every other word would otherwise make it flicker on and off.
    clipping: prev.clipping ? clippingScore > 0 : clippingScore >= CLIP_FULL,
  };
}

/** Minutes left to show, or null when the disk holds LOW_DISK_MINUTES or more. */
export function lowDiskMinutes(freeDiskMinutes: number): number | null {
  return freeDiskMinutes < LOW_DISK_MINUTES ? Math.max(0, Math.floor(freeDiskMinutes)) : null;
}
