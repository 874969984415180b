// The live text of a recording: a sliding window of the recorded audio, decoded again and again
// by one long-lived engine (server.ts), its words committed only when two consecutive decodes
// agree (agreement.ts, LocalAgreement-2), or at once when the window ends in a pause (pause.ts):
// the speaker stopped, so one decode heard those words whole.
//
// The audio path never waits on the engine: `push` only appends the chunk to an in-memory window
// and returns. One loop decodes whatever the window holds whenever at least `stepSec` of new audio
// has arrived. Once the window is longer than `trimSec`, it is cut at the end of the last fully
// committed segment (or at the last committed word), so each decode stays short. When the engine
// falls behind (or two decodes keep disagreeing) and the window reaches `maxWindowSec`, the oldest
// audio is dropped: the words one decode already heard in it are committed as they stand, and
// audio no decode heard is skipped, the next event saying by how much (skippedSec). Every window
// fits in one short encoder context (`contextSec`). The full-quality pass after the recording
// transcribes everything anyway; the live text is never saved into the meeting.
import { MahdarError, toErrorPayload, type ErrorPayload } from '../../../shared/errors.ts';
import {
  agree,
  commitBefore,
  finishAgreement,
  initialAgreement,
  skipTo,
  wordsOfSegments,
  type AgreementState,
  type TimedWord,
} from './agreement.ts';
import { trailingQuietSec } from './pause.ts';
import type { DecodedSegment, DecodeWindowOptions } from './server.ts';

const BYTES_PER_SEC = 32000;

export interface LiveUpdate {
  /** Newly committed words (joined by spaces); '' when nothing new was committed. */
  committed: string;
  /** The uncommitted rest of the latest decode. */
  tentative: string;
  /** Recording time (seconds, on the recording's clock) up to which audio was decoded. */
  atSec: number;
  /** Seconds of audio the live text skipped since the last update (the engine fell behind). */
  skippedSec?: number;
  /** The last update: the recording stopped and what was waiting is committed as it stands. */
  final?: boolean;
}

export interface WindowDecoder {
  /** Null when the decode was given up at `opts.timeoutMs`. */
  decode(pcm: Buffer, prompt?: string, opts?: DecodeWindowOptions): Promise<DecodedSegment[] | null>;
}

export interface LiveOptions {
  decoder: WindowDecoder;
  onUpdate: (u: LiveUpdate) => void;
  /** The decoder failed: the live text stops, the recording goes on. */
  onError?: (error: ErrorPayload) => void;
  /** Recording time of the first byte pushed (a continued recording starts after the old audio). */
  originSec?: number;
  /** Decode again once this much new audio has arrived. */
  stepSec?: number;
  /** Cut the window at committed text once it is longer than this. */
  trimSec?: number;
  /** Never decode more than this: beyond it the oldest audio is skipped. */
  maxWindowSec?: number;
  /** Pass the end of the committed text as the decoder's prompt (context across cuts). */
  usePrompt?: boolean;
  /**
   * Seconds the encoder looks at, the same for every window (server.ts, liveContextFrames): far
   * cheaper than the model's 30 s. A window is never longer than this less CONTEXT_SPARE_SEC.
   */
  contextSec?: number;
  /**
   * A decode is given up once it runs GIVE_UP_FACTOR times the usual decode (the median of the
   * recent ones) and at least this long: a window Whisper cannot read sends it into its
   * temperature fallback and repetition, 5-22 s instead of 1-2 s.
   */
  giveUpMinMs?: number;
  /**
   * When a decoded window ends in at least this many seconds of quiet (pause.ts), the speaker
   * paused: what the decode heard before it is committed at once instead of waiting for a second
   * decode to agree. 0 turns it off.
   */
  commitAtPauseSec?: number;
}

/** Give a decode up past this many times the usual one (see giveUpMinMs). */
export const GIVE_UP_FACTOR = 2.5;
/** Decodes that set the usual time (a median), once this many have finished; none given up before. */
const USUAL_OF = 8;
const USUAL_AFTER = 3;

/** Silence always left after a window inside the encoder's context: a context that ended right
 * after the speech, or 1-2 s after it, often gave garbage (docs/engine.md, "Live transcription"). */
export const CONTEXT_SPARE_SEC = 2;

/**
 * Chosen with `npm run bench -- live` (docs/engine.md, "Live transcription"): no prompt (with the
 * committed text fed back to the decoder, 100 decodes got through in 174 s of speech, without it
 * 153); windows of 2-5 s; and words committed at once at a pause of 0.4 s. With the live
 * engine's -nf (server.ts), the commit delay's median was 2.2-2.8 s in three runs, against
 * 3.2-3.5 s with 3-6 s windows (and a 0.6 s pause) and 4.0 s with 3-6 s windows, no pause rule
 * and no -nf.
 */
