// Which installed model the app recommends on this computer, from the speeds measured on the
// built-in sample: the most accurate one that keeps up with real time. Pure, so that the rule is
// tested on its own (tests/unit/calibration-recommend.test.ts).

/**
 * Highest real-time factor (seconds of computing per second of audio) a recommended model may
 * have: 0.75, not 1. Keeping up exactly (1.0) leaves nothing for what the sample does not show:
 * repeated runs of one file on a quiet machine differed by up to 25% (docs/engine.md: 70.4 to
 * 86.6 s, 87.0 to 98.9 s), and hard passages trigger the temperature fallback, which decodes a
 * window again. 0.75 absorbs that spread. The measure itself counts the sample's encoder windows
 * at a long recording's rate (meeting-windows.ts), so it leans to neither side by the windows the
 * sample happened to take. It does not cover another program taking the cores (2-7x slower,
 * docs/engine.md): measure again on a quiet computer.
 */
export const REALTIME_RTF_LIMIT = 0.75;

export interface SpeedCandidate {
  id: string;
  /** Higher is more accurate (catalogue.ts accuracyRank); null when unknown (imported models). */
  accuracyRank: number | null;
  /** Measured real-time factor on this computer; null when not measured (or measured stale). */
  rtf: number | null;
  /** A catalogue model "for trying the app only" (tiny, base): fast, but too weak for minutes. */
  trial?: boolean;
}

/**
 * The recommended model's id, or null when no measured model keeps up.
 * Models of unknown accuracy (imported files) are never recommended: an imported file may be a
 * fine-tuned Arabic model better than any catalogue one or a quantised tiny, and neither its name
 * nor its size says which (a q5 large is smaller than an f16 medium). Their speed is still shown,
 * and the secretary may choose them. Trial models (tiny, base) are never recommended either:
 * they keep up everywhere, and a recommendation would read as "good enough for the minutes".
 * Ties in accuracy go to the faster model.
 */
export function recommendModel(candidates: readonly SpeedCandidate[], limit = REALTIME_RTF_LIMIT): string | null {
  let best: SpeedCandidate | null = null;
  for (const c of candidates) {
    if (c.trial || c.accuracyRank === null || c.rtf === null || !(c.rtf > 0) || c.rtf > limit) continue;
    if (!best || c.accuracyRank > best.accuracyRank! || (c.accuracyRank === best.accuracyRank && c.rtf < best.rtf!)) best = c;
  }
  return best?.id ?? null;
}

/** Expected seconds to transcribe one hour of audio at this real-time factor. */
export function secondsPerHour(rtf: number): number {
  return Math.round(rtf * 3600);
}
