// The consultation fixture as the marks tests use it: its turns (../shared/fixtures/consultation/
// turns.tsv), a meeting holding them as segments, edits applied as the journal does, and floor
// marks tapped at the turns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { meetingSchema, type Meeting, type Segment, emptyMeetingFields } from '../../shared/domain.ts';
import { applyEdit, type EditInput, editSchema, type Edit } from '../../shared/edits.ts';
import { SHARED } from './asr-fixtures.ts';

export interface Turn {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

export const turns: Turn[] = readFileSync(join(SHARED, 'fixtures', 'consultation', 'turns.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [start, end, speaker, text] = line.split('\t') as [string, string, string, string];
    return { start: Number(start), end: Number(end), speaker, text };
  });
const speakers = [...new Set(turns.map((t) => t.speaker))];
export const pid = (name: string) => `p-${String(speakers.indexOf(name) + 1).padStart(3, '0')}`;

/** The consultation as the engine would give it: one segment per turn (unless given), no speakers yet. */
export function consultation(segments?: Segment[]): Meeting {
  return meetingSchema.parse({
    schemaVersion: 1,
    id: 'm-consultation',
    status: 'draft',
    revision: 1,
    version: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    audio: null,
    ...emptyMeetingFields(),
    title: 'لقاء تشاوري',
    type: 'consultation',
    participants: speakers.map((name) => ({ id: pid(name), name })),
    agenda: [
      { id: 'a-001', title: 'الافتتاح' },
      { id: 'a-002', title: 'المداخلات' },
      { id: 'a-003', title: 'القرارات' },
    ],
    segments: segments ?? turns.map((t, i) => ({ id: `s-${String(i).padStart(3, '0')}`, start: t.start, end: t.end, text: t.text })),
    decisions: [],
  });
}

/** Applies a command as the journal does, checking that its inverse gives the meeting back. */
export function apply(m: Meeting, input: EditInput): { meeting: Meeting; edit: Edit } {
  const out = applyEdit(m, editSchema.parse(input));
  expect(applyEdit(out.meeting, out.inverse).meeting).toEqual(m);
  expect(applyEdit(m, out.forward).meeting).toEqual(out.meeting);
  return { meeting: out.meeting, edit: out.edit };
}

/** The turns where the secretary taps a floor mark: every one, or only where the floor changes hands. */
export const tappedTurns = (everyTurn: boolean): Turn[] =>
  turns.filter((t, i) => everyTurn || i === 0 || t.speaker !== turns[i - 1]!.speaker);

/** Floor marks as the secretary taps them: at each tapped turn's start plus a delay. */
export function tapFloor(m: Meeting, delaySec: number, everyTurn: boolean): Meeting {
  for (const t of tappedTurns(everyTurn)) {
    m = apply(m, { type: 'addMark', mark: { kind: 'floor', at: t.start + delaySec, participantId: pid(t.speaker) } }).meeting;
  }
  return m;
}
