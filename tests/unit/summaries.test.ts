// Summaries of the minutes (shared/edits/summaries.ts, shared/summaries/): each intervention with
// its summary and where it stands, what the secretary's commands and a model's drafts do, and
// what happens to a summary when its passages are edited, retagged, split, merged or transcribed
// again.
import { describe, expect, it } from 'vitest';
import { meetingSchema, type Meeting } from '../../shared/domain.ts';
import { applyEdit, editSchema, journalEditSchema, type Edit, type EditInput } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import { summaryView } from '../../shared/summaries/status.ts';
import { minutesStyleOf } from '../../shared/summaries/style.ts';
import { passageAt, storedMeeting } from './meeting-fixture.ts';

function meeting(): Meeting {
  return storedMeeting({
    participants: [
      { id: 'p-001', name: 'أحمد', gender: 'm', title: 'الرئيس', organisation: '' },
      { id: 'p-002', name: 'فاطمة', gender: 'f', title: 'المقررة', organisation: '' },
    ],
    agenda: [
      { id: 'a-001', title: 'الميزانية' },
      { id: 'a-002', title: 'الطرق' },
    ],
    segments: [
      passageAt(0, 'نفتتح الجلسة ونناقش الميزانية', 'p-001', 'a-001'),
      passageAt(1, 'الميزانية ارتفعت بعشرة في المائة', 'p-001', 'a-001'),
      passageAt(2, 'أقترح تأجيل التصويت', 'p-002', 'a-001'),
      passageAt(3, 'الطرق القروية تحتاج إلى صيانة', 'p-002', 'a-002'),
    ],
  });
}

/** Applies a user command as the API would receive it, checking that undo gives back the meeting exactly. */
function apply(m: Meeting, input: EditInput | Edit, server = false): Meeting {
  const edit = server ? journalEditSchema.parse(input) : editSchema.parse(input);
  const out = applyEdit(m, edit);
  expect(out.changed).toBe(true);
  expect(applyEdit(out.meeting, out.inverse).meeting).toEqual(m);
  expect(applyEdit(m, out.forward).meeting).toEqual(out.meeting);
  // The command as journaled (generated ids filled in) replays to the same meeting.
  expect(applyEdit(m, journalEditSchema.parse(JSON.parse(JSON.stringify(out.edit)))).meeting).toStrictEqual(out.meeting);
  return out.meeting;
}

const first = (m: Meeting) => summaryView(m).points[0]!.interventions[0]!;
const write = (m: Meeting, text = 'أكد السيد الرئيس ارتفاع الميزانية.') =>
  apply(m, { type: 'writeSummary', kind: 'intervention', segmentIds: first(m).intervention.segments.map((s) => s.id), text });

