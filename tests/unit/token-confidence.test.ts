// Word confidence from whisper-cli's full JSON (-ojf), on a REAL run of the real engine on real
// read Arabic (msa-read clip 001, greedy to keep it short): the parser joins BPE tokens into the
// words of the segment text, every word has a probability in (0, 1], the runner's streamed
// segments find their words, and the doubtful selection picks exactly the words under the threshold.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DECODE, decodeArgs, type DecodeOptions } from '../../main/asr/decode-options.ts';
import { engineEnv, whisperCliPath } from '../../main/asr/engine.ts';
import { parseSegmentLine } from '../../main/asr/runner.ts';
import {
  DOUBT_THRESHOLD,
  doubtfulWordIndexes,
  parseFullJson,
  scoreWord,
  wordConfidencesFor,
  type ConfidenceSegment,
} from '../../main/asr/token-confidence.ts';
import { FAST_DECODE, haveModel, MODEL, MODELS, MSA, tempDir } from './asr-fixtures.ts';

const decode = (vad: boolean): DecodeOptions => ({
  ...DEFAULT_DECODE,
  ...FAST_DECODE,
  language: 'ar',
  threads: 2,
  vadModel: vad ? join(MODELS, 'ggml-silero-v5.1.2.bin') : null,
  prompt: null,
});

/** Runs whisper-cli on clip 001 with -ojf; returns its stdout and the JSON bytes. */
function run(vad: boolean): { stdout: string; json: Buffer } {
  const base = join(tempDir('mahdar-conf-'), 'out');
  const stdout = execFileSync(
    whisperCliPath(),
    ['-m', MODEL, ...decodeArgs(decode(vad)), '-ojf', '-of', base, '-f', join(MSA, '001.wav')],
    { encoding: 'utf8', env: engineEnv(2), stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 },
  );
  return { stdout, json: readFileSync(`${base}.json`) };
}

const spaces = (s: string) => s.trim().replace(/\s+/g, ' ');

describe.runIf(haveModel)('token confidence on a real whisper-cli run (clip 001)', () => {
  let stdout = '';
  let segs: ConfidenceSegment[] = [];
  beforeAll(() => {
    const r = run(true);
    stdout = r.stdout;
    segs = parseFullJson(r.json);
  }, 180_000);

  it('joins tokens into the words of each segment, each with 0 < p <= 1', () => {
    expect(segs.length).toBeGreaterThan(0);
    const words = segs.flatMap((s) => s.words);
    expect(words.length).toBeGreaterThanOrEqual(8); // the reference has 15 words
    for (const s of segs) {
      expect(s.words.map((w) => w.text).join(' ')).toBe(spaces(s.text));
      for (const w of s.words) {
        expect(w.p).toBeGreaterThan(0);
        expect(w.p).toBeLessThanOrEqual(1);
        expect(w.tokenP.length).toBeGreaterThan(0);
        expect(w.p).toBe(scoreWord(w.tokenP));
        expect(w.text).not.toMatch(/\[_|\uFFFD/); // no special token, no broken character
        expect(w.start).toBeUndefined(); // VAD run: token times are not on the audio's timeline
      }
    }
    // Arabic text came through intact.
    expect(words.some((w) => /[\u0600-\u06FF]/.test(w.text))).toBe(true);
  });

  it('every segment the runner streams finds its word confidences', () => {
    const streamed = stdout.split('\n').map(parseSegmentLine).filter((s) => s !== null);
    expect(streamed.length).toBe(segs.length);
    for (const s of streamed) {
      const ps = wordConfidencesFor(s, segs);
      expect(ps).not.toBeNull();
      expect(ps!.length).toBe(s.text.split(/\s+/).filter(Boolean).length);
    }
    // A segment whose times match nothing gets none.
    expect(wordConfidencesFor({ start: 999, end: 1000, text: streamed[0]!.text }, segs)).toBeNull();
  });

  it('doubtful words are exactly those under the threshold, in order', () => {
    const words = segs.flatMap((s) => s.words);
    const idx = doubtfulWordIndexes(words);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    words.forEach((w, i) => expect(idx.includes(i)).toBe(w.p < DOUBT_THRESHOLD));
    // Base model on this clip: some words are doubtful, not all (measured p from 0.2 to 0.98).
    expect(idx.length).toBeGreaterThan(0);
    expect(idx.length).toBeLessThan(words.length);
    expect(doubtfulWordIndexes(words, 0)).toEqual([]);
    expect(doubtfulWordIndexes(words, 1.01)).toEqual(words.map((_, i) => i));
  });

  it('without VAD, word times lie inside their segment and run forward', () => {
    const plain = parseFullJson(run(false).json, { wordTimes: true, shiftSec: 10 });
    for (const s of plain) {
      let prev = s.start;
      for (const w of s.words) {
        expect(w.start).toBeGreaterThanOrEqual(prev - 0.05);
        expect(w.end).toBeGreaterThanOrEqual(w.start!);
        expect(w.end).toBeLessThanOrEqual(s.end + 0.05);
        prev = w.start!;
      }
    }
    expect(plain[0]!.start).toBeGreaterThanOrEqual(10); // the shift is applied to segments and words
  }, 180_000);
});
