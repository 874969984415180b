// The live text of the recording, built from main's liveText and liveStatus events (never saved:
// the full-quality pass after stop replaces it).
import type { LiveStatusEvent, LiveTextEvent } from '../../../shared/recording.ts';
import type { ErrorPayload } from '../../../shared/errors.ts';

export interface LiveText {
  /** Committed words, in order; ' … ' where the engine skipped audio to keep up. */
  committed: string;
  /** The uncommitted rest of the latest decode (replaced on each event). */
  tentative: string;
  /** The live engine's state; null before main said anything. */
  state: LiveStatusEvent['state'] | null;
  error: ErrorPayload | null;
  /** Seconds of audio the live text skipped, in all. */
  skippedSec: number;
}

export const noLive: LiveText = { committed: '', tentative: '', state: null, error: null, skippedSec: 0 };

/** The live text after one of main's events. */
export function nextLiveText(live: LiveText, e: LiveTextEvent | LiveStatusEvent): LiveText {
  if (e.type === 'liveStatus') {
    return { ...live, state: e.state, error: e.error ?? (e.state === 'failed' || e.state === 'unavailable' ? live.error : null) };
  }
  let committed = live.committed;
  // Where audio was skipped, a mark in the text (once, and only between words).
  if (e.skippedSec && committed && !committed.endsWith('…')) committed = `${committed} …`;
  if (e.committed) committed = committed ? `${committed} ${e.committed}` : e.committed;
  return {
    ...live,
    committed,
    // A final update that committed nothing (its decode was abandoned at stop) leaves the last
    // tentative words greyed, until the full pass replaces them.
    tentative: e.final && !e.committed && !e.tentative ? live.tentative : e.tentative,
    skippedSec: live.skippedSec + (e.skippedSec ?? 0),
    state: live.state === 'starting' || live.state === null ? 'running' : live.state,
  };
}
