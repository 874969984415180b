// At the start: the recordings a crash left open (a recording.json beside them) are repaired and
// each made its meeting's audio, with the segments the pass that followed it saved (attach.ts);
// the page is told once what was kept.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { idSchema } from '../../../shared/domain.ts';
import { MahdarError } from '../../../shared/errors.ts';
import type { RecoveredRecording } from '../../../shared/recording.ts';
import { repairWav } from '../../audio/wav-recorder.ts';
import type { ServiceContext } from '../../context/context.ts';
import { attachRecording, roundSec } from './attach.ts';
import { removeFollowFile } from './follow-file.ts';
import { readStateFile, removeStateFile, type StateFile } from './state-file.ts';
import type { TranscriptionJobs } from '../../asr/job.ts';

/** Seconds of audio the repaired file holds; 0 when killed before its header reached the disk. */
async function repairedDuration(wav: string): Promise<number> {
  try {
    return (await repairWav(wav)).durationSec;
  } catch {
    return 0;
  }
}

/** Repairs one meeting's open recording and makes it the meeting's audio; null when it held no new audio. */
async function recoverOne(ctx: ServiceContext, jobs: TranscriptionJobs, meetingId: string, info: StateFile): Promise<RecoveredRecording | null> {
  const dir = ctx.archive.meetingDir(meetingId);
  const wav = join(dir, info.file);
  const durationSec = await repairedDuration(wav);
  // No chunk reached the file (a continued one holds only the copy of the meeting's audio):
  // the meeting keeps the audio it has.
  if (durationSec <= info.offsetSec) {
    await rm(wav, { force: true });
    await removeFollowFile(dir, info.file);
    await removeStateFile(dir);
    return null;
  }
  let attached = true;
  try {
    await attachRecording(ctx, jobs, meetingId, info.file, info.continued, info.followInto ?? 'file');
  } catch (err) {
    if (!(err instanceof MahdarError) || err.code !== 'meeting.readOnly') throw err;
    attached = false; // approved meanwhile: the file stays in the folder, named in the report
  }
  await removeStateFile(dir);
  return { recordingId: info.recordingId, durationSec: roundSec(durationSec), attached, file: info.file };
}

/**
 * Finds the recordings a crash left open, repairs them and makes each its meeting's audio.
 * Returns what was recovered, by meeting id.
 */
export async function recoverRecordings(ctx: ServiceContext, jobs: TranscriptionJobs): Promise<Map<string, RecoveredRecording>> {
  const found = new Map<string, RecoveredRecording>();
  for (const id of await readdir(ctx.archive.meetingsRoot).catch(() => [] as string[])) {
    if (!idSchema.safeParse(id).success) continue;
    const info = await readStateFile(join(ctx.archive.meetingsRoot, id));
    const recovered = info ? await recoverOne(ctx, jobs, id, info) : null;
    if (!recovered) continue;
    found.set(id, recovered);
    ctx.events.publish({ type: 'recording', meetingId: id, recording: null, recovered });
  }
  return found;
}
