// Where the pass that follows a recording (follow.ts) keeps its segments when they cannot go in
// the meeting's transcript yet: `recording-<n>.segments.json` beside the WAV, written atomically
// after each segment, so a crash leaves every segment saved before it. That is when the recording
// will replace a transcript the meeting still has (the old one stays until the stop), or when an
// import replaced the meeting's audio during the recording (follow-meeting.ts hands over). attach.ts
// adopts them when the recording becomes the meeting's audio (at the stop, or at recovery after a
// crash) and removes the file.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LIMITS, segmentSchema, type Segment } from '../../../shared/domain.ts';
import { writeFileAtomic } from '../../archive/atomic-write.ts';
import { withConfidence } from '../../asr/token-confidence.ts';
import type { FollowStore } from './follow-store.ts';

const followFileSchema = z.strictObject({
  /** The recording the segments were made on. */
  file: z.string(),
  segments: z.array(segmentSchema).max(LIMITS.segments),
});

/** The segments file of a recording: recording-3.wav → recording-3.segments.json. */
export const followFileName = (wavFile: string) => wavFile.replace(/\.wav$/, '.segments.json');

/**
 * The segments the pass saved while `wavFile` was recorded; none when there is no file, or one
 * that is not ours (it is then left for a person, and the pass after the stop does the work).
 */
export async function readFollowFile(dir: string, wavFile: string): Promise<Segment[]> {
  const path = join(dir, followFileName(wavFile));
  try {
    const parsed = followFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.file === wavFile ? parsed.segments : [];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`mahdar: ${path} cannot be read; its segments are transcribed again.`);
    return [];
  }
}

export const removeFollowFile = (dir: string, wavFile: string): Promise<void> => rm(join(dir, followFileName(wavFile)), { force: true });

/** The segments of one recording's pass, saved as they come: one write at a time, each with all of them. */
export class FollowFile implements FollowStore {
  readonly segments: Segment[] = [];
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  /** The first write that failed: saving stops there. */
  error: unknown = null;

  /** `taken`: segments another store of the same pass saved first (follow-meeting.ts hands them over). */
  constructor(
    private readonly dir: string,
    private readonly wavFile: string,
    taken: readonly Segment[] = [],
  ) {
    if (taken.length) void this.add(taken);
  }

  get failed(): boolean {
    return this.error !== null;
  }

  /** End of the last segment: where the next run starts. */
  get endSec(): number {
    return this.segments.at(-1)?.end ?? 0;
  }

  /** Keeps the segments and saves them; resolves once they are on disk (or saving failed). */
  add(batch: readonly Segment[]): Promise<void> {
    const room = LIMITS.segments - this.segments.length;
    this.segments.push(...batch.slice(0, Math.max(0, room)));
    return this.save();
  }

  /** The word confidences of a finished run, on its saved segments (as a job stores them). */
  keepConfidences(confidences: ReadonlyMap<string, number[]>): Promise<void> {
    let changed = false;
    this.segments.forEach((s, i) => {
      const next = withConfidence(s, confidences.get(s.id));
      changed ||= next !== s;
      this.segments[i] = next;
    });
    return changed ? this.save() : this.writing;
  }

  /** Resolves when every change so far is on disk. */
  drain(): Promise<void> {
    return this.writing;
  }

  private save(): Promise<void> {
    this.dirty = true;
    // Writes that queue up meanwhile become one: each writes every segment kept so far.
    this.writing = this.writing.then(async () => {
      if (!this.dirty || this.error !== null) return;
      this.dirty = false;
      const data = JSON.stringify({ file: this.wavFile, segments: this.segments });
      await writeFileAtomic(join(this.dir, followFileName(this.wavFile)), data).catch((err: unknown) => {
        this.error = err;
      });
    });
    return this.writing;
  }
}
