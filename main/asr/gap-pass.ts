// A second look at speech the full pass left without text. whisper.cpp sometimes repeats a word
// at the end of a 30 s window and moves the window's last timestamp ahead, so the next window
// starts past speech no segment holds: all 69 msa-read clips joined, the installers' AVX2 build,
// beam 5, gave no text from 38 to 50 s (20 words), where a run on the first 90 s alone wrote them
// (docs/engine.md, "A second look at speech left without text"). Decoded as the first window of a
// run of its own, such a span gets its text. So after the full pass each hole where the voice
// detector heard speech is transcribed once more on its own (the runner on a cut of the file), and
// the caller puts its segments in the hole.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORTED_GAP_SEC, untranscribedSpans, type Span } from '../../shared/transcript/gaps.ts';
import { sliceWav } from '../audio/wav.ts';
import { onTimeline, PASSAGE_PAD_SEC, type PassageSegment } from './passage-timeline.ts';
import { RUN_DIR_PREFIX } from './run-temp.ts';
import { runWhisper, type RunHandle, type RunOptions } from './runner.ts';
import { roundConfidence } from './token-confidence.ts';
import { speechWithin } from './vad-speech.ts';

/** A hole between segments this long is looked at again when the voice detector heard speech in it. */
export const RETRY_MIN_GAP_SEC = 5;
/** The speech that must have been heard in such a hole: a cough or a chair in a pause is not enough. */
export const RETRY_MIN_SPEECH_SEC = 3;
/** At most this many spans are transcribed again (each run loads the model): those with the most speech. */
export const MAX_RETRY_SPANS = 20;
/**
 * Where the speech is not known, no longer hole than this is looked at again. A window that jumps
 * ahead skips less than its 30 s; a longer stretch without text is a break or a lost microphone,
 * and a run of its own would only cost time at the stop (the voice detector over all of it and a
 * model load), most of all after a recording, whose followed part's speech the job does not know.
 */
export const MAX_UNHEARD_SPAN_SEC = 60;

/**
 * Where the voice detector heard speech, known for the audio from `from` on (a resumed run heard
 * only its part), up to `to` where only part of the rest was heard (the pass that followed a
 * recording, when the job after the stop ran nothing: heard-speech.ts).
 */
export interface HeardSpeech {
  from: number;
  to?: number;
  spans: readonly Span[];
}

/**
 * The holes of the transcript to transcribe again, in time order: those of RETRY_MIN_GAP_SEC or
 * more where RETRY_MIN_SPEECH_SEC of speech was heard; where the speech is not known, those the
 * Transcription tab reports (REPORTED_GAP_SEC) up to MAX_UNHEARD_SPAN_SEC, whose run costs little
 * when they are silent (the run's own voice detector finds nothing to decode).
 */
export function spansToTranscribeAgain(segments: readonly (Span & { text?: string })[], durationSec: number, heard: HeardSpeech | null): Span[] {
  const scored: { span: Span; speech: number }[] = [];
  for (const span of untranscribedSpans(segments, durationSec, RETRY_MIN_GAP_SEC)) {
    const known = heard !== null && span.start >= heard.from && span.end <= (heard.to ?? Infinity);
    if (!known) {
      const length = span.end - span.start;
      if (length >= REPORTED_GAP_SEC && length <= MAX_UNHEARD_SPAN_SEC) scored.push({ span, speech: length });
      continue;
    }
    const speech = speechWithin(span, heard.spans);
    if (speech >= RETRY_MIN_SPEECH_SEC) scored.push({ span, speech });
  }
  return scored
    .sort((a, b) => b.speech - a.speech)
    .slice(0, MAX_RETRY_SPANS)
    .map((s) => s.span)
    .sort((a, b) => a.start - b.start);
}

export interface GapPassOptions extends Pick<RunOptions, 'bin' | 'model' | 'decode' | 'fitThreads' | 'priority' | 'onStart' | 'onThreads'> {
  /** The whole recording (16 kHz mono WAV) and its length. */
  audio: string;
  durationSec: number;
  spans: readonly Span[];
  /**
   * A span's run is over: its segments on the file's timeline, clipped to the span (none when the
   * engine heard nothing there again). Awaited before the next span's run starts.
   */
  onSpan: (segments: PassageSegment[], index: number) => void | Promise<void>;
}

export interface GapPassResult {
  status: 'done' | 'cancelled';
  /** Spans that got text. */
  filled: number;
  /** Spans whose run failed (the engine's error is logged): they stay without text (the tab lists those of 10 s or more). */
  failed: number;
}

export interface GapPass {
  done: Promise<GapPassResult>;
  /** Stops the run in progress and the spans after it; resolves once the engine has exited. */
  cancel(): Promise<unknown>;
  /** The engine's process id while a span's run is on (tests kill it). */
  readonly pid: number | undefined;
}

export function transcribeGaps(opts: GapPassOptions): GapPass {
  let cancelled = false;
  let current: RunHandle | null = null;
  const done = (async (): Promise<GapPassResult> => {
    let filled = 0;
    let failed = 0;
    for (const [i, span] of opts.spans.entries()) {
      if (cancelled) break;
      const from = Math.max(0, span.start - PASSAGE_PAD_SEC);
      const to = Math.min(opts.durationSec, span.end + PASSAGE_PAD_SEC);
      // Named like the runner's own folders: the start-up sweep removes it if the app is killed.
      const dir = await mkdtemp(join(tmpdir(), `${RUN_DIR_PREFIX}${process.pid}-`));
      try {
        const slice = await sliceWav(opts.audio, join(dir, 'gap.wav'), from, to);
        if (cancelled) break;
        const found: PassageSegment[] = [];
        current = runWhisper({
          bin: opts.bin,
          model: opts.model,
          audio: join(dir, 'gap.wav'),
          durationSec: slice.durationSec,
          decode: opts.decode,
          fitThreads: opts.fitThreads,
          priority: opts.priority,
          onSegment: (s) => found.push(s),
          // The same objects as onSegment's.
          onConfidence: (s, ps) => ((s as PassageSegment).wordConfidence = roundConfidence(ps)),
          onStart: opts.onStart,
          onThreads: opts.onThreads,
        });
        if (cancelled) void current.cancel();
        const result = await current.done;
        current = null;
        if (result.status === 'cancelled' || cancelled) break;
        if (result.status === 'failed') {
          failed++;
          console.warn(`mahdar: the second look at ${span.start.toFixed(1)}-${span.end.toFixed(1)} s failed: ${result.error.message}`);
          continue;
        }
        const segments = onTimeline(found, from, span.start, span.end);
        if (segments.length) filled++;
        await opts.onSpan(segments, i);
      } finally {
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }
    }
    return { status: cancelled ? 'cancelled' : 'done', filled, failed };
  })();
  return {
    done,
    async cancel() {
      cancelled = true;
      await current?.cancel();
      return done.catch(() => undefined);
    },
    get pid() {
      return current?.pid;
    },
  };
}
