// Times of the transcript as people read them. One implementation for every export (TXT, SRT,
// VTT, the minutes' annex) and for the screens, so that a segment shows the same second
// everywhere: the time is rounded to the millisecond (as SRT and VTT write it), and the second
// is the whole second of that, never rounded up (3725.6 s is 01:02:05, not 01:02:06).

interface ClockParts {
  h: number;
  m: number;
  s: number;
  ms: number;
}

/** Hours, minutes, seconds and milliseconds of a time; a negative or non-finite time is 0. */
function clockParts(seconds: number): ClockParts {
  const total = Math.round((Number.isFinite(seconds) && seconds > 0 ? seconds : 0) * 1000);
  return {
    h: Math.floor(total / 3_600_000),
    m: Math.floor((total % 3_600_000) / 60_000),
    s: Math.floor((total % 60_000) / 1000),
    ms: total % 1000,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** 3725.5 -> "01:02:05,500" (SRT) or "01:02:05.500" (VTT). */
export function formatTimestamp(seconds: number, sep: ',' | '.' = '.'): string {
  const { h, m, s, ms } = clockParts(seconds);
  return `${two(h)}:${two(m)}:${two(s)}${sep}${String(ms).padStart(3, '0')}`;
}

/** 3725.6 -> "01:02:05": the timestamp without its milliseconds (TXT transcript, minutes annex). */
export function formatClock(seconds: number): string {
  return formatTimestamp(seconds).slice(0, 8);
}

/** 3725.6 -> "1:02:05", 65 -> "1:05": the short form of the screens (segment times, durations, time remaining). */
export function formatShortClock(seconds: number): string {
  const { h, m, s } = clockParts(seconds);
  return `${h ? `${h}:${two(m)}` : String(m)}:${two(s)}`;
}
