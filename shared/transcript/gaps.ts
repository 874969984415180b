// Spans of a recording that have no transcript text: the secretary must be told when the engine
// stopped before the end or skipped a passage, or the minutes silently miss what was said there.

export interface Span {
  start: number;
  end: number;
}

/**
 * Stretches of at least `minGapSec` seconds, between 0 and `durationSec`, that no segment covers
 * (the tail after the last segment included). Segments may come in any order and may overlap.
 */
export function untranscribedSpans(segments: readonly Span[], durationSec: number, minGapSec = 10): Span[] {
  if (!(durationSec > 0)) return [];
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let covered = 0;
  for (const s of sorted) {
    if (s.start - covered >= minGapSec) gaps.push({ start: covered, end: Math.min(s.start, durationSec) });
    covered = Math.max(covered, s.end);
  }
  if (durationSec - covered >= minGapSec) gaps.push({ start: covered, end: durationSec });
  return gaps;
}
