// The pass that follows a recording saves into the meeting's transcript when the recording's text
// is to be that transcript: a recording that continues the meeting's audio, or one of a meeting
// without a transcript. Its segments then reach an open review editor as they come ('segment'
// events, as a job's do), and the secretary can review and tag the first hour during a break;
// attach.ts keeps them at the stop. Each write goes in while meeting.json still names the audio
// it named when the recording started (SegmentSaver): an import during the recording replaces
// that audio and clears the transcript, and the pass then hands its segments to a file beside the
// WAV (follow-file.ts), whose segments the stop adopts as before.
import type { Meeting, Segment } from '../../../shared/domain.ts';
import { audioRef, sameOrNone, saveConfidences, SegmentSaver, type AudioRef } from '../../asr/segment-saver.ts';
import type { ServiceContext } from '../../context/context.ts';
import type { FollowStore } from './follow-store.ts';

/** Where a recording's followed segments go: the meeting's transcript, or a file until the stop. */
export type FollowInto = 'meeting' | 'file';

/**
 * The meeting's transcript when it is the recording's own: the recording continues the meeting's
 * audio (same times), or the meeting has no transcript yet. Otherwise the old transcript stays
 * until the stop replaces it, and the followed segments wait in a file.
 */
export const followInto = (meeting: Pick<Meeting, 'segments'>, continued: boolean): FollowInto =>
  continued || meeting.segments.length === 0 ? 'meeting' : 'file';

export class MeetingFollowStore implements FollowStore {
  readonly segments: Segment[] = [];
  private readonly saver: SegmentSaver;
  private readonly audio: AudioRef | null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly meeting: Meeting,
    private readonly startSec: number,
  ) {
    const meetingId = meeting.id;
    this.audio = audioRef(meeting);
    this.saver = new SegmentSaver(ctx.archive, meetingId, this.audio, startSec, {
      saved: (batch) => batch.forEach((segment) => ctx.events.publish({ type: 'segment', meetingId, segment })),
      stopped: () => undefined,
    });
  }

  get endSec(): number {
    return this.segments.at(-1)?.end ?? this.startSec;
  }

  get failed(): boolean {
    return this.saver.state.kind !== 'saving';
  }

  /** meeting.json names other audio now (an import during the recording): the pass moves to a file. */
  get audioChanged(): boolean {
    return this.saver.state.kind === 'audioChanged';
  }

  /**
   * True when meeting.json names other audio than at the start: found by a write, or, for an import
   * that came after the last write, by reading it (at the stop).
   */
  async audioReplaced(): Promise<boolean> {
    if (this.audioChanged) return true;
    const m = await this.ctx.archive.read(this.meeting.id).catch(() => null);
    return !!m && !sameOrNone(audioRef(m), this.audio);
  }

  add(batch: readonly Segment[]): Promise<void> {
    this.segments.push(...batch);
    for (const s of batch) this.saver.add(s);
    return this.saver.drain();
  }

  keepConfidences(confidences: ReadonlyMap<string, number[]>): Promise<void> {
    return this.failed ? Promise.resolve() : saveConfidences(this.ctx, this.meeting.id, this.audio, confidences);
  }

  drain(): Promise<void> {
    return this.saver.drain();
  }
}
