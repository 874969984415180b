// Where the voice detector heard speech, from whisper-cli's stderr, and segment times that keep to
// it. With voice detection whisper.cpp decodes the speech joined with 0.1 s of silence for each
// pause it removed, so one segment can hold words from both sides of a long pause: on
// consultation.wav muted from 80 to 97.7 s (a microphone lost in the room), a segment ran from
// 78.1 to 108.3 s, one word before the pause and fifteen after it. Playing it played 20 s of
// silence first, and the report of speech left without text (shared/transcript/gaps.ts) saw the
// room's lost 18 s as covered. Such a segment keeps the side of the pause with the most speech.
import type { Span } from '../../shared/transcript/gaps.ts';

/** whisper.cpp 1.9.1 logs each piece of speech it keeps: `vad_segment_info: orig_start: 46.83, orig_end: 78.54, ...`. */
const SPEECH_LINE = /vad_segment_info: orig_start: (\d+(?:\.\d+)?), orig_end: (\d+(?:\.\d+)?)/;

/** A piece of speech the voice detector kept (seconds of the engine's input), or null. */
export function parseSpeechLine(line: string): Span | null {
  const m = SPEECH_LINE.exec(line);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}

/** The speech lines of an engine's stderr (whole lines: engine-lines.ts), each span shifted to the whole file's seconds. */
export class SpeechLog {
  readonly spans: Span[] = [];

  add(line: string, shiftSec: number): void {
    const heard = parseSpeechLine(line);
    if (heard) this.spans.push({ start: heard.start + shiftSec, end: heard.end + shiftSec });
  }
}

/**
 * A pause this long, removed by the voice detector, is not left inside a segment: the report of
 * speech without text counts from 10 s (untranscribedSpans' minGapSec), and so does this.
 */
export const LONG_PAUSE_SEC = 10;

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Seconds of `span` in which the voice detector heard speech. */
export const speechWithin = (span: Span, speech: readonly Span[]) => speech.reduce((sum, s) => sum + overlap(span, s), 0);

/**
 * The segment's times, cut to the part between long pauses (no speech heard for LONG_PAUSE_SEC or
 * more) that holds most of its speech; unchanged when it spans no long pause, or when nothing is
 * known of the speech. `speech` in order, as the engine logs it (SpeechLog): it runs for every
 * segment, so nothing is sorted or copied here.
 */
export function keepToSpeech(segment: Span, speech: readonly Span[], longPauseSec = LONG_PAUSE_SEC): Span {
  if (speech.length < 2) return segment;
  // The segment's stretches between long pauses.
  const parts: Span[] = [];
  let from = segment.start;
  for (let i = 1; i < speech.length; i++) {
    const pause = { start: speech[i - 1]!.end, end: speech[i]!.start };
    if (pause.end - pause.start < longPauseSec || pause.end <= segment.start || pause.start >= segment.end) continue;
    if (pause.start > from) parts.push({ start: from, end: pause.start });
    from = Math.max(from, pause.end);
  }
  if (from < segment.end) parts.push({ start: from, end: segment.end });
  if (parts.length === 1 && parts[0]!.start === segment.start && parts[0]!.end === segment.end) return segment;
  const heard = (p: Span) => speechWithin(p, speech);
  const best = parts.reduce<Span | null>((b, p) => (!b || heard(p) > heard(b) ? p : b), null);
  return best && heard(best) > 0 ? best : segment;
}
