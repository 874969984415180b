// LocalAgreement-2 (Macháček et al., whisper_streaming): the live decoder re-decodes a sliding
// window of the recording every second or so, and a word is committed (shown as final) only once
// two consecutive decodes agree on it, so the live text neither flickers nor repeats. Pure
// functions: the state goes in, the new state and the words to show come out.
//
// Each decode covers the whole window, including words committed earlier that are still in it.
// Those are dropped by time (a word whose middle lies before the end of the committed text) and,
// since word times are estimates, by text too: when the head of the new hypothesis repeats the
// last 1-5 committed words, it is cut.
import { normalizeArabic } from '../../../shared/text/arabic-normalize.ts';

/** A word with its estimated time in the recording, in seconds. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

export interface AgreementState {
  /** What the previous decode said after the committed text: the words waiting for a second vote. */
  previous: TimedWord[];
  /** The last committed words (at most TAIL_WORDS), to recognise them when decoded again. */
  tail: TimedWord[];
  /** End of the last committed word (seconds); decoded words before it are already committed. */
  committedEnd: number;
}

export interface AgreementResult {
  state: AgreementState;
  /** Newly committed words, in order. */
  committed: TimedWord[];
  /** The rest of the latest hypothesis: shown, but still subject to change. */
  tentative: TimedWord[];
}

const TAIL_WORDS = 8;
const MAX_OVERLAP = 5;

export function initialAgreement(committedEnd = 0): AgreementState {
  return { previous: [], tail: [], committedEnd };
}

/** The form in which two decodes of a word are compared: normalised, punctuation gone. */
export function wordKey(text: string): string {
  return normalizeArabic(text).replace(/\s+/g, '');
}

const same = (a: TimedWord, b: TimedWord) => wordKey(a.text) === wordKey(b.text);

/**
 * Seconds of slack on the time filter: word times are estimates (a segment's span shared out by
 * length) and move between decodes, so words up to this much before the committed end are kept
 * and recognised by their text instead.
 */
const TIME_SLACK = 1;
/** How far into the kept words the committed tail may be found again. */
const MAX_OFFSET = 3;

/** The words of a hypothesis that are not yet committed (by time, then by repeated text). */
export function uncommittedPart(state: Pick<AgreementState, 'tail' | 'committedEnd'>, hypothesis: readonly TimedWord[]): TimedWord[] {
  const words = hypothesis.filter((w) => wordKey(w.text) !== '' && (w.start + w.end) / 2 > state.committedEnd - TIME_SLACK);
  const max = Math.min(MAX_OVERLAP, state.tail.length, words.length);
  for (let n = max; n >= 1; n--) {
    const tail = state.tail.slice(-n);
    // A single word is recognised only at the very start (a common word would match anywhere).
    const offsets = n >= 2 ? MAX_OFFSET : 0;
    for (let o = 0; o <= offsets && o + n <= words.length; o++) {
      if (tail.every((w, i) => same(w, words[o + i]!))) return words.slice(o + n);
    }
  }
  // Nothing recognised: only what lies after the committed end by time.
  return words.filter((w) => (w.start + w.end) / 2 > state.committedEnd);
}

/** One decode's hypothesis (the whole window, in recording time): what is committed now. */
export function agree(state: AgreementState, hypothesis: readonly TimedWord[]): AgreementResult {
  const fresh = uncommittedPart(state, hypothesis);
  let n = 0;
  while (n < fresh.length && n < state.previous.length && same(fresh[n]!, state.previous[n]!)) n++;
  const committed = fresh.slice(0, n);
  const tentative = fresh.slice(n);
  const next: AgreementState = {
    previous: tentative,
    tail: committed.length ? [...state.tail, ...committed].slice(-TAIL_WORDS) : state.tail,
    committedEnd: committed.length ? Math.max(state.committedEnd, committed[committed.length - 1]!.end) : state.committedEnd,
  };
  return { state: next, committed, tentative };
}

/** At the end: what the last decode said but nobody confirmed is committed as it stands. */
export function finishAgreement(state: AgreementState): AgreementResult {
  const committed = state.previous;
  return {
    state: {
      previous: [],
      tail: [...state.tail, ...committed].slice(-TAIL_WORDS),
      committedEnd: committed.length ? Math.max(state.committedEnd, committed[committed.length - 1]!.end) : state.committedEnd,
    },
    committed,
    tentative: [],
  };
}

/**
 * Before the oldest audio is dropped (the decoder fell behind): the waiting words that lie in it,
 * heard by one decode and shown as tentative, are committed as they stand (as at the end) rather
 * than lost. Words that reach past `sec` keep waiting for a second vote.
 */
export function commitBefore(state: AgreementState, sec: number): AgreementResult {
  let n = 0;
  while (n < state.previous.length && state.previous[n]!.end <= sec) n++;
  const committed = state.previous.slice(0, n);
  return {
    state: {
      previous: state.previous.slice(n),
      tail: committed.length ? [...state.tail, ...committed].slice(-TAIL_WORDS) : state.tail,
      committedEnd: committed.length ? Math.max(state.committedEnd, committed[n - 1]!.end) : state.committedEnd,
    },
    committed,
    tentative: state.previous.slice(n),
  };
}

/**
 * After a skip (the decoder fell behind and the oldest audio was dropped): waiting words of audio
 * that is gone are forgotten; committed words before `sec` stay committed.
 */
export function skipTo(state: AgreementState, sec: number): AgreementState {
  // Waiting words still inside the kept audio keep their vote: an engine that is always behind
  // still gets two decodes of the same words.
  return { previous: state.previous.filter((w) => w.start >= sec), tail: state.tail, committedEnd: Math.max(state.committedEnd, sec) };
}

/**
 * Words of a decoded segment with estimated times: the segment's span shared out in proportion
 * to each word's length (plus one for the space). Whisper gives segment times; word times would
 * need token timestamps, which voice detection leaves on the speech-only timeline.
 */
export function wordsOfSegment(text: string, start: number, end: number): TimedWord[] {
  const parts = text.split(/\s+/).filter(Boolean);
  if (!parts.length) return [];
  const weights = parts.map((p) => [...p].length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, end - start);
  const out: TimedWord[] = [];
  let t = start;
  parts.forEach((p, i) => {
    const d = (span * weights[i]!) / total;
    out.push({ text: p, start: t, end: t + d });
    t += d;
  });
  return out;
}

/**
 * The words of a window's segments in order. Whisper may split a segment inside a word (an
 * Arabic letter's bytes, a suffix): a segment whose text does not start with a space continues
 * the previous segment's last word.
 */
export function wordsOfSegments(segments: readonly { start: number; end: number; text: string }[]): TimedWord[] {
  const out: TimedWord[] = [];
  for (const s of segments) {
    const words = wordsOfSegment(s.text, s.start, s.end);
    if (words.length && out.length && !/^\s/.test(s.text)) {
      const first = words.shift()!;
      const last = out[out.length - 1]!;
      out[out.length - 1] = { text: last.text + first.text, start: last.start, end: first.end };
    }
    out.push(...words);
  }
  return out;
}
