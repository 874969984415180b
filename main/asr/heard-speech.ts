// Where the voice detector heard speech in a recording, kept beside its WAV by the pass that
// follows the recording (service/recording/follow.ts): `recording-<n>.speech.json`, rewritten
// atomically after each of its runs. The job after the stop reads it for its second look
// (job-second-look.ts). Without it the job knows the speech only of its own run (the tail), and
// in the part the followed pass transcribed it looked again at every hole of 10-60 s, silent or
// not: each such run costs a model load and the voice detector at the stop, up to 20 of them
// after a meeting with many pauses. With it a silent hole costs nothing, and a hole of 5 s or more
// with speech in it gets its second look there too (gap-pass.ts, spansToTranscribeAgain).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Span } from '../../shared/transcript/gaps.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import type { HeardSpeech } from './gap-pass.ts';

/** What the voice detector heard in [from, to] of one recording file. */
export interface HeardRecord {
  file: string;
  from: number;
  to: number;
  spans: Span[];
}

const spanSchema = z.strictObject({ start: z.number().nonnegative(), end: z.number().nonnegative() });
const recordSchema = z.strictObject({
  file: z.string(),
  from: z.number().nonnegative(),
  to: z.number().nonnegative(),
  // A 3-hour meeting holds a few thousand stretches of speech; far more is not a record of ours.
  spans: z.array(spanSchema).max(100_000),
});

/** The speech file of a recording: recording-3.wav → recording-3.speech.json. */
export const heardSpeechFileName = (wavFile: string) => wavFile.replace(/\.wav$/, '') + '.speech.json';

/** The parts of `spans` within [from, to]. */
const clip = (spans: readonly Span[], from: number, to: number): Span[] =>
  spans.filter((s) => s.end > from && s.start < to).map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }));

/** Seconds between the end of what is known and a run's start that still count as one stretch (a run starts at its last segment's end, before the last cut). */
const JOIN_SEC = 0.5;

/**
 * The record once a run has heard [from, to]: its speech replaces what the record said from
 * `from` on. A run that starts past the record's end (nothing known between) starts a new record:
 * what is known must be one stretch, since a hole outside it is judged as unknown.
 */
export function extendHeard(record: HeardRecord | null, file: string, run: { from: number; to: number; spans: readonly Span[] }): HeardRecord {
  const within = clip(run.spans, run.from, run.to);
  if (!record || record.file !== file || run.from > record.to + JOIN_SEC || run.from < record.from) {
    return { file, from: run.from, to: run.to, spans: within };
  }
  return { file, from: record.from, to: run.to, spans: [...clip(record.spans, 0, run.from), ...within] };
}

/**
 * What the job's second look knows of the speech: the record of the followed pass joined to what
 * the job's own run heard from `offsetSec` (its resume point) on. The record counts only for the
 * recording it was made on, and only where it reaches the job's part (or the job ran nothing).
 */
export function joinHeard(record: HeardRecord | null, file: string, offsetSec: number, runSpeech: readonly Span[] | null): HeardSpeech | null {
  const usable = record && record.file === file ? record : null;
  if (runSpeech) {
    if (!usable || usable.to + JOIN_SEC < offsetSec || usable.from > offsetSec) return { from: offsetSec, spans: runSpeech };
    return { from: usable.from, spans: [...clip(usable.spans, 0, offsetSec), ...runSpeech.filter((s) => s.end > offsetSec)] };
  }
  return usable ? { from: usable.from, to: usable.to, spans: usable.spans } : null;
}

/** The record beside `wavFile`; null when there is none, or one that is not ours (logged: the second look then judges the holes as unknown). */
export async function readHeardSpeech(dir: string, wavFile: string): Promise<HeardRecord | null> {
  const path = join(dir, heardSpeechFileName(wavFile));
  try {
    const record = recordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    return record.file === wavFile ? record : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.error(`mahdar: ${path} cannot be read; the second look judges its holes without it.`);
    return null;
  }
}

export const writeHeardSpeech = (dir: string, record: HeardRecord): Promise<void> =>
  writeFileAtomic(join(dir, heardSpeechFileName(record.file)), JSON.stringify(record));

/** Removes the record of `wavFile` (a new recording takes a free name, which an older one may have had). */
export const removeHeardSpeech = (dir: string, wavFile: string): Promise<void> => rm(join(dir, heardSpeechFileName(wavFile)), { force: true });
