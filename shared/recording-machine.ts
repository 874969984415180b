// The recording's states and what moves it from one to the next: one table that main's service
// (main/service/recording.ts) and the page (renderer/features/recording/recorder.ts) both follow.
// Main runs one command at a time per meeting, so it only rests in idle (no recording open),
// recording and paused; the page also waits in starting and stopping for main's answer.
// tests/unit/recording-machine.test.ts checks every state against every input.
import type { ErrorCode } from './errors.ts';

export type RecordingPhase = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping';
export const recordingPhases: readonly RecordingPhase[] = ['idle', 'starting', 'recording', 'paused', 'stopping'];

/**
 * - start, append, pause, resume, stop: the commands (the secretary's, and the contract's);
 * - started / failed: main opened the recording / the start failed (or the microphone was refused);
 * - deviceLost: the microphone went (a recording pauses and keeps its file and clock);
 * - stopped: the recording was closed (it became the meeting's audio, or held none);
 * - lost: main no longer has the recording and it cannot be continued here.
 */
export type RecordingInput = 'start' | 'started' | 'failed' | 'append' | 'pause' | 'resume' | 'deviceLost' | 'stop' | 'stopped' | 'lost';
export const recordingInputs: readonly RecordingInput[] = ['start', 'started', 'failed', 'append', 'pause', 'resume', 'deviceLost', 'stop', 'stopped', 'lost'];

/** Why an input is refused in a state: the error main answers (the page ignores the input). */
export type RecordingRefusal = Extract<ErrorCode, 'recording.notFound' | 'recording.active' | 'recording.paused'>;

export type RecordingStep = { to: RecordingPhase } | { refused: RecordingRefusal };

/** What each state accepts; any input missing from a state's line is refused. */
const transitions: Record<RecordingPhase, Partial<Record<RecordingInput, RecordingPhase>>> = {
  idle: { start: 'starting' },
  // The microphone lost before main answered: the page pauses as soon as it has.
  starting: { started: 'recording', failed: 'idle', deviceLost: 'starting', lost: 'idle' },
  // Pausing a paused recording, or resuming a running one, changes nothing and is not an error:
  // another window may have done it first.
  recording: { append: 'recording', pause: 'paused', resume: 'recording', deviceLost: 'paused', stop: 'stopping', lost: 'idle' },
  paused: { pause: 'paused', resume: 'recording', deviceLost: 'paused', stop: 'stopping', lost: 'idle' },
  stopping: { stopped: 'idle', lost: 'idle' },
};

function refusal(from: RecordingPhase, input: RecordingInput): RecordingRefusal {
  if (input === 'start') return 'recording.active';
  // Audio sent while paused would put the paused span in the file.
  if (from === 'paused' && input === 'append') return 'recording.paused';
  return 'recording.notFound';
}

export function recordingStep(from: RecordingPhase, input: RecordingInput): RecordingStep {
  const to = transitions[from][input];
  return to ? { to } : { refused: refusal(from, input) };
}

/** The state after `input`, or null when it is refused there. */
export function nextPhase(from: RecordingPhase, input: RecordingInput): RecordingPhase | null {
  return transitions[from][input] ?? null;
}
