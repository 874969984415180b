// Live marks (shared/marks.ts, the addMark / removeMark / applyMarks edits): on the consultation
// fixture, floor marks tapped at each turn give every segment its speaker, also when the taps come
// late (they move back to the pause that opens the turn); agenda marks, the opening words under the
// first item, and draft decisions cut to the current turn; and that each of these is an edit with an
// exact inverse, replayed identically from the journal.
import { describe, expect, it } from 'vitest';
import { type Decision, type Meeting } from '../../shared/domain.ts';
import { applyEdit, type EditInput, editSchema } from '../../shared/edits.ts';
import { applyMarks } from '../../shared/marks.ts';
import { MahdarError } from '../../shared/errors.ts';
import { apply, consultation, pid, tapFloor, turns } from './marks-fixture.ts';

function rightSpeakers(m: Meeting): number {
  const right = m.segments.filter((s, i) => s.speakerId === pid(turns[i]!.speaker)).length;
  return right / m.segments.length;
}

describe('floor marks become the segments’ speakers', () => {
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

  it('late taps on short pieces move back to the pause that opens the turn: every piece right', () => {
    // The same speakers, but every turn cut into 1.5 s pieces: a 1 s late tap falls inside the
    // first piece of each new speaker, and moves back to its start (the pause before it).
    const pieces = turns.flatMap((t, i) => {
      const out = [];
      for (let s = t.start, k = 0; s < t.end; s += 1.5, k++) {
        out.push({ id: `s-${i}-${k}`, start: s, end: Math.min(t.end, s + 1.5), text: 'x', speakerId: null, tags: [], edited: false, speaker: t.speaker });
      }
      return out;
    });
    const m = tapFloor(consultation(pieces.map(({ speaker: _s, ...seg }) => seg)), 1, false);
    const out = applyMarks(m);
    const wrong = out.segments.filter((s, i) => s.speakerId !== pid(pieces[i]!.speaker)).length;
    console.log(`marks 1 s late on 1.5 s segments: ${pieces.length - wrong} of ${pieces.length} right`);
    expect(wrong).toBe(0);
  });

  it('a tap in a silence stays where it is; one long after its segment began does not take the segment', () => {
    const m = consultation();
    // In the 1.5 s pause before the regional president (23.93–25.43): the next segment is his.
    const inPause = applyMarks({ ...m, marks: [{ id: 'k-1', kind: 'floor', at: 24.5, participantId: pid('رئيس الجهة') }] });
    expect(inPause.segments.map((s) => s.speakerId).slice(0, 4)).toEqual([null, null, pid('رئيس الجهة'), pid('رئيس الجهة')]);
    // 4 s into the wali's first turn (0–13.06): too far to be a late tap on its start.
    const late = applyMarks({ ...m, marks: [{ id: 'k-1', kind: 'floor', at: 4, participantId: pid('الوالي') }] });
    expect(late.segments[0]!.speakerId).toBe(pid('الوالي'));
    const tooLate = applyMarks({ ...m, marks: [{ id: 'k-1', kind: 'floor', at: 7, participantId: pid('الوالي') }] });
    expect(tooLate.segments[0]!.speakerId).toBe(null);
  });


  it('a wrong key corrected a second later: the correction has the whole turn', () => {
    // The regional president's turn starts at 25.43: the minister's key, then his, both late.
    const marks = [
      { id: 'k-1', kind: 'floor' as const, at: 26.2, participantId: pid('الوزيرة') },
      { id: 'k-2', kind: 'floor' as const, at: 27.1, participantId: pid('رئيس الجهة') },
    ];
    const out = applyMarks({ ...consultation(), marks });
    expect(out.segments[2]!.speakerId).toBe(pid('رئيس الجهة'));
  });
});

describe('agenda and decision marks, and the mark edits', () => {
  it('agenda marks set each segment’s item, the opening words under the first; a decision mark drafts from the current turn, once', () => {
    // Tapped a second late, as the secretary does; no agenda mark before the chair opens.
    let m = tapFloor(consultation(), 1, false);
    m = apply(m, { type: 'addMark', mark: { kind: 'agenda', at: 26.43, agendaItemId: 'a-002' } }).meeting;
    m = apply(m, { type: 'addMark', mark: { kind: 'agenda', at: 90.8, agendaItemId: 'a-003' } }).meeting;
    // Tapped while the wali states each decision (turn 8 starts at 89.80, turn 9 at 99.23).
    m = apply(m, { type: 'addMark', mark: { kind: 'decision', at: 91 } }).meeting;
    m = apply(m, { type: 'addMark', mark: { kind: 'decision', at: 101 } }).meeting;
    const applied = apply(m, { type: 'applyMarks' }).meeting;

    const itemOf = (i: number) => applied.segments[i]!.agendaItemId;
    expect([itemOf(0), itemOf(1), itemOf(2), itemOf(7), itemOf(8), itemOf(10)]).toEqual(['a-001', 'a-001', 'a-002', 'a-002', 'a-003', 'a-003']);

    expect(applied.decisions).toHaveLength(2);
    const [first, second] = applied.decisions as [Decision, Decision];
    expect(first.kind).toBe('decision');
    expect(first.text).toContain('تقرر إحداث لجنة جهوية');
    // The wali's turn up to the next mark: not the minister's remark before it (s-007, within
    // the 10 s before the tap), nor the next decision.
    expect(first.segmentIds).toEqual(['s-008']);
    expect(second.segmentIds).toEqual(['s-009', 's-010']);
    const mark = applied.marks!.find((k) => k.kind === 'decision')!;
    expect(mark.decisionId).toBe(first.id);

    // Applying again changes nothing: the draft is not made twice, even once it is deleted.
    expect(applyEdit(applied, { type: 'applyMarks', overwrite: false }).changed).toBe(false);
    const deleted = apply(applied, { type: 'deleteDecision', decisionId: first.id }).meeting;
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
