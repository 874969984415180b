// recording.json, the mark of an open recording beside its WAV: written atomically at start, pause
// and resume, removed once the recording is the meeting's audio. One left behind at a start means
// the app, the machine or the power died while recording (recover.ts).
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { idSchema } from '../../../shared/domain.ts';
import { writeFileAtomic } from '../../archive/atomic-write.ts';

export const RECORDING_STATE_FILE = 'recording.json';
const recordingFileName = /^recording-([1-9][0-9]{0,8})\.wav$/;

export const stateFileSchema = z.strictObject({
  recordingId: idSchema,
  file: z.string().regex(recordingFileName),
  /** The recording began with the meeting's audio: the transcript stays valid when it replaces it. */
  continued: z.boolean(),
  offsetSec: z.number().min(0),
  state: z.enum(['recording', 'paused']),
  startedAt: z.string().max(40),
  /**
   * Where the pass that follows the recording saves (follow-meeting.ts): 'meeting' when its
   * segments go straight into the transcript, which the stop then keeps as it is. Absent in files
   * written before: 'file'.
   */
  followInto: z.enum(['meeting', 'file']).optional(),
});
export type StateFile = z.infer<typeof stateFileSchema>;

/** The open recording a meeting folder holds, or null (none, or one that is not ours to touch). */
export async function readStateFile(dir: string): Promise<StateFile | null> {
  const stateFile = join(dir, RECORDING_STATE_FILE);
  try {
    return stateFileSchema.parse(JSON.parse(await readFile(stateFile, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Written atomically, so an unreadable one was not written by us: leave it for a person.
    console.error(`mahdar: ${stateFile} cannot be read; the recording it names was left as it is.`);
    return null;
  }
}

export const writeStateFile = (dir: string, info: StateFile): Promise<void> =>
  writeFileAtomic(join(dir, RECORDING_STATE_FILE), JSON.stringify(info, null, 2));

export const removeStateFile = (dir: string): Promise<void> => rm(join(dir, RECORDING_STATE_FILE), { force: true });

/** The name of the next recording file: one more than the highest number in the folder. */
export async function nextRecordingFile(dir: string): Promise<string> {
  let n = 0;
  for (const name of await readdir(dir)) {
    const k = recordingFileName.exec(name)?.[1];
    if (k) n = Math.max(n, Number(k));
  }
  return `recording-${n + 1}.wav`;
}
