// Where the pass that follows a recording (follow.ts) keeps its segments until the recording is
// the meeting's audio: `recording-<n>.segments.json` beside the WAV, written atomically after each
// segment, so a crash leaves every segment saved before it. meeting.json names another audio
// file (or none) while the recording goes on, so the segments cannot go there yet; attach.ts
// adopts them when the recording becomes the meeting's audio (at the stop, or at recovery after a
// crash) and removes the file.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LIMITS, segmentSchema, type Segment } from '../../../shared/domain.ts';
import { writeFileAtomic } from '../../archive/atomic-write.ts';

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
export class FollowFile {
  readonly segments: Segment[] = [];
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  /** The first write that failed: saving stops there. */
  failed: unknown = null;

  constructor(
    private readonly dir: string,
    private readonly wavFile: string,
  ) {}

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

  /** Replaces saved segments by id (their word confidences came at the end of a run). */
  update(changed: ReadonlyMap<string, Segment>): Promise<void> {
    if (!changed.size) return this.writing;
    this.segments.forEach((s, i) => (this.segments[i] = changed.get(s.id) ?? s));
    return this.save();
  }

  /** Resolves when every change so far is on disk. */
  drain(): Promise<void> {
    return this.writing;
  }

  private save(): Promise<void> {
    this.dirty = true;
    // Writes that queue up meanwhile become one: each writes every segment kept so far.
    this.writing = this.writing.then(async () => {
      if (!this.dirty || this.failed) return;
      this.dirty = false;
      const data = JSON.stringify({ file: this.wavFile, segments: this.segments });
      await writeFileAtomic(join(this.dir, followFileName(this.wavFile)), data).catch((err: unknown) => {
        this.failed = err;
      });
    });
    return this.writing;
  }
}
