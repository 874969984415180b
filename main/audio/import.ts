// Importing an audio file into a meeting: decode it to 16 kHz mono WAV inside the meeting folder
// under a fresh name, then point meeting.json at it in one atomic update. Until that update the
// meeting is untouched; on any error the decoded file is removed. Replacing the audio clears the
// engine's segments (their times belonged to the old recording). Each import gets its own file
// name, so the old file can outlive the switch: it is deleted unless `keepAudio` says a record
// still needs it (the audio an approved revision's manifest names).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../shared/domain.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { ServiceContext } from '../context/context.ts';
import { decodeToWav, type DecodeOptions } from './decode.ts';
import { hashFile } from '../archive/file-hash.ts';


export interface ImportOptions extends DecodeOptions {
  /** True for an audio file that must be kept once it is no longer the meeting's recording. */
  keepAudio?: (file: string) => boolean | Promise<boolean>;
}

export async function importAudioFile(
  ctx: ServiceContext,
  meetingId: string,
  input: string,
  originalName: string,
  opts: ImportOptions = {},
): Promise<Meeting> {
  const before = await ctx.archive.read(meetingId);
  if (before.status === 'approved') throw new MahdarError('meeting.readOnly');
  const dir = ctx.archive.meetingDir(meetingId);
  const fileName = `audio-${randomBytes(4).toString('hex')}.wav`;
  const out = join(dir, fileName);
  let previous: string | null = null;
  try {
    const decoded = await decodeToWav(input, out, opts);
    const sha256 = await hashFile(out);
    const saved = await ctx.archive.update(meetingId, (m) => {
      if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
      previous = m.audio?.file ?? null;
      const hadSegments = m.segments.length > 0;
      return {
        ...m,
        audio: { file: fileName, durationSec: Math.round(decoded.durationSec * 1000) / 1000, sha256, originalName: originalName.slice(0, 300) },
        segments: hadSegments ? [] : m.segments,
        decisions: hadSegments ? m.decisions.map((d) => ({ ...d, segmentIds: [] })) : m.decisions,
      };
    });
    const old: string | null = previous;
    if (old && old !== fileName && !(await opts.keepAudio?.(old))) await rm(join(dir, old), { force: true }).catch(() => undefined);
    return saved;
  } catch (err) {
    await rm(out, { force: true }).catch(() => undefined);
    throw err;
  }
}
