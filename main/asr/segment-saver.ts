// Saves a transcription job's segments into meeting.json as they arrive (job.ts). Segments are
// appended in order; those that arrive while a write is in flight go together in the next one.
// Every write first checks that meeting.json still names the job's recording: once it names
// another one, or a write fails, saving stops and the job is told to stop its engine. The pass that
// follows a recording (service/recording/follow-meeting.ts) saves the same way while meeting.json
// still names the audio it had when the recording started (none, or the audio the recording continues).
// segmentStream turns a run's streamed segments into saved ones (the job's and the pass that
// follows a recording, service/recording/follow.ts).
import { LIMITS, newId, type Meeting, type Segment } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { MeetingArchive } from '../archive/archive.ts';
import type { ServiceContext } from '../context/context.ts';
import type { EngineSegment, RunOptions } from './runner.ts';
import { withConfidence } from './token-confidence.ts';

/** The recording a job works on: its file and checksum as meeting.json names them. */
export type AudioRef = { file: string; sha256: string | null };
export const audioRef = (m: Pick<Meeting, 'audio'>): AudioRef | null => (m.audio ? { file: m.audio.file, sha256: m.audio.sha256 ?? null } : null);
export const sameAudio = (a: AudioRef | null | undefined, b: AudioRef | null | undefined) => !!a && !!b && a.file === b.file && a.sha256 === b.sha256;
/** The same recording, or none on either side (a meeting that records its first audio). */
export const sameOrNone = (a: AudioRef | null, b: AudioRef | null) => (a === null && b === null) || sameAudio(a, b);

/** Where saving stands: going on; stopped for good because meeting.json names another recording; stopped by a failed write. */
export type SaveState = { kind: 'saving' } | { kind: 'audioChanged' } | { kind: 'failed'; error: unknown };

/** Thrown inside a save when meeting.json no longer names the job's recording. */
class AudioChanged extends Error {}

export interface SaverListener {
  /** A batch is in meeting.json; `savedEnd` is the end of the last segment written so far. */
  saved(batch: readonly Segment[], savedEnd: number): void;
  /** A write failed or found another recording (`state` says which): the engine should stop. */
  stopped(): void;
}

export class SegmentSaver {
  state: SaveState = { kind: 'saving' };
  /** End of the last segment written to meeting.json: all that progress may claim. */
  savedEnd: number;
  private pending: Segment[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly archive: MeetingArchive,
    private readonly meetingId: string,
    /** The audio meeting.json must name for a write to go in; null: none (a first recording being followed). */
    private readonly audio: AudioRef | null,
    savedEnd: number,
    private readonly listener: SaverListener,
  ) {
    this.savedEnd = savedEnd;
  }

  /** Queues a segment and writes it unless a write is in flight (it then goes in the next one). */
  add(segment: Segment): void {
    // The meeting names another recording: nothing of this run belongs in it any more.
    if (this.state.kind === 'audioChanged') return;
    this.pending.push(segment);
    void this.flush();
  }

  /** No write in flight and nothing queued. */
  get idle(): boolean {
    return !this.writing && !this.pending.length;
  }

  /** Resolves when every queued segment is written, or saving has stopped. */
  async drain(): Promise<void> {
    while ((this.writing || this.pending.length) && this.state.kind === 'saving') await this.flush();
    if (this.writing) await this.writing;
  }

  private flush(): Promise<void> {
    if (this.writing) return this.writing;
    if (!this.pending.length) return Promise.resolve();
    const batch = this.pending;
    this.pending = [];
    this.writing = this.append(batch)
      .then(() => {
        this.savedEnd = Math.max(this.savedEnd, ...batch.map((s) => s.end));
        this.listener.saved(batch, this.savedEnd);
      })
      .catch((err: unknown) => {
        this.state = err instanceof AudioChanged ? { kind: 'audioChanged' } : { kind: 'failed', error: err };
        this.listener.stopped();
      })
      .finally(() => {
        this.writing = null;
      })
      .then(() => (this.pending.length && this.state.kind === 'saving' ? this.flush() : undefined));
    return this.writing;
  }

