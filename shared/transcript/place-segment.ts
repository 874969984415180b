// Where a segment that arrives from a running transcription goes in the list a page shows: most
// come after the last one, but the second look after the full pass (main/asr/gap-pass.ts) fills
// holes in the middle, and the list is read in time order.

/**
 * The segments with `seg` in place of the one with its id, or, when it is new, before the first
 * segment that starts after it (the order of the others is kept as it is).
 */
export function placeSegment<T extends { id: string; start: number }>(segments: readonly T[], seg: T): T[] {
  const same = segments.findIndex((s) => s.id === seg.id);
  if (same >= 0) return segments.map((s, i) => (i === same ? seg : s));
  const at = segments.findIndex((s) => s.start > seg.start);
  return at < 0 ? [...segments, seg] : [...segments.slice(0, at), seg, ...segments.slice(at)];
}
