// Speakers in the review editor: one colour per participant (by rank, the order of the details
// form, which is also the order of the number keys), and the segments in time order.
import type { Participant, Segment } from '../../../shared/domain.ts';

/**
 * Dark enough for text on white (4.5:1 or more) and far apart from each other; used for the
 * speaker's name, the bar at the side of its passages, and the player's timeline.
 */
export const SPEAKER_COLOURS = ['#1a5fb4', '#a51d2d', '#26734d', '#865e00', '#613583', '#0b6e82', '#c64600', '#5e5c64', '#9c2f71', '#3d5a00'];

export function speakerColours(participants: readonly Participant[]): Record<string, string> {
  return Object.fromEntries(participants.map((p, i) => [p.id, SPEAKER_COLOURS[i % SPEAKER_COLOURS.length]!]));
}

/** The segments by start time (stable for equal starts); the stored list is usually already so. */
export function inTimeOrder(segments: readonly Segment[]): readonly Segment[] {
  for (let i = 1; i < segments.length; i++) {
    if (segments[i]!.start < segments[i - 1]!.start) return segments.map((s, k) => [s, k] as const).sort((a, b) => a[0].start - b[0].start || a[1] - b[1]).map(([s]) => s);
  }
  return segments;
}

/** Index of the segment playing at `t` in a list in time order, or -1 (binary search: called every frame while playing). */
export function segmentAt(segments: readonly Segment[], t: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && t < Math.max(segments[found]!.end, segments[found]!.start + 0.01) ? found : -1;
}
