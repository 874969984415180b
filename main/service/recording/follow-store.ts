// Where the pass that follows a recording (follow.ts) saves its segments: into the meeting's
// transcript, where the secretary reviews and tags them during the recording (follow-meeting.ts),
// or beside the WAV until the stop (follow-file.ts).
import type { Segment } from '../../../shared/domain.ts';

export interface FollowStore {
  /** Every segment handed to the store, in order (what another store takes over). */
  readonly segments: readonly Segment[];
  /** End of the last segment handed over. */
  readonly endSec: number;
  /** Saving has stopped (a write failed, or the meeting's audio changed): the pass stops or moves on. */
  readonly failed: boolean;
  /** Keeps the segments and saves them; resolves once they are on disk (or saving stopped). */
  add(batch: readonly Segment[]): Promise<void>;
  /** The word confidences of a finished run, by segment id. */
  keepConfidences(confidences: ReadonlyMap<string, number[]>): Promise<void>;
  /** Resolves when every change so far is on disk. */
  drain(): Promise<void>;
}
