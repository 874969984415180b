// How the live engine is asked to decode a window: one short encoder context for every window
// (fast; changing it between requests changed the text), and the full pass's voice detection.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECODE } from '../../main/asr/decode-options.ts';
import { CONTEXT_SPARE_SEC, LIVE_DEFAULTS } from '../../main/asr/live/live.ts';
import { liveContextFrames, newRequestPath, serverArgs } from '../../main/asr/live/server.ts';

describe('the encoder context of the live windows', () => {
  it('is sent as audio_ctx frames, 50 per second, 0 for the model\'s own 30 s', () => {
    expect(liveContextFrames(10)).toBe(500);
    expect(liveContextFrames(12.3)).toBe(615);
    expect(liveContextFrames(30)).toBe(0);
    expect(liveContextFrames(45)).toBe(0);
    expect(() => liveContextFrames(0)).toThrow(RangeError);
  });

  it('is 10 s by default, a third of the model\'s, with room for the longest window and its spare silence', () => {
    expect(LIVE_DEFAULTS.contextSec).toBe(10);
    expect(LIVE_DEFAULTS.maxWindowSec + CONTEXT_SPARE_SEC).toBeLessThanOrEqual(LIVE_DEFAULTS.contextSec);
    expect(LIVE_DEFAULTS.trimSec).toBeLessThan(LIVE_DEFAULTS.maxWindowSec);
  });
});

describe('the live engine\'s voice detection', () => {
  const opts = { bin: '/engine/whisper-server', model: '/models/ggml-base.bin', threads: 2, language: 'ar' };
  it('cuts at the same pauses as the full pass, keeping the same margin around speech', () => {
    const args = serverArgs({ ...opts, vadModel: '/models/silero.bin' }, 4321, newRequestPath());
    expect(args[args.indexOf('-vm') + 1]).toBe('/models/silero.bin');
    expect(args[args.indexOf('-vsd') + 1]).toBe(String(DEFAULT_DECODE.vadMinSilenceMs));
    expect(args[args.indexOf('-vp') + 1]).toBe(String(DEFAULT_DECODE.vadSpeechPadMs));
  });

  it('runs without temperature fallback: a window it cannot read is retried by the next window, not decoded five more times', () => {
    expect(serverArgs({ ...opts, vadModel: null }, 4321, newRequestPath())).toContain('-nf');
  });

  it('is off without a detector model', () => {
    const args = serverArgs({ ...opts, vadModel: null }, 4321, newRequestPath());
    expect(args).not.toContain('--vad');
    expect(args).not.toContain('-vsd');
  });
});
