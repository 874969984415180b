// Times of the transcript as people read them. One implementation for every export (TXT, SRT,
// VTT, the minutes' annex) so that a segment shows the same second everywhere.

function clampSeconds(s: number): number {
  return Number.isFinite(s) && s > 0 ? s : 0;
}

/** 3725.5 -> "01:02:05,500" (SRT) or "01:02:05.500" (VTT); rounded to the millisecond. */
export function formatTimestamp(seconds: number, sep: ',' | '.' = '.'): string {
  const ms = Math.round(clampSeconds(seconds) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const r = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}${String(r).padStart(3, '0')}`;
}

/** 3725.5 -> "01:02:05": the timestamp without its milliseconds (TXT transcript, minutes annex). */
export function formatClock(seconds: number): string {
  return formatTimestamp(seconds).slice(0, 8);
}
