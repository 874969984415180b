// A span's segments moved from a cut of the recording onto the meeting's timeline, clipped to the
// span: a passage transcribed again (passage.ts) and a hole transcribed again after the full pass
// (gap-pass.ts).
import { LIMITS } from '../../shared/domain.ts';
import type { EngineSegment } from './runner.ts';

/**
 * Audio taken on each side of the span: a word cut at the very edge of a segment's time is still
 * heard whole. The new segments' times are clipped to the span itself, so they never overlap
 * the neighbours that stay.
 */
export const PASSAGE_PAD_SEC = 0.25;

/** A segment of the passage, with the confidence of each of its words when known. */
export type PassageSegment = EngineSegment & { wordConfidence?: number[] };

/**
 * Engine segments of a slice that began at `shift` seconds, moved onto the meeting's timeline,
 * clipped to [start, end], in order and never overlapping (as a job saves them). A segment lying
 * wholly in the padding is speech of the neighbouring segments, which stay: it is dropped.
 */
export function onTimeline(segments: readonly PassageSegment[], shift: number, start: number, end: number): PassageSegment[] {
  const out: PassageSegment[] = [];
  let last = start;
  for (const s of segments) {
    if (s.end + shift <= start || s.start + shift >= end) continue;
    const a = Math.min(end, round(Math.max(last, s.start + shift)));
    const b = Math.min(end, round(Math.max(a, s.end + shift)));
    last = b;
    const text = s.text.slice(0, LIMITS.longText);
    const seg: PassageSegment = { start: a, end: b, text };
    // A text cut to the length limit has fewer words than confidences: none then.
    if (s.wordConfidence && text === s.text) seg.wordConfidence = s.wordConfidence;
    out.push(seg);
  }
  return out;
}

const round = (t: number) => Math.round(t * 1000) / 1000;
