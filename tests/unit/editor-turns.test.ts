import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/domain.ts';
import { parseTime, rowAt } from '../../renderer/features/editor/goToTime.ts';
import { turnFrom, turnStarts } from '../../renderer/features/editor/useTurns.ts';

const seg = (id: string, start: number, speakerId?: string, agendaItemId?: string): Segment => ({ id, start, end: start + 5, text: id, ...(speakerId ? { speakerId } : {}), ...(agendaItemId ? { agendaItemId } : {}) }) as Segment;

describe('walking the turns', () => {
  const segs = [seg('a', 0, 'p1', 'i1'), seg('b', 5, 'p1', 'i1'), seg('c', 10, 'p2', 'i1'), seg('d', 15, 'p2', 'i2'), seg('e', 20), seg('f', 25)];

  it('starts a turn where the speaker or the agenda point changes', () => {
    expect(turnStarts(segs)).toEqual([0, 2, 3, 4]);
  });

  it('goes to the next and previous turn from the focused row, and stops at the ends', () => {
    const starts = turnStarts(segs);
    expect(turnFrom(starts, -1, 1)).toBe(0);
    expect(turnFrom(starts, 1, 1)).toBe(2);
    expect(turnFrom(starts, 4, 1)).toBeNull();
    expect(turnFrom(starts, 3, -1)).toBe(2);
    expect(turnFrom(starts, 1, -1)).toBe(0);
    expect(turnFrom(starts, 0, -1)).toBeNull();
  });
});

describe('go to a time', () => {
  it('reads seconds, minutes:seconds and hours, in Latin or Arabic-Indic digits', () => {
    expect(parseTime('99')).toBe(99);
    expect(parseTime('1:39')).toBe(99);
    expect(parseTime(' 1:02:03 ')).toBe(3723);
    expect(parseTime('١:٣٩')).toBe(99);
    expect(parseTime('۱:۳۹')).toBe(99);
    expect(parseTime('1:39.5')).toBe(99.5);
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', 'abc', '1:75', '1::2', '-3', '1:2:3:4']) expect(parseTime(bad)).toBeNull();
  });

  it('finds the row heard at a time, or the first before the first segment', () => {
    const segs = [seg('a', 2), seg('b', 10), seg('c', 30)];
    expect(rowAt(segs, 12)).toBe(1);
    expect(rowAt(segs, 0)).toBe(0);
    expect(rowAt(segs, 99)).toBe(2);
    expect(rowAt([], 5)).toBe(-1);
  });
});
