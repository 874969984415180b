// `mahdar transcribe AUDIO --model FILE [--language ar] [--threads N] [--beam N] [--context N] [--flash-attention on|off] [--second-look on|off] --format json|txt|srt|vtt --out FILE`
// Decodes any supported audio with ffmpeg to a temporary 16 kHz mono WAV, runs the engine on it
// (the same runner as the app), transcribes again on their own the spans of speech it left without
// text (gap-pass.ts, as the app's job does; `--second-look off` skips it) and writes the transcript
// atomically. Errors are thrown as MahdarError: the dispatcher prints one line and exits non-zero.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { transcriptionLanguages } from '../../shared/api.ts';
import { MahdarError } from '../../shared/errors.ts';
import type { Span } from '../../shared/transcript/gaps.ts';
import { writeFileAtomic } from '../archive/atomic-write.ts';
import { DEFAULT_DECODE, type DecodeOptions } from '../asr/decode-options.ts';
import { resolveThreads, whisperCliPath } from '../asr/engine.ts';
import { validateModelFile } from '../asr/model-file.ts';
import { spansToTranscribeAgain, transcribeGaps, type GapPassOptions } from '../asr/gap-pass.ts';
import { runWhisper, type EngineSegment } from '../asr/runner.ts';
import { findVadModelIn } from '../asr/vad-model.ts';
import { decodeToWav } from '../audio/decode.ts';
import { formatTranscript, transcriptFormats, type TranscriptFormat } from '../export/transcript.ts';
import { extraModelDirs } from '../paths.ts';
import { intFlag, parseArgs, requireFlag } from './args.ts';

const USAGE = 'usage: transcribe AUDIO --model FILE [--language ar|auto] [--threads N] [--beam N] [--context N] [--flash-attention on|off] [--second-look on|off] --format json|txt|srt|vtt --out FILE';

/** Awaits an engine's run; Ctrl-C or a TERM meanwhile stops the engine, then `stop` cleans up and exits. */
async function untilDone<T>(run: { done: Promise<T>; cancel(): Promise<unknown> }, stop: () => void): Promise<T> {
  const onSignal = () => void run.cancel().then(stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * The full pass's segments with the holes where speech was heard transcribed again on their own
 * (gap-pass.ts), in time order; says on stderr how many it looked at.
 */
async function withSecondLook(
  engine: Omit<GapPassOptions, 'spans' | 'onSpan'>,
  segments: readonly EngineSegment[],
  speech: Span[] | null,
  stop: () => void,
): Promise<EngineSegment[]> {
  const spans = spansToTranscribeAgain(segments, engine.durationSec, speech && { from: 0, spans: speech });
  const found: EngineSegment[] = [];
  const look = await untilDone(transcribeGaps({ ...engine, spans, onSpan: (segs) => void found.push(...segs) }), stop);
  if (spans.length) process.stderr.write(`second look: ${spans.length} span(s) of speech without text transcribed again, ${look.filled} got text\n`);
  // Each span lies in a hole: the segments in time order are the transcript.
  return [...segments, ...found].sort((a, b) => a.start - b.start);
}

export async function run(args: string[]): Promise<void> {
  const parsed = parseArgs(args, ['model', 'language', 'threads', 'beam', 'context', 'flash-attention', 'second-look', 'format', 'out']);
  if (parsed.positional.length !== 1) throw new MahdarError('validation', { detail: USAGE });
  const audio = resolve(parsed.positional[0]!);
  const model = resolve(requireFlag(parsed, 'model'));
  const format = requireFlag(parsed, 'format');
  if (!(transcriptFormats as readonly string[]).includes(format)) {
    throw new MahdarError('validation', { detail: `--format must be one of ${transcriptFormats.join(', ')}` });
  }
  const out = resolve(requireFlag(parsed, 'out'));
  const language = parsed.flags.get('language') ?? 'ar';
  if (!(transcriptionLanguages as readonly string[]).includes(language)) {
    throw new MahdarError('validation', { detail: `--language must be one of ${transcriptionLanguages.join(', ')}` });
  }
  const threads = intFlag(parsed, 'threads', 1, 64);
  // Beam width (1 = greedy); the app's default otherwise. For comparing settings on one's own audio.
  const beam = intFlag(parsed, 'beam', 1, 8) ?? DEFAULT_DECODE.beamSize;
  // Tokens of the previous window's text given to the next as its prompt (-mc): -1 all (224), 0 none.
  const context = intFlag(parsed, 'context', -1, 224, '-1 (all)') ?? DEFAULT_DECODE.maxContext;
  // Flash attention in the encoder (the decoder never uses it on the CPU: docs/engine.md); on by default.
  const flash = parsed.flags.get('flash-attention');
  if (flash !== undefined && flash !== 'on' && flash !== 'off') {
    throw new MahdarError('validation', { detail: '--flash-attention must be on or off' });
  }

  const secondLook = parsed.flags.get('second-look') ?? 'on';
  if (secondLook !== 'on' && secondLook !== 'off') {
    throw new MahdarError('validation', { detail: '--second-look must be on or off' });
  }

  if (!existsSync(audio)) throw new MahdarError('validation', { detail: `${parsed.positional[0]}: no such file` });
  if (!(await stat(model).catch(() => null))?.isFile()) throw new MahdarError('model.notFound', { model });
  const header = await validateModelFile(model);
  if (!header.multilingual && language !== 'en') throw new MahdarError('model.englishOnly');
  const bin = whisperCliPath();

  const work = await mkdtemp(join(tmpdir(), 'mahdar-cli-'));
  const stop = () => void rm(work, { recursive: true, force: true }).finally(() => process.exit(130));
  try {
    const wav = join(work, 'audio.wav');
    const decoded = await decodeToWav(audio, wav);
    const decode: DecodeOptions = {
      ...DEFAULT_DECODE,
      beamSize: beam,
      maxContext: context,
      flashAttention: flash === undefined ? DEFAULT_DECODE.flashAttention : flash === 'on',
      language,
      threads: resolveThreads(threads, 0),
      // Beside the model first, then the shared model folders.
      vadModel: await findVadModelIn([dirname(model), ...extraModelDirs()]),
      prompt: null,
    };
    const segments: EngineSegment[] = [];
    const tty = process.stderr.isTTY;
    // The full pass's and the second look's: without --threads, every core, fewer where other programs hold some (free-cores.ts).
    const engine = { bin, model, audio: wav, durationSec: decoded.durationSec, decode, fitThreads: threads === undefined };
    const handle = runWhisper({
      ...engine,
      onSegment: (s) => segments.push(s),
      onProgress: tty
        ? (p) => process.stderr.write(`\r${p.percent.toFixed(0).padStart(3)}%${p.etaSec !== null ? `  ~${Math.ceil(p.etaSec)} s left` : ''}   `)
        : undefined,
    });
    const result = await untilDone(handle, stop);
    if (tty) process.stderr.write('\n');
    if (result.status === 'failed') throw result.error;
    if (result.status === 'cancelled') throw new MahdarError('engine.failed', { detail: 'cancelled' });
    const all = secondLook === 'on' ? await withSecondLook(engine, segments, result.speech, stop) : segments;
    const text = formatTranscript(format as TranscriptFormat, all);
    await writeFileAtomic(out, text).catch((err: unknown) => {
      if (err instanceof MahdarError) throw err;
      throw new MahdarError('export.failed', { detail: `cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
    });
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
