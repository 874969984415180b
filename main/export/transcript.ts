// Transcript exports: TXT, SRT, VTT and JSON. Pure functions of the segments (and, when known,
// the participants who spoke them). Used by the service's exportMeeting, by `mahdar export` and
// by `mahdar transcribe`.
import { formatClock, formatTimestamp } from '../../shared/text/time.ts';

export { formatClock, formatTimestamp };

/** The least a segment needs to be exported; a domain Segment fits. */
export interface TranscriptSegment {
  start: number;
  end: number;
  text: string;
  speakerId?: string | null;
}

export type TranscriptFormat = 'txt' | 'srt' | 'vtt' | 'json';
export const transcriptFormats: readonly TranscriptFormat[] = ['txt', 'srt', 'vtt', 'json'];

/** Speaker names by id: a Map, a plain record, or a list of participants. */
export type Speakers =
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>
  | ReadonlyArray<{ id: string; name: string }>;

function speakerLookup(speakers?: Speakers): (id: string | null | undefined) => string | null {
  if (!speakers) return () => null;
  let map: ReadonlyMap<string, string>;
  if (speakers instanceof Map) map = speakers as ReadonlyMap<string, string>;
  else if (Array.isArray(speakers)) map = new Map((speakers as ReadonlyArray<{ id: string; name: string }>).map((p) => [p.id, p.name]));
  else map = new Map(Object.entries(speakers as Record<string, string>));
  return (id) => (id ? (map.get(id)?.trim() || null) : null);
}

/** Text of a cue on one line per source line, with blank lines removed (they end a cue in SRT/VTT). */
function cueText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

function clampSeconds(s: number): number {
  return Number.isFinite(s) && s > 0 ? s : 0;
}

/** End never before start, so players do not drop the cue. */
function cueTimes(seg: TranscriptSegment): [number, number] {
  const start = clampSeconds(seg.start);
  const end = Math.max(start, clampSeconds(seg.end));
  return [start, end];
}

export function toTxt(segments: readonly TranscriptSegment[], speakers?: Speakers): string {
  const name = speakerLookup(speakers);
  const lines = segments.map((seg) => {
    const who = name(seg.speakerId);
    const text = cueText(seg.text).replace(/\n/g, ' ');
    return `[${formatClock(seg.start)} - ${formatClock(seg.end)}]${who ? ` ${who}:` : ''} ${text}`;
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function toSrt(segments: readonly TranscriptSegment[], speakers?: Speakers): string {
  const name = speakerLookup(speakers);
  const cues: string[] = [];
  let n = 0;
  for (const seg of segments) {
    const text = cueText(seg.text);
    if (!text) continue;
    const [start, end] = cueTimes(seg);
    const who = name(seg.speakerId);
    cues.push(`${++n}\n${formatTimestamp(start, ',')} --> ${formatTimestamp(end, ',')}\n${who ? `${who}: ` : ''}${text}\n`);
  }
  return cues.join('\n');
}

/** Characters that have a meaning in WebVTT cue text. */
function escapeVtt(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toVtt(segments: readonly TranscriptSegment[], speakers?: Speakers): string {
  const name = speakerLookup(speakers);
  const out = ['WEBVTT', ''];
  for (const seg of segments) {
    const text = cueText(seg.text).replace(/-->/g, '->');
    if (!text) continue;
    const [start, end] = cueTimes(seg);
    const who = name(seg.speakerId);
    // A voice span names the speaker the standard way: <v Name>text
    const voice = who ? `<v ${escapeVtt(who).replace(/\n/g, ' ')}>` : '';
    out.push(`${formatTimestamp(start, '.')} --> ${formatTimestamp(end, '.')}`, `${voice}${escapeVtt(text)}`, '');
  }
  return out.join('\n');
}

export interface TranscriptJson {
  segments: { start: number; end: number; text: string; speaker?: string; speakerId?: string }[];
}

export function toJson(segments: readonly TranscriptSegment[], speakers?: Speakers): string {
  const name = speakerLookup(speakers);
  const doc: TranscriptJson = {
    segments: segments.map((seg) => {
      const [start, end] = cueTimes(seg);
      const entry: TranscriptJson['segments'][number] = {
        start: Math.round(start * 1000) / 1000,
        end: Math.round(end * 1000) / 1000,
        text: seg.text.trim(),
      };
      const who = name(seg.speakerId);
      if (seg.speakerId) entry.speakerId = seg.speakerId;
      if (who) entry.speaker = who;
      return entry;
    }),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** One entry point for every transcript format. */
export function formatTranscript(format: TranscriptFormat, segments: readonly TranscriptSegment[], speakers?: Speakers): string {
  switch (format) {
    case 'txt':
      return toTxt(segments, speakers);
    case 'srt':
      return toSrt(segments, speakers);
    case 'vtt':
      return toVtt(segments, speakers);
    case 'json':
      return toJson(segments, speakers);
  }
}

export const transcriptContentTypes: Record<TranscriptFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
