// Shared set-up for the engine tests: real fixtures, the real model, a fresh data root each time.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { whisperServerPath } from '../../main/asr/live/server.ts';
import { createContext, type ServiceContext } from '../../main/context/context.ts';
import type { ApiEvent } from '../../shared/api.ts';

export const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared');
export const MODELS = join(SHARED, 'models');
export const MODEL = join(MODELS, 'ggml-base.bin');
export const MSA = join(SHARED, 'fixtures', 'msa-read');
export const CONSULTATION = join(SHARED, 'fixtures', 'consultation', 'consultation.wav');
export const haveModel = existsSync(MODEL);
export const VAD = join(MODELS, 'ggml-silero-v5.1.2.bin');
/** whisper-server (the live engine) was built. */
export const haveServer = (() => {
  try {
    return existsSync(whisperServerPath());
  } catch {
    return false;
  }
})();

/**
 * Word n-grams that occur more than `moreThan` times, with their counts: a repetition loop in a
 * transcript (the live-text test and `npm run bench -- live` both look for them).
 */
export function repeatedNgrams(words: readonly string[], n: number, moreThan: number): { gram: string; count: number }[] {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts].filter(([, c]) => c > moreThan).map(([gram, count]) => ({ gram, count }));
}

export function refs(): Map<string, { text: string; duration: number }> {
  const out = new Map<string, { text: string; duration: number }>();
  for (const line of readFileSync(join(MSA, 'refs.tsv'), 'utf8').split('\n').slice(1)) {
    const [file, text, dur] = line.split('\t');
    if (file && text) out.set(file, { text, duration: Number(dur) });
  }
  return out;
}

export function tempDir(prefix = 'mahdar-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Concatenates msa-read clips (with `gapSec` of silence between them) into one 16 kHz mono WAV. */
export function concatClips(files: string[], out: string, gapSec = 0.5): string {
  const args: string[] = [];
  files.forEach((f, i) => {
    if (i > 0 && gapSec > 0) args.push('-n');
    args.push(join(MSA, f));
  });
  // sox cannot interleave a generated silence between inputs simply; pad each clip instead.
  const padded = files.map((f) => join(MSA, f));
  execFileSync('sox', [...padded, '-r', '16000', '-c', '1', '-b', '16', out, 'pad', '0', String(gapSec)]);
  return out;
}

export async function freshContext(root = tempDir()): Promise<ServiceContext> {
  return createContext(root, [MODELS]);
}

/** Greedy decoding keeps the engine tests short on two cores (beam search is 3-4x slower here). */
export const FAST_DECODE = { beamSize: 1, bestOf: 1 } as const;

/** The first event of the context matching `match`; subscribe before causing it. */
export function nextEvent(ctx: ServiceContext, match: (e: ApiEvent) => boolean): Promise<ApiEvent> {
  return new Promise((resolve) => {
    const off = ctx.events.subscribe((e) => {
      if (match(e)) {
        off();
        resolve(e);
      }
    });
  });
}

/** One process spinning on each core until killed, as a video call and a busy browser would hold them. */
export function holdEveryCore(): ChildProcess[] {
  return cpus().map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}
