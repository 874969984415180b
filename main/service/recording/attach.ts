// A finished (or recovered) recording becomes the meeting's audio, as an imported file does.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIMITS, type Meeting } from '../../../shared/domain.ts';
import { MahdarError } from '../../../shared/errors.ts';
import { hashFile } from '../../archive/file-hash.ts';
import { removeHeardSpeech } from '../../asr/heard-speech.ts';
import { clearJobRecord, resumePoint, type TranscriptionJobs } from '../../asr/job.ts';
import { readWavInfo } from '../../audio/wav.ts';
import type { ServiceContext } from '../../context/context.ts';
import { revisionsNeedAudio } from '../../export/approve.ts';
import { readFollowFile, removeFollowFile } from './follow-file.ts';
import type { FollowInto } from './follow-meeting.ts';

/** Seconds to the millisecond, as the contract reports them. */
export const roundSec = (t: number) => Math.round(t * 1000) / 1000;

/**
 * Its duration and sha256 in meeting.json, the old file deleted unless an approved revision needs
 * it. A recording that did not begin with the old audio replaces its transcript too, unless the
 * pass that followed it saved into the transcript (`into` 'meeting', follow-meeting.ts): that
 * transcript, and what the secretary did to it meanwhile, is the recording's and stays. The
 * segments the pass saved beside the WAV (follow-file.ts) join the transcript after what it keeps;
 * a second attach of the same file (a crash before recording.json went) adds none twice.
 */
export async function attachRecording(ctx: ServiceContext, jobs: TranscriptionJobs, meetingId: string, file: string, continued: boolean, into: FollowInto): Promise<Meeting> {
  const dir = ctx.archive.meetingDir(meetingId);
  const path = join(dir, file);
  const { durationSec } = await readWavInfo(path);
  const sha256 = await hashFile(path);
  const followed = await readFollowFile(dir, file);
  let previous: string | null = null;
  const saved = await ctx.archive.update(meetingId, (m) => {
    if (m.status === 'approved') throw new MahdarError('meeting.readOnly');
    previous = m.audio?.file ?? null;
    // A file beside the WAV means the pass left the transcript (an import replaced the audio meanwhile).
    const ownTranscript = into === 'meeting' && followed.length === 0;
    const clear = !continued && !ownTranscript && m.segments.length > 0 && previous !== file;
    const kept = clear ? [] : m.segments;
    const from = resumePoint(kept);
    const adopted = followed.filter((s) => s.start >= from).slice(0, Math.max(0, LIMITS.segments - kept.length));
    return {
      ...m,
      audio: { file, durationSec: roundSec(durationSec), sha256, originalName: file },
      segments: [...kept, ...adopted],
      decisions: clear ? m.decisions.map((d) => ({ ...d, segmentIds: [] })) : m.decisions,
    };
  });
  await removeFollowFile(dir, file);
  // The job record names the old file and hash: a transcription starts afresh on the new audio
  // (resuming from the last saved segment when the transcript was kept).
  await clearJobRecord(ctx, meetingId).catch(() => undefined);
  jobs.forget(meetingId);
  const old: string | null = previous;
  if (old && old !== file && !(await revisionsNeedAudio(dir, old))) {
    await rm(join(dir, old), { force: true }).catch(() => undefined);
    await removeHeardSpeech(dir, old).catch(() => undefined);
  }
  return saved;
}
