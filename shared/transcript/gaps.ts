// Spans of a recording that have no transcript text: the secretary must be told when the engine
// stopped before the end or skipped a passage, or the minutes silently miss what was said there.

export interface Span {
  start: number;
  end: number;
}

/**
 * The slowest speech a segment's words are taken to fill: a word a second, where msa-read's
 * readers speak 1.6 words a second (975 words in 601.6 s). Whisper sometimes stretches a segment's
 * times across a stretch it left without text (on one CPU, a segment of six words from 73.1 s to
 * 100.6 s of a recording muted from 80 to 97.7 s): such a segment covers only what its words can
 * fill, from its start.
 */
export const MAX_SEC_PER_WORD = 1;

/** The shortest span without text the Transcription tab reports. */
export const REPORTED_GAP_SEC = 10;

/** Where a segment's text can reach: its end, or less for a segment with few words for its length. */
function coveredEnd(s: Span & { text?: string }): number {
  if (s.text === undefined) return s.end;
  const words = s.text.split(/\s+/).filter(Boolean).length;
  return Math.min(s.end, s.start + Math.max(1, words) * MAX_SEC_PER_WORD);
}

/**
 * Stretches of at least `minGapSec` seconds, between 0 and `durationSec`, that no segment covers
 * (the tail after the last segment included). Segments may come in any order and may overlap.
 * A segment with text covers only what its words can fill (MAX_SEC_PER_WORD).
 */
export function untranscribedSpans(segments: readonly (Span & { text?: string })[], durationSec: number, minGapSec = REPORTED_GAP_SEC): Span[] {
  if (!(durationSec > 0)) return [];
  const sorted = [...segments].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  let covered = 0;
  for (const s of sorted) {
    if (s.start - covered >= minGapSec) gaps.push({ start: covered, end: Math.min(s.start, durationSec) });
    covered = Math.max(covered, coveredEnd(s));
  }
  if (durationSec - covered >= minGapSec) gaps.push({ start: covered, end: durationSec });
  return gaps;
}
