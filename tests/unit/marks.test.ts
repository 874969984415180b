// Live marks (shared/marks.ts, the addMark / removeMark / applyMarks edits): on the consultation
// fixture, floor marks tapped at each turn give every segment its speaker; the share that stays
// right when the taps come a second late; agenda marks and draft decisions; and that each of
// these is an edit with an exact inverse, replayed identically from the journal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting, emptyMeetingFields } from '../../shared/domain.ts';
import { applyEdit, type EditInput, editSchema, type Edit } from '../../shared/edits.ts';
import { applyMarks, DECISION_WINDOW } from '../../shared/marks.ts';
import { SHARED } from './asr-fixtures.ts';
import { MahdarError } from '../../shared/errors.ts';

interface Turn {
  start: number;
  end: number;
  speaker: string;
  text: string;
}

const turns: Turn[] = readFileSync(join(SHARED, 'fixtures', 'consultation', 'turns.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [start, end, speaker, text] = line.split('\t') as [string, string, string, string];
    return { start: Number(start), end: Number(end), speaker, text };
  });
const speakers = [...new Set(turns.map((t) => t.speaker))];
const pid = (name: string) => `p-${String(speakers.indexOf(name) + 1).padStart(3, '0')}`;

/** The consultation as the engine would give it: one segment per turn, no speakers yet. */
function consultation(): Meeting {
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
    segments: turns.map((t, i) => ({ id: `s-${String(i).padStart(3, '0')}`, start: t.start, end: t.end, text: t.text })),
    decisions: [],
  });
}

/** Applies a command as the journal does, checking that its inverse gives the meeting back. */
function apply(m: Meeting, input: EditInput): { meeting: Meeting; edit: Edit } {
  const out = applyEdit(m, editSchema.parse(input));
  expect(applyEdit(out.meeting, out.inverse).meeting).toEqual(m);
  expect(applyEdit(m, out.forward).meeting).toEqual(out.meeting);
  return { meeting: out.meeting, edit: out.edit };
}

/** Floor marks as the secretary taps them: at each turn start (plus a delay), one per change of speaker. */
function tapFloor(m: Meeting, delaySec: number, everyTurn: boolean): Meeting {
  let prev = '';
  for (const t of turns) {
    if (!everyTurn && t.speaker === prev) continue;
    prev = t.speaker;
    m = apply(m, { type: 'addMark', mark: { kind: 'floor', at: t.start + delaySec, participantId: pid(t.speaker) } }).meeting;
  }
  return m;
}

function rightSpeakers(m: Meeting): number {
  const right = m.segments.filter((s, i) => s.speakerId === pid(turns[i]!.speaker)).length;
  return right / m.segments.length;
}

