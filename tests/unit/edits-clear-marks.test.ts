// clearMarks (shared/edits/records.ts): a new recording takes the old one's marks with it, in one
// journaled step that undo gives back exactly.
import { describe, expect, it } from 'vitest';
import { emptyMeetingFields, meetingSchema, type Meeting } from '../../shared/domain.ts';
import { applyEdit, editSchema, journalEditSchema, type EditInput } from '../../shared/edits.ts';

function meeting(marks: Meeting['marks']): Meeting {
  return meetingSchema.parse({
    schemaVersion: 1,
    id: 'm-test',
    status: 'draft',
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    audio: null,
    ...emptyMeetingFields(),
    title: 'دورة',
    type: 'council',
    participants: [{ id: 'p-001', name: 'أحمد', gender: 'm', title: '', organisation: '' }],
    agenda: [{ id: 'a-001', title: 'الميزانية' }],
    ...(marks ? { marks } : {}),
  });
}

const apply = (m: Meeting, input: EditInput) => applyEdit(m, editSchema.parse(input));

describe('clearMarks', () => {
  it('removes every mark, and undo gives them back in their order', () => {
    const before = meeting([
      { id: 'k-1', kind: 'agenda', at: 2, agendaItemId: 'a-001' },
      { id: 'k-2', kind: 'floor', at: 3.5, participantId: 'p-001' },
      { id: 'k-3', kind: 'decision', at: 40 },
    ]);
    const out = apply(before, { type: 'clearMarks' });
    expect(out.changed).toBe(true);
    expect(out.meeting.marks).toBeUndefined();
    // Through JSON, as the journal keeps them.
    const inverse = journalEditSchema.parse(JSON.parse(JSON.stringify(out.inverse)));
    expect(applyEdit(out.meeting, inverse).meeting).toStrictEqual(before);
    const forward = journalEditSchema.parse(JSON.parse(JSON.stringify(out.forward)));
    expect(applyEdit(before, forward).meeting).toStrictEqual(out.meeting);
  });

  it('changes nothing on a meeting without marks (nothing journaled)', () => {
    const out = apply(meeting(undefined), { type: 'clearMarks' });
    expect(out.changed).toBe(false);
  });
});