export const LIVE_DEFAULTS = { stepSec: 1, trimSec: 2, maxWindowSec: 5, usePrompt: false, contextSec: 10, giveUpMinMs: 2500, commitAtPauseSec: 0.4 } as const;

export class LiveTranscriber {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** Recording time of the window's first sample. */
  private windowStart: number;
  /** Bytes in the window when the last decode began. */
  private decodedBytes = 0;
  private agreement: AgreementState;
  private skipped = 0;
  /** Recording time up to which some decode has heard the audio (its answer arrived). */
  private heardUntil: number;
  private committedText: string[] = [];
  private running = false;
  private stopped = false;
  private failed = false;
  private idle: Promise<void> = Promise.resolve();
  /** Milliseconds the recent decodes took (those not given up). */
  private recentMs: number[] = [];
  private readonly o: Required<Omit<LiveOptions, 'onError' | 'originSec'>> & Pick<LiveOptions, 'onError'>;

  constructor(opts: LiveOptions) {
    const o = { ...LIVE_DEFAULTS, ...opts };
    const maxWindowSec = Math.min(o.maxWindowSec, o.contextSec - CONTEXT_SPARE_SEC);
    if (!(maxWindowSec >= o.stepSec)) throw new RangeError(`live window of ${maxWindowSec} s is shorter than its step (${o.stepSec} s)`);
    this.o = { ...o, maxWindowSec, trimSec: Math.min(o.trimSec, maxWindowSec) };
    this.windowStart = opts.originSec ?? 0;
    this.heardUntil = this.windowStart;
    this.agreement = initialAgreement(this.windowStart);
  }

  /** All committed text so far. */
  get text(): string {
    return this.committedText.join(' ');
  }

  /** Appends recorded audio (16 kHz mono PCM16). Never waits; never throws. */
  push(pcm: Buffer): void {
    if (this.stopped || this.failed || pcm.length === 0) return;
    this.chunks.push(Buffer.from(pcm));
    this.bytes += pcm.length;
    // Bounded memory whatever the engine does: audio beyond the largest window is dropped now.
    const max = Math.round(this.o.maxWindowSec * BYTES_PER_SEC * 1.5) & ~1;
    if (this.bytes > max) this.dropFront(this.bytes - max);
    if (!this.running && this.bytes - this.decodedBytes >= this.o.stepSec * BYTES_PER_SEC) {
      this.running = true;
      this.idle = this.loop();
    }
  }

  /** Stops decoding; resolves after the running decode, with the final update published. */
  async stop(): Promise<void> {
    if (this.stopped) return this.idle;
    this.stopped = true;
    await this.idle;
    if (this.failed) return;
    const f = finishAgreement(this.agreement);
    this.agreement = f.state;
    this.emit({ committed: this.commit(f.committed), tentative: '', atSec: this.windowEnd, final: true });
  }

  private get windowEnd(): number {
    return this.windowStart + this.bytes / BYTES_PER_SEC;
  }

  private dropFront(n: number): void {
    n = Math.min(this.bytes, n) & ~1;
    // Words a decode already heard in the audio that goes (shown as tentative) are committed as
    // they stand rather than lost: only audio never decoded counts as skipped.
    const heard = commitBefore(this.agreement, this.windowStart + n / BYTES_PER_SEC);
    this.agreement = heard.state;
    if (heard.committed.length) this.emit({ committed: this.commit(heard.committed), tentative: textOf(heard.tentative), atSec: round(this.windowEnd) });
    let left = n;
    while (left > 0 && this.chunks.length) {
      const c = this.chunks[0]!;
      if (c.length <= left) {
        this.chunks.shift();
        left -= c.length;
      } else {
        this.chunks[0] = c.subarray(left);
        left = 0;
      }
    }
    this.bytes -= n;
    this.decodedBytes = Math.max(0, this.decodedBytes - n);
    const dropFrom = this.windowStart;
    this.windowStart += n / BYTES_PER_SEC;
    // Skipped: dropped audio that no decode has heard (what one decode heard was committed above).
    const lost = this.windowStart - Math.max(dropFrom, Math.min(this.heardUntil, this.windowStart));
    if (lost > 0) this.skipped += lost;
    // Waiting words of audio that is gone are forgotten; the next decodes start after it.
    this.agreement = skipTo(this.agreement, this.windowStart);
  }

  /** Adds words to the committed text; returns them joined, as an update carries them. */
  private commit(words: readonly TimedWord[]): string {
    const texts = words.map((w) => w.text);
    this.committedText.push(...texts);
    return texts.join(' ');
  }

