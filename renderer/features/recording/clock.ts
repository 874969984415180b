// The recording's clock as the page counts it: where the file stood when this page began feeding
// it, plus the samples captured since (a paused span never counts), so a mark gets its time
// without waiting on main.
import { RECORDING_SAMPLE_RATE } from '../../../shared/recording.ts';
import { LEVEL_INTERVAL_SEC } from './warnings.ts';

const round = (t: number) => Math.round(t * 1000) / 1000;

/** clock = base + (samples in chunks received + samples in the worklet's partial chunk) / 16000 */
export class CaptureClock {
  /** Seconds in the file before the first sample this page captured (main's answer to start). */
  base = 0;
  private chunkSamples = 0;
  private partial = 0;
  private levelAt = 0;

  reset(): void {
    this.chunkSamples = 0;
    this.partial = 0;
    this.levelAt = 0;
  }

  /** A whole chunk arrived from the worklet. */
  chunk(samples: number): void {
    this.chunkSamples += samples;
    this.partial = 0;
  }

  /** A level report: `filled` samples wait in the worklet's partial chunk. */
  level(filled: number | undefined): void {
    this.levelAt = performance.now();
    if (filled !== undefined) this.partial = filled;
  }

  /** The worklet was closed: its partial chunk is gone with it. */
  dropPartial(): void {
    this.partial = 0;
  }

  /** Seconds captured since this page began. `running`: the worklet is capturing right now. */
  captured(running: boolean): number {
    let samples = this.chunkSamples + this.partial;
    if (running && this.levelAt) {
      // Between two level messages (a tenth of a second apart) the worklet has gone on capturing.
      samples += Math.min((performance.now() - this.levelAt) / 1000, LEVEL_INTERVAL_SEC) * RECORDING_SAMPLE_RATE;
    }
    return samples / RECORDING_SAMPLE_RATE;
  }

  /** The recording's time of `captured` seconds, to the millisecond. */
  at(captured: number): number {
    return round(this.base + captured);
  }

  /**
   * A new recording that begins with `durationSec` of audio takes over; `pendingSamples` of what
   * this page captured are not in it yet and will follow.
   */
  rebase(durationSec: number, pendingSamples: number): void {
    this.base = durationSec + (pendingSamples - this.chunkSamples) / RECORDING_SAMPLE_RATE;
  }
}
