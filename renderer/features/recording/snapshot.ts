// What the recording tab shows of a meeting's recording session (recorder.ts), as one value.
import type { TranscriptionJob } from '../../../shared/api.ts';
import type { Meeting } from '../../../shared/domain.ts';
import type { RecordingPhase } from '../../../shared/recording-machine.ts';
import type { RecordingState, RecoveredRecording } from '../../../shared/recording.ts';
import type { MicProblem } from './capture.ts';
import { noLive, type LiveText } from './live-text.ts';
import type { MarkProgress } from './marks.ts';

export interface Snapshot extends MarkProgress {
  phase: RecordingPhase;
  recordingId: string | null;
  /** The recording's clock in seconds: what the file will hold once every chunk is sent. */
  clockSec: number;
  /** Seconds of audio main has acknowledged. */
  savedSec: number;
  /** Input level of the last tenth of a second, 0..1. */
  peak: number;
  silent: boolean;
  clipping: boolean;
  /** Minutes of recording the disk still holds, when under LOW_DISK_MINUTES. */
  lowDiskMinutes: number | null;
  micProblem: MicProblem | null;
  /** An error main answered (a code for errorMessage), or 'connection' while it cannot be reached. */
  sendProblem: unknown;
  /** Chunks captured and not yet acknowledged. */
  unsent: number;
  /** A recording main kept after a crash (shown once, then dismissed by the secretary). */
  recovered: RecoveredRecording | null;
  /** True when this session went on recording after that recovery. */
  continuedAfterCrash: boolean;
  /** The meeting as stopRecording answered it, until the next start. */
  stopped: Meeting | null;
  live: LiveText;
  /** The full-quality transcription that main starts by itself after stop, as its events say. */
  fullPass: TranscriptionJob | null;
  /** The full pass that follows the recording, as main last said (null: none runs). */
  followed: RecordingState['followed'];
}

export const idleSnapshot: Snapshot = {
  phase: 'idle',
  recordingId: null,
  clockSec: 0,
  savedSec: 0,
  peak: 0,
  silent: false,
  clipping: false,
  lowDiskMinutes: null,
  micProblem: null,
  sendProblem: null,
  unsent: 0,
  recovered: null,
  continuedAfterCrash: false,
  stopped: null,
  marksSaved: 0,
  marksPending: 0,
  markProblem: null,
  live: noLive,
  fullPass: null,
  followed: null,
};
