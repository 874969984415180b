// Which of main's events change a meeting's recording session in the page, and how
// (renderer/features/recording/session-events.ts): another meeting's, another window's finished
// recording, or a job before the stop must not reach what the secretary sees.
import { describe, expect, it } from 'vitest';
import type { TranscriptionJob } from '../../shared/api.ts';
import type { RecordingState } from '../../shared/recording.ts';
import { sessionPatch, type SessionView } from '../../renderer/features/recording/session-events.ts';
import { idleSnapshot } from '../../renderer/features/recording/snapshot.ts';

const recording = (phase: 'idle' | 'recording', liveIds: string[] = [], afterStop = false): SessionView => ({
  meetingId: 'm1',
  snap: { ...idleSnapshot, phase, recordingId: phase === 'idle' ? null : 'r1' },
  liveIds: new Set(liveIds),
  afterStop,
});
const live = (meetingId: string, recordingId: string) =>
  ({ type: 'liveText', meetingId, recordingId, committed: 'بسم الله', tentative: 'الرحمن', atSec: 3 }) as const;
const followed = (recordingId: string) => ({
  type: 'recording' as const,
  meetingId: 'm1',
  recording: { recordingId, followed: { endSec: 120, inTranscript: true } } as RecordingState,
});
const job = (meetingId: string) => ({ type: 'job' as const, job: { meetingId, status: 'running' } as TranscriptionJob });

describe('a recording session and main\'s events', () => {
  it('shows the live text of its own meeting while recording, and remembers that recording', () => {
    const change = sessionPatch(recording('recording'), live('m1', 'r1'));
    expect(change?.patch.live?.committed).toBe('بسم الله');
    expect(change?.patch.live?.tentative).toBe('الرحمن');
    expect(change?.liveId).toBe('r1');
    expect(sessionPatch(recording('recording'), live('m2', 'r9'))).toBeNull();
  });

  it('once idle, ignores the live text of another window\'s recording but still finishes its own', () => {
    expect(sessionPatch(recording('idle'), live('m1', 'other'))).toBeNull();
    expect(sessionPatch(recording('idle', ['r1']), { ...live('m1', 'r1'), final: true })?.patch.live?.committed).toBe('بسم الله');
  });

  it('takes how far the full pass reaches from its own recording only, and not once idle', () => {
    expect(sessionPatch(recording('recording'), followed('r1'))?.patch).toEqual({ followed: { endSec: 120, inTranscript: true } });
    expect(sessionPatch(recording('recording'), followed('r2'))).toBeNull();
    expect(sessionPatch(recording('idle'), followed('r1'))).toBeNull();
  });

  it('follows the full pass main starts after its stop, for its meeting only', () => {
    expect(sessionPatch(recording('recording'), job('m1'))).toBeNull();
    expect(sessionPatch(recording('idle', [], true), job('m1'))?.patch.fullPass?.meetingId).toBe('m1');
    expect(sessionPatch(recording('idle', [], true), job('m2'))).toBeNull();
  });
});
