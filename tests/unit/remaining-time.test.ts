import { describe, expect, it } from 'vitest';
import { nextRemaining, type Remaining, type RemainingInput } from '../../main/asr/remaining-time.ts';

/**
 * The trial import of issue 25: 3 minutes of audio, progress reported once per 30 s window at
 * 16, 32, 43, 74 and 100 %, the engine taking about 7 minutes in all. The page's figure each second.
 */
function shownEachSecond(secPerHour: number | null, reports: { atSec: number; percent: number }[], untilSec: number): (number | null)[] {
  const totalSec = 180;
  let shown: Remaining | null = null;
  const out: (number | null)[] = [];
  for (let now = 0; now <= untilSec; now++) {
    const last = reports.filter((r) => r.atSec <= now).at(-1) ?? { atSec: 0, percent: 0 };
    const input: RemainingInput = { elapsedSec: last.atSec, doneSec: (last.percent / 100) * totalSec, offsetSec: 0, totalSec, secPerHour };
    shown = nextRemaining(shown, input, now);
    out.push(shown && Math.round(shown.etaSec));
  }
  return out;
}

const trial = [
  { atSec: 90, percent: 16 },
  { atSec: 170, percent: 32 },
  { atSec: 230, percent: 43 },
  { atSec: 330, percent: 74 },
];

describe('the remaining time of a transcription', () => {
  it('with a calibration, is shown from the start and goes down every few seconds, never up', () => {
    const shown = shownEachSecond(8400, trial, 420) as number[];
    expect(shown[0]).toBe(420);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeLessThanOrEqual(shown[i - 1]!);
    // Never frozen: over any 5 seconds the figure moves.
    for (let i = 5; i < shown.length; i++) if (shown[i - 5]! > 0) expect(shown[i]).toBeLessThan(shown[i - 5]!);
  });

  it('without one, waits for the first report, then follows the run’s own speed downward', () => {
    const shown = shownEachSecond(null, trial, 420);
    expect(shown.slice(0, 90).every((s) => s === null)).toBe(true);
    // 16 % in 90 s: 84 % more at that pace is about 472 s.
    expect(shown[90]).toBeGreaterThan(400);
    const known = shown.slice(90) as number[];
    for (let i = 1; i < known.length; i++) expect(known[i]).toBeLessThanOrEqual(known[i - 1]!);
    // Near the end it is close to what is really left (the run ends at 420 s), not a minute off upward.
    expect(shown[400]).toBeLessThan(80);
  });
});
