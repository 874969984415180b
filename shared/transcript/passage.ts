// A passage of the transcript named by its first and last segment, as the editor names a range
// (the selection from one segment to another, either way round).

interface Timed {
  id: string;
  start: number;
}

/** The segments from `fromId` to `toId` (inclusive, either order) in time order; null if either is unknown. */
export function segmentsBetween<S extends Timed>(segments: readonly S[], fromId: string, toId: string): S[] | null {
  // Equal starts keep the meeting's order.
  const order = segments.map((s, k) => ({ s, k })).sort((x, y) => x.s.start - y.s.start || x.k - y.k);
  let from = order.findIndex((x) => x.s.id === fromId);
  let to = order.findIndex((x) => x.s.id === toId);
  if (from < 0 || to < 0) return null;
  if (from > to) [from, to] = [to, from];
  return order.slice(from, to + 1).map((x) => x.s);
}
