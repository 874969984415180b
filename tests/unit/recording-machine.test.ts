// The recording's state machine (shared/recording-machine.ts), as a table: every state against
// every input, with the state it leads to or the error main answers (the page ignores the input).
import { describe, expect, it } from 'vitest';
import {
  nextPhase,
  recordingInputs,
  recordingPhases,
  recordingStep,
  type RecordingInput,
  type RecordingPhase,
} from '../../shared/recording-machine.ts';

const nf = 'recording.notFound';
const active = 'recording.active';

// Columns in the order of recordingInputs; a cell is the next state or the refusal's error code.
const columns: RecordingInput[] = ['start', 'started', 'failed', 'append', 'pause', 'resume', 'deviceLost', 'stop', 'stopped', 'lost'];
const table: Record<RecordingPhase, string[]> = {
  //          start       started      failed  append              pause     resume       deviceLost  stop        stopped lost
  idle:      ['starting', nf,         nf,     nf,                 nf,       nf,          nf,         nf,         nf,     nf],
  starting:  [active,     'recording', 'idle', nf,                 nf,       nf,          'starting', nf,         nf,     'idle'],
  recording: [active,     nf,          nf,     'recording',        'paused', 'recording', 'paused',   'stopping', nf,     'idle'],
  paused:    [active,     nf,          nf,     'recording.paused', 'paused', 'recording', 'paused',   'stopping', nf,     'idle'],
  stopping:  [active,     nf,          nf,     nf,                 nf,       nf,          nf,         nf,         'idle', 'idle'],
};

describe('the recording state machine', () => {
  it('covers every input', () => {
    expect(columns).toEqual([...recordingInputs]);
    expect(Object.keys(table)).toEqual([...recordingPhases]);
  });

  for (const from of recordingPhases) {
    for (const [i, input] of columns.entries()) {
      const want = table[from][i]!;
      const refused = want.startsWith('recording.');
      it(`${from} + ${input} -> ${refused ? `refused (${want})` : want}`, () => {
        expect(recordingStep(from, input)).toEqual(refused ? { refused: want } : { to: want });
        expect(nextPhase(from, input)).toBe(refused ? null : want);
      });
    }
  }
});