describe('live marks become the transcript structure', () => {
  it('floor marks at each turn give every segment its speaker; a second late keeps the share reported', () => {
    const onTime = apply(tapFloor(consultation(), 0, true), { type: 'applyMarks' }).meeting;
    expect(rightSpeakers(onTime)).toBe(1);

    const late = apply(tapFloor(consultation(), 1, true), { type: 'applyMarks' }).meeting;
    const share = rightSpeakers(late);
    console.log(`marks 1 s late: ${(share * 100).toFixed(1)}% of ${late.segments.length} segments get the right speaker`);
    // A segment takes the speaker at its midpoint; every turn here lasts more than 2 s.
    expect(share).toBe(1);

    // Tapped only when the floor changes hands, which is what the secretary does.
    const changes = apply(tapFloor(consultation(), 1, false), { type: 'applyMarks' }).meeting;
    expect(rightSpeakers(changes)).toBe(1);
  });

  it('late taps on short turns: the share falls only for turns shorter than twice the delay', () => {
    // The same speakers, but every turn cut into 1.5 s pieces: a 1 s late tap then misses the
    // midpoint of the first piece of each new speaker.
    let m = consultation();
    const pieces = turns.flatMap((t, i) => {
      const out = [];
      for (let s = t.start, k = 0; s < t.end; s += 1.5, k++) {
        out.push({ id: `s-${i}-${k}`, start: s, end: Math.min(t.end, s + 1.5), text: 'x', speakerId: null, tags: [], edited: false, speaker: t.speaker });
      }
      return out;
    });
    m = { ...m, segments: pieces.map(({ speaker: _s, ...seg }) => seg) };
    m = tapFloor(m, 1, false);
    const out = applyMarks(m);
    const right = out.segments.filter((s, i) => s.speakerId === pid(pieces[i]!.speaker)).length;
    const share = right / pieces.length;
    console.log(`marks 1 s late on 1.5 s segments: ${(share * 100).toFixed(1)}% right`);
    // Wrong only on the first piece after each change of speaker, and on the meeting's first piece
    // (no mark yet at its midpoint).
    const changesOfSpeaker = turns.filter((t, i) => i > 0 && t.speaker !== turns[i - 1]!.speaker).length;
    expect(pieces.length - right).toBe(changesOfSpeaker + 1);
    expect(share).toBeGreaterThan(0.9);
  });

  it('agenda marks set each segment’s item; a decision mark drafts one decision from the passage around it, once', () => {
    let m = consultation();
    m = apply(m, { type: 'addMark', mark: { kind: 'agenda', at: 0, agendaItemId: 'a-001' } }).meeting;
    m = apply(m, { type: 'addMark', mark: { kind: 'agenda', at: 25.43, agendaItemId: 'a-002' } }).meeting;
    m = apply(m, { type: 'addMark', mark: { kind: 'agenda', at: 89.8, agendaItemId: 'a-003' } }).meeting;
    // Tapped while the wali states the decision (turn 8 starts at 89.80).
    m = apply(m, { type: 'addMark', mark: { kind: 'decision', at: 91 } }).meeting;
    const applied = apply(m, { type: 'applyMarks' }).meeting;

    const itemOf = (i: number) => applied.segments[i]!.agendaItemId;
    expect([itemOf(0), itemOf(1), itemOf(2), itemOf(7), itemOf(8), itemOf(10)]).toEqual(['a-001', 'a-001', 'a-002', 'a-002', 'a-003', 'a-003']);

    expect(applied.decisions).toHaveLength(1);
    const d = applied.decisions[0]!;
    expect(d.kind).toBe('decision');
    expect(d.text).toContain('تقرر إحداث لجنة جهوية');
    // Linked to the segments overlapping [91 - 10, 91 + 30]: turns 7 (80.00–88.30) to 10.
    expect(d.segmentIds).toEqual(['s-007', 's-008', 's-009', 's-010']);
    expect(91 - DECISION_WINDOW.before).toBeLessThan(88.3);
    const mark = applied.marks!.find((k) => k.kind === 'decision')!;
    expect(mark.decisionId).toBe(d.id);

    // Applying again changes nothing: the draft is not made twice, even once it is deleted.
    expect(applyEdit(applied, { type: 'applyMarks', overwrite: false }).changed).toBe(false);
    const deleted = apply(applied, { type: 'deleteDecision', decisionId: d.id }).meeting;
    expect(applyEdit(deleted, { type: 'applyMarks', overwrite: false }).changed).toBe(false);
  });

  it('keeps a speaker the secretary set unless asked to overwrite', () => {
    let m = tapFloor(consultation(), 0, true);
    m = apply(m, { type: 'assignSpeaker', range: { ids: ['s-000'] }, speakerId: pid('الوزيرة') }).meeting;
    expect(applyMarks(m).segments[0]!.speakerId).toBe(pid('الوزيرة'));
    expect(applyMarks(m, { overwrite: true }).segments[0]!.speakerId).toBe(pid('الوالي'));
  });

  it('is deterministic, so the journal replays it to the same meeting (same draft ids)', () => {
    const m = apply(consultation(), { type: 'addMark', mark: { id: 'k-0001', kind: 'decision', at: 100 } }).meeting;
    const a = applyEdit(m, { type: 'applyMarks', overwrite: false });
    const b = applyEdit(m, a.edit);
    expect(b.meeting).toEqual(a.meeting);
    expect(a.meeting.decisions[0]!.id).toBe('d-k-0001');
  });

  it('addMark keeps marks in time order, fills in the id, and refuses a mark naming nobody', () => {
    let m = consultation();
    const first = apply(m, { type: 'addMark', mark: { kind: 'floor', at: 50, participantId: 'p-001' } });
    expect(first.edit).toMatchObject({ type: 'addMark', mark: { id: expect.stringMatching(/^k-/) } });
    m = apply(first.meeting, { type: 'addMark', mark: { kind: 'decision', at: 10 } }).meeting;
    expect(m.marks!.map((k) => k.at)).toEqual([10, 50]);
    m = apply(m, { type: 'removeMark', markId: m.marks![0]!.id }).meeting;
    expect(m.marks!.map((k) => k.at)).toEqual([50]);

    const code = (input: EditInput) => {
      try {
        applyEdit(m, editSchema.parse(input));
        return 'applied';
      } catch (err) {
        return err instanceof MahdarError ? err.code : String(err);
      }
    };
    expect(code({ type: 'addMark', mark: { kind: 'floor', at: 1, participantId: 'p-999' } })).toBe('edit.unknownSpeaker');
    expect(code({ type: 'addMark', mark: { kind: 'agenda', at: 1, agendaItemId: 'a-999' } })).toBe('edit.unknownAgendaItem');
    expect(code({ type: 'addMark', mark: { kind: 'floor', at: 1 } })).toBe('validation');
    expect(code({ type: 'removeMark', markId: 'k-missing' })).toBe('edit.markNotFound');
    // The draft's link is set by applyMarks only, never by a client.
    expect(editSchema.safeParse({ type: 'addMark', mark: { kind: 'decision', at: 1, decisionId: 'd-001' } }).success).toBe(false);
  });
});
