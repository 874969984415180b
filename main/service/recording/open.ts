// Opening a recording: the next recording-<n>.wav of the meeting, its header on disk, the
// meeting's audio copied first when it continues, and recording.json saying it is open.
import { open as openFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { newId, type Meeting } from '../../../shared/domain.ts';
import { MahdarError } from '../../../shared/errors.ts';
import type { LiveSession } from '../../asr/live/session.ts';
import type { Follower } from './follow.ts';
import { followInto } from './follow-meeting.ts';
import { WavRecorder, type WavRecorderOptions } from '../../audio/wav-recorder.ts';
import { isMono16kPcm16, readWavInfo } from '../../audio/wav.ts';
import { roundSec } from './attach.ts';
import { nextRecordingFile, writeStateFile, type StateFile } from './state-file.ts';
import { removeHeardSpeech } from '../../asr/heard-speech.ts';

export interface OpenRecording {
  meetingId: string;
  /** The meeting's folder, where the WAV and recording.json are. */
  dir: string;
  info: StateFile;
  recorder: WavRecorder;
  nextSeq: number;
  /** Ends the recording's hold on the meeting (no transcription meanwhile). */
  release: () => void;
  /** The live text (main/asr/live/), when a model is installed. */
  live: LiveSession | null;
  /** The full pass that follows the recording (follow.ts), when a model is installed. */
  follower?: Follower | null;
}

/**
 * Opens the meeting's next recording. `continuing`: it begins with a copy of the meeting's audio.
 * On failure nothing is left in the folder.
 */
export async function openRecording(
  meeting: Meeting,
  dir: string,
  continuing: boolean,
  release: () => void,
  opts: WavRecorderOptions,
): Promise<OpenRecording> {
  const into = followInto(meeting, continuing);
  let recorder: WavRecorder | null = null;
  let file = '';
  try {
    file = await nextRecordingFile(dir);
    // The name may be an older recording's, deleted since: what its followed pass heard is not this one's.
    await removeHeardSpeech(dir, file);
    recorder = await WavRecorder.create(join(dir, file), opts);
    if (continuing) await copyMeetingAudio(meeting, dir, recorder);
    const info: StateFile = {
      recordingId: newId('rec'),
      file,
      continued: continuing,
      offsetSec: roundSec(recorder.durationSec),
      state: 'recording',
      startedAt: new Date().toISOString(),
      followInto: into,
    };
    await writeStateFile(dir, info);
    return { meetingId: meeting.id, dir, recorder, nextSeq: 0, release, live: null, info };
  } catch (err) {
    await recorder?.close().catch(() => undefined);
    if (file) await rm(join(dir, file), { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * The meeting's audio is copied, never appended to in place: an approved revision's manifest may
 * name that file and its sha256.
 */
async function copyMeetingAudio(meeting: Meeting, dir: string, recorder: WavRecorder): Promise<void> {
  const source = meeting.audio ? join(dir, meeting.audio.file) : null;
  const info = source ? await readWavInfo(source).catch(() => null) : null;
  if (!source || !info || !isMono16kPcm16(info)) throw new MahdarError('recording.cannotContinue');
  await copyPcm(source, info.dataOffset, info.dataBytes - (info.dataBytes % 2), recorder);
  await recorder.sync();
}

/** Copies PCM data from a WAV into a recorder, a megabyte at a time. */
async function copyPcm(source: string, offset: number, bytes: number, recorder: WavRecorder): Promise<void> {
  const fh = await openFile(source, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let done = 0;
    while (done < bytes) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, bytes - done), offset + done);
      if (bytesRead <= 0) break;
      await recorder.append(buf.subarray(0, bytesRead - (bytesRead % 2)));
      done += bytesRead - (bytesRead % 2);
      if (bytesRead % 2) break;
    }
  } finally {
    await fh.close();
  }
}
