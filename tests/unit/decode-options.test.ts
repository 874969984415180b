import { describe, expect, it } from 'vitest';
import { buildInitialPrompt, decodeArgs, DEFAULT_DECODE, FAST_DECODE, MAX_PROMPT_CHARS, USE_INITIAL_PROMPT } from '../../main/asr/decode-options.ts';

describe('decodeArgs', () => {
  it('turns the measured defaults into whisper-cli flags', () => {
    const args = decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: '/m/vad.bin', prompt: null });
    // Chosen on msa-read-tune, long-form, against faster-whisper (docs/engine.md): beam 5, no
    // previous text as prompt (no repetition loop carried from window to window), no -sns, and a
    // VAD that only removes pauses of 2 s or more, with 0.4 s of audio kept around speech.
    expect(args).toEqual(['-l', 'ar', '-t', '2', '-bs', '5', '-bo', '5', '-mc', '0', '--vad', '-vm', '/m/vad.bin', '-vsd', '2000', '-vp', '400']);
  });

  it('gives the VAD its pause and padding only when there is a VAD model', () => {
    const withVad = decodeArgs({ ...DEFAULT_DECODE, vadMinSilenceMs: 500, vadSpeechPadMs: 0, language: 'ar', threads: 2, vadModel: '/m/vad.bin', prompt: null });
    expect(withVad.slice(-6)).toEqual(['-vm', '/m/vad.bin', '-vsd', '500', '-vp', '0']);
    const without = decodeArgs({ ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: null, prompt: null });
    expect(without).not.toContain('-vsd');
    expect(without).not.toContain('-vp');
    expect(() => decodeArgs({ ...DEFAULT_DECODE, vadMinSilenceMs: -1, language: 'ar', threads: 2, vadModel: '/m/vad.bin', prompt: null })).toThrow(RangeError);
  });

  it('omits VAD and prompt when absent, adds -nf without fallback, greedy in fast mode', () => {
    const args = decodeArgs({ ...FAST_DECODE, temperatureFallback: false, language: 'auto', threads: 4, vadModel: null, prompt: '  ' });
    expect(args).toEqual(['-l', 'auto', '-t', '4', '-bs', '1', '-bo', '1', '-mc', '-1', '-nf']);
  });

  it('turns flash attention off only when asked (-nfa)', () => {
    const ok = { ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: null, prompt: null };
    expect(decodeArgs(ok)).not.toContain('-nfa');
    expect(decodeArgs({ ...ok, flashAttention: false })).toContain('-nfa');
  });

  it('passes a prompt as one argument', () => {
    const args = decodeArgs({ ...DEFAULT_DECODE, maxContext: -1, language: 'ar', threads: 1, vadModel: null, prompt: 'محضر اجتماع' });
    expect(args.slice(-2)).toEqual(['--prompt', 'محضر اجتماع']);
  });

  it('refuses a prompt the engine would drop: none is used without text context', () => {
    // whisper.cpp 1.9.1 builds no prompt at all at -mc 0, the initial prompt included.
    expect(() => decodeArgs({ ...DEFAULT_DECODE, maxContext: 0, language: 'ar', threads: 1, vadModel: null, prompt: 'محضر اجتماع' })).toThrow(/maxContext/);
    expect(decodeArgs({ ...DEFAULT_DECODE, maxContext: 0, language: 'ar', threads: 1, vadModel: null, prompt: null })).not.toContain('--prompt');
  });

  it('refuses nonsense values', () => {
    const ok = { ...DEFAULT_DECODE, language: 'ar', threads: 2, vadModel: null, prompt: null };
    expect(() => decodeArgs({ ...ok, threads: 0 })).toThrow(RangeError);
    expect(() => decodeArgs({ ...ok, beamSize: 1.5 })).toThrow(RangeError);
    expect(() => decodeArgs({ ...ok, language: 'ar; rm -rf' })).toThrow(RangeError);
  });

  it('keeps the initial prompt off by measurement', () => {
    expect(USE_INITIAL_PROMPT).toBe(false);
  });
});

describe('buildInitialPrompt', () => {
  it('names participants with titles and the agenda', () => {
    const p = buildInitialPrompt({
      title: 'اللقاء التشاوري حول البرنامج الجهوي',
      participants: [{ name: 'محمد العلوي', title: 'رئيس الجلسة' }, { name: 'فاطمة بناني', title: '' }],
      agenda: [{ title: 'تقديم المشروع' }, { title: 'المناقشة' }],
    });
    expect(p).toBe('اللقاء التشاوري حول البرنامج الجهوي. الحضور: محمد العلوي، رئيس الجلسة؛ فاطمة بناني. جدول الأعمال: تقديم المشروع؛ المناقشة.');
  });

  it('returns null for an empty meeting', () => {
    expect(buildInitialPrompt({ title: ' ', participants: [], agenda: [] })).toBeNull();
  });

  it('stays short, drops whole items and never cuts a name', () => {
    const participants = Array.from({ length: 60 }, (_, i) => ({ name: `المشارك رقم ${i}`, title: 'عضو اللجنة' }));
    const p = buildInitialPrompt({ title: 'ع'.repeat(200), participants, agenda: [{ title: 'بند' }] })!;
    expect(p.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(p).toContain('المشارك رقم 0، عضو اللجنة');
    expect(p).not.toMatch(/المشارك رقم \d+،?$/);
    expect(p.endsWith('.')).toBe(true);
  });
});