  private emit(u: LiveUpdate): void {
    try {
      this.o.onUpdate(u);
    } catch {
      // A failing listener must not stop the live text.
    }
  }

  private async loop(): Promise<void> {
    try {
      while (!this.stopped && this.bytes - this.decodedBytes >= this.o.stepSec * BYTES_PER_SEC) {
        // Fell behind: keep the newest audio only (dropFront commits what a decode already heard in it).
        const maxBytes = Math.round(this.o.maxWindowSec * BYTES_PER_SEC) & ~1;
        if (this.bytes > maxBytes) this.dropFront(this.bytes - Math.round((this.o.trimSec * BYTES_PER_SEC) / 2) * 2);
        const window = Buffer.concat(this.chunks, this.bytes);
        const start = this.windowStart;
        this.decodedBytes = window.length;
        const prompt = this.o.usePrompt ? this.committedText.join(' ').slice(-200) : undefined;
        let segments: DecodedSegment[] | null;
        const began = performance.now();
        try {
          segments = await this.o.decoder.decode(window, prompt, { contextSec: this.o.contextSec, timeoutMs: this.giveUpMs() });
        } catch (err) {
          if (this.stopped) return;
          this.failed = true;
          this.chunks = [];
          this.bytes = 0;
          this.o.onError?.(toErrorPayload(err instanceof MahdarError ? err : new MahdarError('live.failed', { detail: String(err) })));
          return;
        }
        if (this.stopped) return;
        // Given up: nothing learnt from this window. The next decode, with newer audio, tries
        // again; if the engine keeps failing, the window overflows and the live text skips ahead.
        if (segments === null) continue;
        this.recentMs = [...this.recentMs, performance.now() - began].slice(-USUAL_OF);
        this.consume(segments, start, start + window.length / BYTES_PER_SEC, window);
      }
    } finally {
      this.running = false;
    }
  }

  /** How long the next decode may run; none until a few decodes have set the usual time. */
  private giveUpMs(): number | undefined {
    if (this.recentMs.length < USUAL_AFTER) return undefined;
    const sorted = [...this.recentMs].sort((a, b) => a - b);
    const usual = sorted[Math.floor(sorted.length / 2)]!;
    return Math.round(Math.max(this.o.giveUpMinMs, GIVE_UP_FACTOR * usual));
  }

  private consume(segments: DecodedSegment[], start: number, end: number, window: Buffer): void {
    // The window may have been cut meanwhile (memory cap): times are of the window decoded.
    this.heardUntil = Math.max(this.heardUntil, end);
    const abs = segments.map((s) => ({ start: start + s.start, end: Math.min(end, start + Math.max(s.start, s.end)), text: s.text }));
    const hypothesis: TimedWord[] = wordsOfSegments(abs);
    let r = agree(this.agreement, hypothesis);
    if (r.tentative.length && this.o.commitAtPauseSec > 0 && trailingQuietSec(window) >= this.o.commitAtPauseSec) {
      const f = finishAgreement(r.state);
      r = { state: f.state, committed: [...r.committed, ...f.committed], tentative: [] };
    }
    this.agreement = r.state;
    const update: LiveUpdate = { committed: this.commit(r.committed), tentative: textOf(r.tentative), atSec: round(end) };
    if (this.skipped > 0) {
      update.skippedSec = round(this.skipped);
      this.skipped = 0;
    }
    this.emit(update);
    this.trim(abs);
  }

  /** Cuts the window at committed text once it is long, so that decodes stay short. */
  private trim(segments: { start: number; end: number }[]): void {
    if (this.bytes / BYTES_PER_SEC <= this.o.trimSec) return;
    const done = this.agreement.committedEnd;
    // The end of the last segment all of whose words are committed; else the last committed word.
    let cut = this.windowStart;
    for (const s of segments) if (s.end <= done + 0.01 && s.end > cut) cut = s.end;
    if (cut <= this.windowStart) cut = Math.min(done, this.windowEnd);
    if (cut <= this.windowStart) return;
    const n = Math.round((cut - this.windowStart) * BYTES_PER_SEC) & ~1;
    // Not counted as skipped: everything before `cut` is committed.
    const keepSkip = this.skipped;
    this.dropFront(n);
    this.skipped = keepSkip;
    this.agreement = { ...this.agreement, committedEnd: Math.max(this.agreement.committedEnd, this.windowStart) };
  }
}

const round = (t: number) => Math.round(t * 1000) / 1000;
const textOf = (words: readonly TimedWord[]) => words.map((w) => w.text).join(' ');
