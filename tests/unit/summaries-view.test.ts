// The editor's summaries view as rows (renderer/features/editor/summaries/summaryRows.ts): their
// order, which the keys step through and which is "next to review", and the commands the keys
// send, applied to a meeting as the service applies them.
import { describe, expect, it } from 'vitest';
import type { Meeting, Segment } from '../../shared/domain.ts';
import { applyEdit, editSchema, journalEditSchema, type Edit, type EditInput } from '../../shared/edits.ts';
import { summaryView } from '../../shared/summaries/status.ts';
import { acceptEdit, nextToReview, othersEdits, rejectEdit, stepRow, summaryRows, writeEdit } from '../../renderer/features/editor/summaries/summaryRows.ts';
import { passageAt, storedMeeting } from './meeting-fixture.ts';

function meeting(segments: Segment[]): Meeting {
  return storedMeeting({
    participants: [
      { id: 'p-001', name: 'أحمد', gender: 'm', title: 'الرئيس', organisation: '' },
      { id: 'p-002', name: 'فاطمة', gender: 'f', title: 'المقررة', organisation: '' },
    ],
    agenda: [
      { id: 'a-001', title: 'الميزانية' },
      { id: 'a-002', title: 'الطرق' },
    ],
    segments,
  });
}

const byPoint = () =>
  meeting([
    passageAt(0, 'نفتتح الجلسة ونناقش الميزانية', 'p-001', 'a-001'),
    passageAt(1, 'الميزانية ارتفعت بعشرة في المائة', 'p-001', 'a-001'),
    passageAt(2, 'أقترح تأجيل التصويت', 'p-002', 'a-001'),
    passageAt(3, 'الطرق القروية تحتاج إلى صيانة', 'p-002', 'a-002'),
  ]);

const rowsOf = (m: Meeting) => summaryRows(summaryView(m));
const apply = (m: Meeting, input: EditInput | Edit, server = false) => applyEdit(m, server ? journalEditSchema.parse(input) : editSchema.parse(input)).meeting;
const draft = (m: Meeting, segmentIds: string[], text: string) => apply(m, { type: 'draftSummary', kind: 'intervention', segmentIds, text, model: 'tiny.gguf' }, true);

describe('summary rows', () => {
  it('lists the opening, each point with its interventions, then the closing', () => {
    const rows = rowsOf(byPoint());
    expect(rows.map((r) => r.key)).toEqual(['opening', 'point:a-001', 'iv:s-000', 'iv:s-002', 'point:a-002', 'iv:s-003', 'closing']);
    expect(rows[2]!.segments.map((s) => s.id)).toEqual(['s-000', 's-001']);
    expect(rows[1]).toMatchObject({ agendaItemId: 'a-001', interventions: 2 });
    expect(rows[1]!.segments.map((s) => s.id)).toEqual(['s-000', 's-001', 's-002']);
  });

  it('has no point rows when no passage carries a point', () => {
    const m = meeting([passageAt(0, 'أولا', 'p-001'), passageAt(1, 'ثانيا', 'p-002')]);
    expect(rowsOf(m).map((r) => r.key)).toEqual(['opening', 'iv:s-000', 'iv:s-001', 'closing']);
  });

  it('goes to the next intervention still to review, round the end, skipping checked ones and empty optional rows', () => {
    let m = byPoint();
    m = draft(m, ['s-000', 's-001'], 'أكد السيد الرئيس ارتفاع الميزانية.');
    m = apply(m, writeEdit(rowsOf(m)[3]!, 'اقترحت السيدة المقررة تأجيل التصويت.', 'm-new-one'));
    const rows = rowsOf(m);
    expect(rows.map((r) => r.status)).toEqual(['missing', 'missing', 'draft', 'checked', 'missing', 'missing', 'missing']);
    // From the opening: the draft; from the draft: past the checked one and the empty point to the last intervention.
    expect(nextToReview(rows, 0, 1)).toBe(2);
    expect(nextToReview(rows, 2, 1)).toBe(5);
    expect(nextToReview(rows, 5, 1)).toBe(2);
    expect(nextToReview(rows, 5, -1)).toBe(2);
    expect(stepRow(rows, 6, 1)).toBe(6);
    expect(stepRow(rows, 0, -1)).toBe(0);
  });

  it('says nothing is left to review once every intervention is checked', () => {
    let m = meeting([passageAt(0, 'أولا', 'p-001')]);
    m = apply(m, writeEdit(rowsOf(m)[1]!, 'قال السيد الرئيس أولا.', 'm-only-one'));
    expect(nextToReview(rowsOf(m), 1, 1)).toBeNull();
  });

  it('accepts a draft against its passages now, writes a new summary under the id given, and rejects one', () => {
    let m = draft(byPoint(), ['s-000', 's-001'], 'أكد السيد الرئيس ارتفاع الميزانية.');
    // The passages changed after the draft: to check; accepting takes them as they are now.
    m = apply(m, { type: 'setText', segmentId: 's-001', text: 'الميزانية ارتفعت بخمسة في المائة' });
    expect(rowsOf(m)[2]!.status).toBe('toCheck');
    m = apply(m, acceptEdit(rowsOf(m)[2]!)!);
    expect(rowsOf(m)[2]!.status).toBe('checked');
    expect(acceptEdit(rowsOf(m)[2]!)).toBeNull();

    // The point's discussion and the closing paragraph, written by the secretary.
    m = apply(m, writeEdit(rowsOf(m)[1]!, 'ناقش المجلس الميزانية.', 'm-point-one'));
    m = apply(m, writeEdit(rowsOf(m)[6]!, 'رفعت الجلسة.', 'm-closing'));
    const rows = rowsOf(m);
    expect(rows[1]).toMatchObject({ status: 'checked', summary: { id: 'm-point-one', kind: 'point', agendaItemId: 'a-001', source: 'secretary' } });
    expect(rows[6]).toMatchObject({ status: 'checked', summary: { id: 'm-closing', kind: 'closing', segmentIds: [] } });

    // Changing a written one keeps its id, whatever id is offered for a new one.
    m = apply(m, writeEdit(rows[6]!, 'رفعت الجلسة في الساعة الثانية عشرة.', 'm-unused'));
    expect(rowsOf(m)[6]!.summary).toMatchObject({ id: 'm-closing', text: 'رفعت الجلسة في الساعة الثانية عشرة.' });

    m = apply(m, rejectEdit(rowsOf(m)[2]!)!);
    expect(rowsOf(m)[2]!.status).toBe('missing');
    expect(rejectEdit(rowsOf(m)[2]!)).toBeNull();
  });

  it('shows a second summary that now falls on an intervention (two runs became one), and removes it when the row is settled', () => {
    let m = draft(byPoint(), ['s-000', 's-001'], 'أكد السيد الرئيس ارتفاع الميزانية.');
    m = draft(m, ['s-002'], 'اقترحت السيدة المقررة تأجيل التصويت.');
    m = apply(m, { type: 'assignSpeaker', range: { fromId: 's-002', toId: 's-002' }, speakerId: 'p-001' });
    const row = rowsOf(m)[2]!;
    expect(row).toMatchObject({ key: 'iv:s-000', status: 'toCheck' });
    expect(row.others.map((s) => s.text)).toEqual(['اقترحت السيدة المقررة تأجيل التصويت.']);
    for (const edit of [...othersEdits(row), acceptEdit(row)!]) m = apply(m, edit);
    expect(rowsOf(m)[2]).toMatchObject({ status: 'checked', others: [] });
    expect(m.summaries).toHaveLength(1);
  });
});