  /** Appends the batch to meeting.json, up to the limit of segments a meeting holds. */
  private append(batch: Segment[]): Promise<Meeting> {
    return this.archive.update(this.meetingId, (m: Meeting) => {
      if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
      if (!sameOrNone(audioRef(m), this.audio)) throw new AudioChanged();
      const room = LIMITS.segments - m.segments.length;
      return { ...m, segments: [...m.segments, ...batch.slice(0, Math.max(0, room))] };
    });
  }
}

/**
 * Stores a finished run's word confidences on its segments in meeting.json while it names `audio`
 * (null: none), and tells an open editor. The confidence only helps the review: the transcript is
 * saved without it, so a failed write is let go.
 */
export async function saveConfidences(ctx: Pick<ServiceContext, 'archive' | 'events'>, meetingId: string, audio: AudioRef | null, confidences: ReadonlyMap<string, number[]>): Promise<void> {
  if (!confidences.size) return;
  let gained: Segment[] = [];
  await ctx.archive
    .update(meetingId, (m: Meeting) => {
      gained = [];
      if (m.status === 'approved' || !sameOrNone(audioRef(m), audio)) return m;
      const segments = m.segments.map((s) => {
        const next = withConfidence(s, confidences.get(s.id));
        if (next !== s) gained.push(next);
        return next;
      });
      return { ...m, segments };
    })
    // An editor open on the meeting already has these segments: it takes their confidences.
    .then(() => gained.forEach((segment) => ctx.events.publish({ type: 'segment', meetingId, segment })))
    .catch(() => undefined);
}

/**
 * Puts a hole's new segments (gap-pass.ts) into meeting.json, each before the first saved segment
 * that starts after it, while meeting.json names `audio` and is not approved (null otherwise:
 * nothing is written). A new segment that overlaps one saved meanwhile is left out, and so is what
 * goes over the limit of segments a meeting holds. Returns the segments written.
 */
export async function insertSegments(
  archive: MeetingArchive,
  meetingId: string,
  audio: AudioRef,
  found: readonly (EngineSegment & { wordConfidence?: number[] })[],
): Promise<Segment[] | null> {
  if (!found.length) return [];
  let added: Segment[] = [];
  let refused = false;
  await archive.update(meetingId, (m: Meeting) => {
    added = [];
    refused = m.status === 'approved' || !sameAudio(audioRef(m), audio);
    if (refused) return m;
    const segments = m.segments.slice();
    for (const f of found) {
      if (segments.length >= LIMITS.segments) break;
      if (segments.some((s) => s.start < f.end && f.start < s.end)) continue;
      const segment = withConfidence(newSegment(f.start, f.end, f.text), f.wordConfidence);
      const at = segments.findIndex((s) => s.start > segment.start);
      segments.splice(at < 0 ? segments.length : at, 0, segment);
      added.push(segment);
    }
    return added.length ? { ...m, segments } : m;
  });
  return refused ? null : added;
}

/** A new saved segment of the engine's text, its times rounded to the millisecond. */
function newSegment(start: number, end: number, text: string): Segment {
  return { id: newId('s'), start: round(start), end: round(end), text: text.slice(0, LIMITS.longText), speakerId: null, tags: [], edited: false };
}

/**
 * A run's onSegment and onConfidence for a pass that saves what it hears: each streamed segment
 * becomes a saved one that never overlaps what is saved (a resumed run starts exactly at the last
 * saved end), and the word confidences the run gives at its end are kept by saved segment id.
 */
export function segmentStream(
  fromSec: number,
  save: (segment: Segment) => void,
  confidences: Map<string, number[]>,
): Pick<RunOptions, 'onSegment' | 'onConfidence'> {
  /** The saved segment's id of each streamed segment. */
  const idOf = new Map<EngineSegment, string>();
  let lastEnd = fromSec;
  return {
    onSegment: (seg) => {
      const start = Math.max(seg.start, lastEnd);
      lastEnd = Math.max(seg.end, start);
      const segment = newSegment(start, lastEnd, seg.text);
      idOf.set(seg, segment.id);
      save(segment);
    },
    onConfidence: (seg, ps) => {
      const id = idOf.get(seg);
      if (id) confidences.set(id, ps);
    },
  };
}

const round = (t: number) => Math.round(t * 1000) / 1000;
