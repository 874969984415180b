// Segment times against the speech the voice detector kept (main/asr/vad-speech.ts): a segment that
// whisper.cpp decoded across a long removed pause (the room's microphone lost for 18 s) must not
// be played, or counted as covering, over that pause.
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../main/asr/engine-lines.ts';
import { keepToSpeech, parseSpeechLine, SpeechLog } from '../../main/asr/vad-speech.ts';
import { untranscribedSpans } from '../../shared/transcript/gaps.ts';

// whisper-cli 1.9.1's lines on consultation.wav muted from 80 to 97.7 s.
const LOG = [
  'whisper_vad: Including segment 1: 46.83 - 78.64 (duration: 31.81)',
  'whisper_vad: vad_segment_info: orig_start: 0.00, orig_end: 45.36, vad_start: 0.00, vad_end: 45.36',
  'whisper_vad: vad_segment_info: orig_start: 46.83, orig_end: 78.54, vad_start: 45.56, vad_end: 77.27',
  'whisper_vad: vad_segment_info: orig_start: 98.93, orig_end: 108.62, vad_start: 77.47, vad_end: 87.16',
  'whisper_vad: vad_segment_info: orig_start: 110.13, orig_end: 117.89, vad_start: 87.36, vad_end: 95.09',
];
const speech = LOG.map(parseSpeechLine).filter((s) => s !== null);

describe('the speech the voice detector kept', () => {
  it('is read from the engine\'s log, in the audio\'s own seconds', () => {
    expect(speech).toEqual([{ start: 0, end: 45.36 }, { start: 46.83, end: 78.54 }, { start: 98.93, end: 108.62 }, { start: 110.13, end: 117.89 }]);
    expect(parseSpeechLine('whisper_print_timings: total time = 1.0 ms')).toBeNull();
  });

  it('is read from stderr however it is cut into chunks, shifted to the whole file for a resumed run', () => {
    const log = new SpeechLog();
    const lines = new LineReader((line) => log.add(line, 100));
    const text = `${LOG.join('\n')}\n`;
    for (let i = 0; i < text.length; i += 37) lines.add(text.slice(i, i + 37));
    expect(log.spans).toEqual(speech.map((s) => ({ start: s.start + 100, end: s.end + 100 })));
  });

  it('a segment across the lost 18 s keeps the side with its speech, and the report then sees the loss', () => {
    // The engine's segment: one word before the pause, fifteen after it.
    const across = { start: 78.09, end: 108.28, text: 'كما تقى راقاً توقي ميليفاً قيار باً ميئة ويماراً ويلاً ويهات، لنجالت أشياء كفي، ميئة ألقمت.' };
    const kept = keepToSpeech(across, speech);
    expect(kept).toEqual({ start: 98.93, end: 108.28 });
    const before = { start: 68.09, end: 78.09, text: 'سدن فساً ويبو تتقى' };
    const gaps = untranscribedSpans([before, { ...across, ...kept }], 120);
    expect(gaps.some((g) => g.start <= 80 && g.end >= 97.7)).toBe(true);
  });

  it('a segment that ends inside a long pause ends where the speech did', () => {
    expect(keepToSpeech({ start: 70, end: 94.1 }, speech)).toEqual({ start: 70, end: 78.54 });
  });

  it('short pauses, a segment within speech, or no log leave the times as the engine gave them', () => {
    expect(keepToSpeech({ start: 40, end: 50 }, speech)).toEqual({ start: 40, end: 50 }); // 1.5 s pause
    expect(keepToSpeech({ start: 50, end: 60 }, speech)).toEqual({ start: 50, end: 60 });
    expect(keepToSpeech({ start: 78.09, end: 108.28 }, [])).toEqual({ start: 78.09, end: 108.28 });
  });
});
