import { describe, expect, it } from 'vitest';
import { formatClock, formatTimestamp, formatTranscript } from '../../main/export/transcript.ts';

const segs = [
  { start: 0, end: 2.5, text: 'بسم الله الرحمن الرحيم', speakerId: 'p-chair' },
  { start: 3725.5, end: 3730.25, text: 'Merci   Monsieur le Wali\n\nسطر ثانٍ', speakerId: 'p-jean' },
  { start: 3731, end: 3730, text: 'a < b & c --> d', speakerId: null },
  { start: 3732, end: 3733, text: '   ', speakerId: null },
];
const speakers = [
  { id: 'p-chair', name: 'محمد العلمي' },
  { id: 'p-jean', name: 'Jean Dupont' },
];

describe('transcript formats', () => {
  it('formats timestamps', () => {
    expect(formatTimestamp(3725.5, ',')).toBe('01:02:05,500');
    expect(formatTimestamp(0.0004)).toBe('00:00:00.000');
    expect(formatClock(59.9)).toBe('00:00:59');
  });

  it('writes SRT with numbered cues, speakers, no blank lines inside a cue, empty cues dropped', () => {
    const srt = formatTranscript('srt', segs, speakers);
    expect(srt).toBe(
      '1\n00:00:00,000 --> 00:00:02,500\nمحمد العلمي: بسم الله الرحمن الرحيم\n\n' +
        '2\n01:02:05,500 --> 01:02:10,250\nJean Dupont: Merci   Monsieur le Wali\nسطر ثانٍ\n\n' +
        '3\n01:02:11,000 --> 01:02:11,000\na < b & c --> d\n',
    );
  });

  it('writes VTT with a header, voice spans and escaped text', () => {
    const vtt = formatTranscript('vtt', segs, new Map(speakers.map((s) => [s.id, s.name])));
    expect(vtt.startsWith('WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v محمد العلمي>بسم الله')).toBe(true);
    expect(vtt).toContain('a &lt; b &amp; c -&gt; d');
    expect(vtt.match(/-->/g)?.length).toBe(3);
  });

  it('writes TXT one line per segment', () => {
    const txt = formatTranscript('txt', segs, { 'p-chair': 'محمد العلمي' });
    const lines = txt.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('[00:00:00 - 00:00:02] محمد العلمي: بسم الله الرحمن الرحيم');
    expect(lines[1]).toBe('[01:02:05 - 01:02:10] Merci   Monsieur le Wali سطر ثانٍ');
  });

  it('writes JSON {segments:[{start,end,text,speaker?}]}', () => {
    const doc = JSON.parse(formatTranscript('json', segs, speakers));
    expect(doc.segments).toHaveLength(4);
    expect(doc.segments[0]).toEqual({ start: 0, end: 2.5, text: 'بسم الله الرحمن الرحيم', speakerId: 'p-chair', speaker: 'محمد العلمي' });
    expect(doc.segments[2]).toEqual({ start: 3731, end: 3731, text: 'a < b & c --> d' });
    expect(formatTranscript('json', segs).includes('speaker"')).toBe(false);
  });

  it('handles no segments', () => {
    expect(formatTranscript('txt', [])).toBe('');
    expect(formatTranscript('srt', [])).toBe('');
    expect(formatTranscript('vtt', [])).toBe('WEBVTT\n');
    expect(JSON.parse(formatTranscript('json', []))).toEqual({ segments: [] });
  });
});

describe('one clock for every export', () => {
  it('the minutes annex and the TXT transcript show the same second for a time just below it', async () => {
    const { clock } = await import('../../shared/minutes/build.ts');
    // 3725.9996 s is 01:02:06 once rounded to the millisecond, as SRT and VTT write it.
    for (const t of [3725.9996, 59.9995, 0.4, 7199.9999]) {
      const txt = formatTranscript('txt', [{ start: t, end: t + 1, text: 'x', speakerId: null }]);
      expect(txt.startsWith(`[${clock(t)} -`)).toBe(true);
      expect(formatTimestamp(t).startsWith(clock(t))).toBe(true);
    }
    expect(clock(3725.9996)).toBe('01:02:06');
  });

  it('the screens show the second the exports show, in the short form', async () => {
    const { clock } = await import('../../renderer/features/common/time.ts');
    const { formatShortClock } = await import('../../shared/text/time.ts');
    // 3725.6 s: the whole second, never rounded up, on screen as in the exports.
    expect(clock(3725.6)).toBe('1:02:05');
    expect(formatClock(3725.6)).toBe('01:02:05');
    const txt = formatTranscript('txt', [{ start: 3725.6, end: 3726, text: 'x', speakerId: null }]);
    expect(txt.startsWith('[01:02:05 -')).toBe(true);
    const table = [
      [0, '0:00', '00:00:00'],
      [59.9, '0:59', '00:00:59'],
      [65, '1:05', '00:01:05'],
      [3599.9996, '1:00:00', '01:00:00'],
      [-3, '0:00', '00:00:00'],
      [Number.NaN, '0:00', '00:00:00'],
    ] as const;
    for (const [t, short, long] of table) {
      expect(formatShortClock(t), String(t)).toBe(short);
      expect(formatClock(t), String(t)).toBe(long);
    }
  });
});
