// What a summary was written against: a short fingerprint of its passages' words, speakers and
// agenda points. A summary whose fingerprint no longer matches its passages is "to check".
// Whitespace is normalised and passages are joined, so splitting or merging passages (which moves
// no word) leaves the fingerprint as it was; a changed word, speaker or point changes it.
import type { Segment } from '../domain.ts';

/** FNV-1a, 32 bits, over UTF-16 code units, from a given offset basis. */
function fnv1a(s: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The fingerprint of passages (in the order given: time order). */
export function passagesFingerprint(segments: readonly Pick<Segment, 'text' | 'speakerId' | 'agendaItemId'>[]): string {
  const words = segments
    .map((s) => s.text)
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
  const who = [...new Set(segments.map((s) => `${s.speakerId ?? '-'}/${s.agendaItemId ?? '-'}`))].join(',');
  const text = `${who}\u0000${words}`;
  // Two independent 32-bit hashes: a chance collision would hide a change from the secretary.
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x2166136b).toString(16).padStart(8, '0');
}

/** The fingerprint of the passages named, those that still exist, in time order. */
export function fingerprintOf(all: readonly Segment[], ids: readonly string[]): string {
  const wanted = new Set(ids);
  const found = all.filter((s) => wanted.has(s.id)).sort((a, b) => a.start - b.start);
  return passagesFingerprint(found);
}
