// What the pass that follows a recording heard, kept beside the WAV (main/asr/heard-speech.ts), and
// how the job's second look after the stop uses it (gap-pass.ts spansToTranscribeAgain). With the
// real engine and a recording: second-look.test.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendHeard, heardSpeechFileName, joinHeard, readHeardSpeech, removeHeardSpeech, writeHeardSpeech, type HeardRecord } from '../../main/asr/heard-speech.ts';
import { spansToTranscribeAgain } from '../../main/asr/gap-pass.ts';
import { tempDir } from './asr-fixtures.ts';

const words = (n: number) => Array.from({ length: n }, () => 'كلمة').join(' ');
const seg = (start: number, end: number) => ({ start, end, text: words(Math.ceil(end - start)) });

describe('what the followed pass heard', () => {
  it('each run\'s speech joins the record; a run that starts at its last segment, before the last cut, replaces what the record said from there', () => {
    let r = extendHeard(null, 'recording-1.wav', { from: 0, to: 62, spans: [{ start: 1, end: 30 }, { start: 55, end: 64 }] });
    expect(r).toEqual({ file: 'recording-1.wav', from: 0, to: 62, spans: [{ start: 1, end: 30 }, { start: 55, end: 62 }] });
    r = extendHeard(r, 'recording-1.wav', { from: 58.5, to: 125, spans: [{ start: 59, end: 80 }] });
    expect(r).toEqual({ file: 'recording-1.wav', from: 0, to: 125, spans: [{ start: 1, end: 30 }, { start: 55, end: 58.5 }, { start: 59, end: 80 }] });
  });

  it('a run past the end of what is known starts a new record: what lies between is not known', () => {
    const r: HeardRecord = { file: 'recording-1.wav', from: 0, to: 62, spans: [{ start: 1, end: 30 }] };
    expect(extendHeard(r, 'recording-1.wav', { from: 70, to: 130, spans: [] })).toEqual({ file: 'recording-1.wav', from: 70, to: 130, spans: [] });
    expect(extendHeard(r, 'recording-2.wav', { from: 0, to: 60, spans: [] }).file).toBe('recording-2.wav');
  });

  it('the job after the stop joins it to its own run on the tail; another recording\'s record is not used', () => {
    const r: HeardRecord = { file: 'recording-1.wav', from: 0, to: 125, spans: [{ start: 1, end: 30 }, { start: 59, end: 80 }] };
    expect(joinHeard(r, 'recording-1.wav', 120, [{ start: 121, end: 140 }])).toEqual({ from: 0, spans: [{ start: 1, end: 30 }, { start: 59, end: 80 }, { start: 121, end: 140 }] });
    expect(joinHeard(r, 'recording-2.wav', 120, [{ start: 121, end: 140 }])).toEqual({ from: 120, spans: [{ start: 121, end: 140 }] });
    // Nothing left to run at the stop: known from the record's start to its end only.
    expect(joinHeard(r, 'recording-1.wav', 125, null)).toEqual({ from: 0, to: 125, spans: r.spans });
    expect(joinHeard(null, 'recording-1.wav', 125, null)).toBeNull();
  });

  it('a silent break in a followed recording is not transcribed again at the stop; a hole with speech is, even under 10 s', () => {
    const segments = [seg(0, 30), seg(55, 80), seg(86, 120)];
    // Without the record: the 25 s break is looked at again (10-60 s, speech not known); the 6 s hole is not.
    expect(spansToTranscribeAgain(segments, 120, null)).toEqual([{ start: 30, end: 55 }]);
    const heard = joinHeard({ file: 'recording-1.wav', from: 0, to: 120, spans: [{ start: 0.5, end: 30 }, { start: 55, end: 120 }] }, 'recording-1.wav', 120, null);
    expect(spansToTranscribeAgain(segments, 120, heard)).toEqual([{ start: 80, end: 86 }]);
    // A hole that runs past the end of what was heard is judged as unknown.
    const partly = joinHeard({ file: 'recording-1.wav', from: 0, to: 100, spans: [{ start: 0.5, end: 100 }] }, 'recording-1.wav', 120, null);
    expect(spansToTranscribeAgain([seg(0, 90)], 120, partly)).toEqual([{ start: 90, end: 120 }]);
    expect(spansToTranscribeAgain([seg(0, 90), seg(115, 120)], 120, partly)).toEqual([{ start: 90, end: 115 }]);
  });

  it('is written beside the WAV and read back; a file that is not ours is left out, and a new recording of the same name starts without it', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const r: HeardRecord = { file: 'recording-3.wav', from: 0, to: 60, spans: [{ start: 1, end: 59 }] };
    await writeHeardSpeech(dir, r);
    expect(heardSpeechFileName('recording-3.wav')).toBe('recording-3.speech.json');
    expect(JSON.parse(readFileSync(join(dir, 'recording-3.speech.json'), 'utf8'))).toEqual(r);
    expect(await readHeardSpeech(dir, 'recording-3.wav')).toEqual(r);
    writeFileSync(join(dir, 'recording-3.speech.json'), '{"file": "recording-3.wav", "spans": "garbage"}');
    expect(await readHeardSpeech(dir, 'recording-3.wav')).toBeNull();
    await writeHeardSpeech(dir, r);
    await removeHeardSpeech(dir, 'recording-3.wav');
    expect(await readHeardSpeech(dir, 'recording-3.wav')).toBeNull();
  });
});
