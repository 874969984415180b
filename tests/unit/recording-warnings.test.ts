// The recording tab's warnings (renderer/features/recording/warnings.ts), fed level reports as the
// worklet sends them ten times a second: silence after 5 s, clipping after 2 s of it (and not for
// the peaks of loud speech), nothing while paused, and the disk's minutes left under 30.
import { describe, expect, it } from 'vitest';
import { LOW_DISK_MINUTES } from '../../shared/recording.ts';
import {
  CLIPPING_AFTER_SEC,
  LEVEL_INTERVAL_SEC,
  lowDiskMinutes,
  quietWatch,
  SILENT_AFTER_SEC,
  watchLevel,
  type LevelWatch,
} from '../../renderer/features/recording/warnings.ts';

const speech = { peak: 0.3, clipped: 0 };
const silence = { peak: 0, clipped: 0 };
/** A quiet room through a working microphone: its noise floor, about -55 dBFS. */
const quietRoom = { peak: 0.0018, clipped: 0 };
const clipped = { peak: 1, clipped: 40 };

/** Feeds `reports` one after another; returns every state, in order. */
function feed(reports: { peak: number; clipped: number }[], active = true, from: LevelWatch = quietWatch): LevelWatch[] {
  const out: LevelWatch[] = [];
  let w = from;
  for (const r of reports) out.push((w = watchLevel(w, r, active)));
  return out;
}
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const reportsIn = (sec: number) => Math.round(sec / LEVEL_INTERVAL_SEC);
/** Index of the first report after which the flag was set; -1 if never. */
const firstOn = (states: LevelWatch[], flag: 'silent' | 'clipping') => states.findIndex((s) => s[flag]);

describe('recording warnings', () => {
  it('warns of silence after 5 s of it, not before, and stops at once when sound comes back', () => {
    const states = feed([...times(20, speech), ...times(reportsIn(SILENT_AFTER_SEC) + 10, silence), speech]);
    expect(firstOn(states, 'silent')).toBe(20 + reportsIn(SILENT_AFTER_SEC) - 1);
    expect(states.at(-2)!.silent).toBe(true);
    expect(states.at(-1)!.silent).toBe(false);
  });

  it('a quiet room between two speakers is not silence; a pause of under 5 s is not either', () => {
    expect(feed(times(reportsIn(60), quietRoom)).some((s) => s.silent)).toBe(false);
    const pauses = [...times(reportsIn(4.5), silence), speech, ...times(reportsIn(4.5), silence), speech];
    expect(feed(pauses).some((s) => s.silent)).toBe(false);
  });

  it('warns of clipping after 2 s of it, and keeps the warning until 8 s without any', () => {
    const states = feed([...times(10, speech), ...times(reportsIn(CLIPPING_AFTER_SEC) + 5, clipped)]);
    expect(firstOn(states, 'clipping')).toBe(10 + reportsIn(CLIPPING_AFTER_SEC) - 1);
    // Clean input again: the warning stays while the clipping fades (four times slower), then goes.
    const after = feed(times(reportsIn(10), speech), true, states.at(-1)!);
    const off = after.findIndex((s) => !s.clipping);
    expect(off).toBe(reportsIn(4 * CLIPPING_AFTER_SEC) - 1);
  });

  it('loud speech that clips on a few peaks is not warned about; clipping on most words is', () => {
    // One report in ten clips (a plosive now and then): the count fades faster than it builds.
    const rare = Array.from({ length: reportsIn(120) }, (_, i) => (i % 10 === 0 ? clipped : speech));
    expect(feed(rare).some((s) => s.clipping)).toBe(false);
    // Every other report clips: warned within a few seconds, and the warning does not flicker.
    const often = Array.from({ length: reportsIn(60) }, (_, i) => (i % 2 === 0 ? clipped : speech));
    const states = feed(often);
    const on = firstOn(states, 'clipping');
    expect(on).toBeGreaterThan(0);
    expect(on * LEVEL_INTERVAL_SEC).toBeLessThan(6);
    expect(states.slice(on).every((s) => s.clipping)).toBe(true);
  });

  it('counts nothing while paused: the warnings go, and resuming starts the count again', () => {
    const before = feed(times(reportsIn(SILENT_AFTER_SEC) + 1, silence));
    expect(before.at(-1)!.silent).toBe(true);
    const paused = feed(times(50, silence), false, before.at(-1)!);
    expect(paused.every((s) => !s.silent && !s.clipping && s.silentReports === 0)).toBe(true);
    const resumed = feed(times(reportsIn(SILENT_AFTER_SEC) - 1, silence), true, paused.at(-1)!);
    expect(resumed.some((s) => s.silent)).toBe(false);
  });

  it('shows the minutes of disk left only under 30', () => {
    expect(LOW_DISK_MINUTES).toBe(30);
    expect(lowDiskMinutes(1_000_000)).toBeNull();
    expect(lowDiskMinutes(30)).toBeNull();
    expect(lowDiskMinutes(29)).toBe(29);
    expect(lowDiskMinutes(12)).toBe(12);
    expect(lowDiskMinutes(0)).toBe(0);
  });
});
