// The contract of live recording (spread into shared/api.ts): the page captures the microphone,
// resamples to 16 kHz mono PCM16 and sends it in numbered chunks of half a second; main appends
// them to the meeting's WAV (main/service/recording.ts). A chunk's number makes a retry safe: the
// one already written is acknowledged again without being written twice, and one that skips a
// number is refused, so the file never holds audio twice or out of order. The recording's states,
// and what each command may do in each, are in recording-machine.ts.
import { z } from 'zod';
import { idSchema, type Meeting } from './domain.ts';
import type { ErrorPayload } from './errors.ts';

export const RECORDING_SAMPLE_RATE = 16000;
/** The largest chunk: two seconds; the page's worklet sends half a second (pcm-worklet.ts). */
export const MAX_RECORDING_CHUNK_BYTES = 2 * RECORDING_SAMPLE_RATE * 2;
/** Under this many minutes of free disk the page warns the secretary. */
export const LOW_DISK_MINUTES = 30;

const byMeeting = z.strictObject({ meetingId: idSchema });
const base64 = z
  .string()
  .max(Math.ceil(MAX_RECORDING_CHUNK_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const recordingApiInputs = {
  /**
   * Starts recording the meeting. With `continue`, the new recording begins with the meeting's
   * audio (after a recovered crash, or a second part of the meeting) and keeps its transcript;
   * otherwise it will replace the audio and its transcript when stopped (the page asks first).
   */
  startRecording: z.strictObject({ meetingId: idSchema, continue: z.boolean().default(false) }),
  /** `pcm`: base64 of Int16 little-endian samples, 16 kHz mono. `seq` counts from 0. */
  appendRecording: z.strictObject({
    meetingId: idSchema,
    recordingId: idSchema,
    seq: z.number().int().min(0).max(10_000_000),
    pcm: base64,
  }),
  pauseRecording: byMeeting,
  resumeRecording: byMeeting,
  /** Ends the recording: it becomes the meeting's audio. */
  stopRecording: byMeeting,
  getRecording: byMeeting,
} as const;

export interface RecordingState {
  meetingId: string;
  recordingId: string;
  state: 'recording' | 'paused' | 'stopped';
  /** Seconds of audio in the file (the recording's clock, on which marks are placed). */
  durationSec: number;
  /** Where this recording's own audio starts in the file: the length of what it continues. */
  offsetSec: number;
  /** The `seq` the next chunk must carry. */
  nextSeq: number;
  /** Minutes of recording the free disk space still holds (see LOW_DISK_MINUTES). */
  freeDiskMinutes: number;
  /**
   * The full pass that follows the recording (null: none runs, no model is installed): the second
   * up to which it has transcribed, and whether that text is already the meeting's transcript, which
   * the review editor shows and the secretary can tag during the recording (false: it replaces the
   * meeting's transcript at the stop, and waits beside the recording until then).
   */
  followed: { endSec: number; inTranscript: boolean } | null;
}

/** A recording that a crash left open, repaired and kept at the next start. */
export interface RecoveredRecording {
  recordingId: string;
  /** Seconds of audio kept (the whole file, including what it continued). */
  durationSec: number;
  /** True when it became the meeting's audio; false when the meeting was approved meanwhile (the file is kept). */
  attached: boolean;
  /** The file in the meeting folder. */
  file: string;
}

export interface RecordingStatus {
  recording: RecordingState | null;
  /** Set once (the first getRecording after the recovery) so the page tells the secretary. */
  recovered: RecoveredRecording | null;
}

export interface RecordingApiOutputs {
  startRecording: RecordingState;
  appendRecording: RecordingState;
  pauseRecording: RecordingState;
  resumeRecording: RecordingState;
  stopRecording: Meeting;
  getRecording: RecordingStatus;
}

/** The event main publishes on every change (start, each chunk, pause, resume, stop, recovery). */
export interface RecordingEvent {
  type: 'recording';
  meetingId: string;
  recording: RecordingState | null;
  recovered?: RecoveredRecording;
}

/**
 * Live text while recording (main/asr/live/): a long-lived engine decodes a sliding window and
 * commits words once two consecutive decodes agree. Kept in events only, never written into the
 * meeting: the full-quality transcription after the recording replaces it.
 */
export interface LiveTextEvent {
  type: 'liveText';
  meetingId: string;
  recordingId: string;
  /** Newly committed words, to append to what was committed before ('' when none). */
  committed: string;
  /** The uncommitted rest of the latest decode: replaces the previous tentative text. */
  tentative: string;
  /** Recording time (seconds on the recording's clock) up to which audio was decoded. */
  atSec: number;
  /** The engine fell behind: this many seconds of audio were skipped by the live text. */
  skippedSec?: number;
  /** The last one of the recording: the recording stopped. */
  final?: boolean;
}

/** The live decoder's state; a failure never fails the recording (error says why it stopped). */
export interface LiveStatusEvent {
  type: 'liveStatus';
  meetingId: string;
  recordingId: string;
  /**
   * unavailable: no model installed (or no live engine); failed: it stopped, see error; off:
   * turned off on this computer (MAHDAR_LIVE=0), the full pass after the stop still runs.
   */
  state: 'starting' | 'running' | 'stopped' | 'failed' | 'unavailable' | 'off';
  error?: ErrorPayload;
}
