import { describe, expect, it } from 'vitest';
import type { Segment } from '../../shared/domain.ts';
import { parseTime, rowAt } from '../../renderer/features/editor/goToTime.ts';
import { turnFrom, turnStarts } from '../../renderer/features/editor/useTurns.ts';
import { decisionFrom, decisionStops } from '../../renderer/features/editor/useDecisionWalk.ts';
import type { Decision } from '../../shared/domain.ts';

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

describe('walking the decisions', () => {
  const rows = new Map(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, i]));
  const decision = (id: string, segmentIds: string[]) => ({ id, kind: 'decision', text: id, segmentIds, owner: '', deadline: '' }) as Decision;
  // Numbered as the panel lists them; x cites nothing shown (a speaker filter hides it), y and w share their first passage.
  const decisions = [decision('z', ['e', 'c']), decision('y', ['b']), decision('x', ['hidden']), decision('w', ['d', 'b'])];

  it('orders the decisions by their first passage shown, then by number, and leaves out those with none shown', () => {
    expect(decisionStops(decisions, rows)).toEqual([
      { decisionId: 'y', number: 2, row: 1 },
      { decisionId: 'w', number: 4, row: 1 },
      { decisionId: 'z', number: 1, row: 2 },
    ]);
  });

  it('reaches each decision in turn, those sharing a passage too, and stops at the ends', () => {
    const stops = decisionStops(decisions, rows);
    expect(decisionFrom(stops, -1, null, 1)).toBe(0);
    expect(decisionFrom(stops, 1, 'y', 1)).toBe(1);
    expect(decisionFrom(stops, 1, 'w', 1)).toBe(2);
    expect(decisionFrom(stops, 2, 'z', 1)).toBeNull();
    expect(decisionFrom(stops, 1, 'w', -1)).toBe(0);
    expect(decisionFrom(stops, 1, 'y', -1)).toBeNull();
  });

  it('starts from the focused row once the secretary has moved away from the decision reached', () => {
    const stops = decisionStops(decisions, rows);
    expect(decisionFrom(stops, 0, 'z', 1)).toBe(0);
    expect(decisionFrom(stops, 4, 'y', -1)).toBe(2);
    expect(decisionFrom(stops, 2, 'y', -1)).toBe(1);
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