describe('interventions and their summaries', () => {
  it('groups runs of one speaker under each point and counts those without a checked summary', () => {
    const v = summaryView(meeting());
    expect(v.byPoint).toBe(true);
    expect(v.points.map((p) => [p.agendaItemId, p.interventions.map((e) => e.intervention.segments.map((s) => s.id))])).toEqual([
      ['a-001', [['s-000', 's-001'], ['s-002']]],
      ['a-002', [['s-003']]],
    ]);
    expect([v.total, v.unchecked]).toEqual([3, 3]);
    expect(first(meeting()).status).toBe('missing');
  });

  it('a summary the secretary writes is checked, undoable, and counted', () => {
    const m = write(meeting());
    expect(first(m).status).toBe('checked');
    expect(first(m).summary!.source).toBe('secretary');
    expect(summaryView(m).unchecked).toBe(2);
  });

  it('a changed word, speaker or point makes it "to check"; accepting checks it again', () => {
    const m = write(meeting());
    const edited = apply(m, { type: 'setText', segmentId: 's-001', text: 'الميزانية ارتفعت بعشرين في المائة' });
    expect(first(edited).status).toBe('toCheck');
    const retagged = apply(m, { type: 'assignSpeaker', range: { ids: ['s-001'] }, speakerId: 'p-002' });
    // The run is now s-000 alone: the summary still sits on it, and is to check.
    expect(first(retagged).intervention.segments.map((s) => s.id)).toEqual(['s-000']);
    expect(first(retagged).status).toBe('toCheck');
    const moved = apply(m, { type: 'setAgendaItem', range: { ids: ['s-000', 's-001'] }, agendaItemId: 'a-002' });
    expect(summaryView(moved).points[1]!.interventions[0]!.status).toBe('toCheck');
    const accepted = apply(retagged, { type: 'acceptSummary', summaryId: first(retagged).summary!.id, segmentIds: ['s-000'] });
    expect(first(accepted).status).toBe('checked');
    expect(first(accepted).summary!.segmentIds).toEqual(['s-000']);
  });

  it('splitting or merging passages moves no word: the summary stays checked', () => {
    const m = write(meeting());
    const split = apply(m, { type: 'splitSegment', segmentId: 's-001', at: 10, newSegmentId: 's-009' });
    expect(first(split).summary!.segmentIds).toEqual(['s-000', 's-001', 's-009']);
    expect(first(split).status).toBe('checked');
    const merged = apply(m, { type: 'mergeSegments', segmentId: 's-000' });
    expect(first(merged).summary!.segmentIds).toEqual(['s-000']);
    expect(first(merged).status).toBe('checked');
  });

  it('a passage transcribed again carries the summary to its new segments, to check', () => {
    const m = write(meeting());
    const redone = apply(
      m,
      { type: 'replacePassage', removeIds: ['s-001'], segments: [{ id: 's-101', start: 10, end: 18, text: 'الميزانية ارتفعت بعشرة بالمائة' }] },
      true,
    );
    expect(first(redone).summary!.segmentIds).toEqual(['s-000', 's-101']);
    expect(first(redone).status).toBe('toCheck');
  });

  it('a model draft is a draft until accepted, replaces an earlier draft, and never a checked summary', () => {
    const ids = ['s-000', 's-001'];
    const draft = (text: string) => ({ type: 'draftSummary' as const, kind: 'intervention' as const, segmentIds: ids, text, model: 'tiny.gguf' });
    const m = apply(meeting(), draft('مسودة أولى'), true);
    expect(first(m).status).toBe('draft');
    expect(first(m).summary).toMatchObject({ source: 'model', model: 'tiny.gguf', text: 'مسودة أولى' });
    const again = apply(m, draft('مسودة ثانية'), true);
    expect(again.summaries).toHaveLength(1);
    expect(first(again).summary!.text).toBe('مسودة ثانية');
    const accepted = apply(again, { type: 'acceptSummary', summaryId: first(again).summary!.id });
    expect(first(accepted).status).toBe('checked');
    expect(() => applyEdit(accepted, journalEditSchema.parse(draft('مسودة ثالثة')))).toThrow(MahdarError);
    // Rejected: the intervention has no summary again.
    const rejected = apply(again, { type: 'deleteSummary', summaryId: first(again).summary!.id });
    expect(first(rejected).status).toBe('missing');
    expect(rejected.summaries).toBeUndefined();
  });

  it('a client cannot send a draft, an empty summary, or a second opening', () => {
    expect(editSchema.safeParse({ type: 'draftSummary', kind: 'opening', segmentIds: [], text: 'x', model: 'm' }).success).toBe(false);
    expect(editSchema.safeParse({ type: 'writeSummary', kind: 'opening', segmentIds: [], text: '  \n ' }).success).toBe(false);
    const m = apply(meeting(), { type: 'writeSummary', kind: 'opening', segmentIds: [], text: 'افتتح السيد الرئيس الجلسة.' });
    expect(summaryView(m).opening!.text).toBe('افتتح السيد الرئيس الجلسة.');
    expect(() => applyEdit(m, editSchema.parse({ type: 'writeSummary', kind: 'opening', segmentIds: [], text: 'ثانية' }))).toThrow(MahdarError);
    expect(() => applyEdit(m, editSchema.parse({ type: 'acceptSummary', summaryId: 'm-missing' }))).toThrow(MahdarError);
  });

  it('a point summary is tied to its point; a summary whose passages are all gone is listed apart', () => {
    const m = apply(meeting(), { type: 'writeSummary', kind: 'point', agendaItemId: 'a-002', segmentIds: ['s-003'], text: 'ناقش المجلس صيانة الطرق.' });
    expect(summaryView(m).points[1]!.status).toBe('checked');
    const orphan = meetingSchema.parse({
      ...m,
      summaries: [{ id: 'm-old', kind: 'intervention', segmentIds: ['s-404'], text: 'قديم', state: 'checked', source: 'secretary', basis: '' }],
    });
    expect(summaryView(orphan).orphans.map((s) => s.id)).toEqual(['m-old']);
  });

  it('consultations and council sessions default to summary minutes, other meetings to verbatim', () => {
    expect(minutesStyleOf({ type: 'council' })).toBe('summary');
    expect(minutesStyleOf({ type: 'consultation' })).toBe('summary');
    expect(minutesStyleOf({ type: 'committee' })).toBe('verbatim');
    expect(minutesStyleOf({ type: 'council', minutesStyle: 'verbatim' })).toBe('verbatim');
  });
});
