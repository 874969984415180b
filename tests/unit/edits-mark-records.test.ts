// clearMarks and setMarkText (shared/edits/records.ts): a new recording takes the old one's marks
// with it, in one journaled step that undo gives back exactly; a decision's text typed at D
// becomes the draft decision's text.
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/domain.ts';
import { applyEdit, editSchema, journalEditSchema, type EditInput } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import { storedMeeting } from './meeting-fixture.ts';

function meeting(marks: Meeting['marks']): Meeting {
  return storedMeeting({
    participants: [{ id: 'p-001', name: 'أحمد', gender: 'm', title: '', organisation: '' }],
    segments: [{ id: 's-1', start: 35, end: 45, text: 'نصوت الآن على المشروع', speakerId: null, tags: [], edited: false }],
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

describe('setMarkText', () => {
  const marked = () => meeting([{ id: 'k-1', kind: 'floor', at: 2, participantId: 'p-001' }, { id: 'k-2', kind: 'decision', at: 40 }]);

  it('keeps the text typed at D with the mark, and the draft decision takes it', () => {
    const typed = apply(marked(), { type: 'setMarkText', markId: 'k-2', text: '  المصادقة على الميزانية  ' }).meeting;
    expect(typed.marks?.[1]?.text).toBe('المصادقة على الميزانية');
    const drafted = apply(typed, { type: 'applyMarks' }).meeting;
    expect(drafted.decisions.map((d) => d.text)).toEqual(['المصادقة على الميزانية']);
    // Emptied, the draft takes the passage's words again.
    const emptied = apply(typed, { type: 'setMarkText', markId: 'k-2', text: '' }).meeting;
    expect(emptied.marks?.[1]).toStrictEqual({ id: 'k-2', kind: 'decision', at: 40 });
    expect(apply(emptied, { type: 'applyMarks' }).meeting.decisions.map((d) => d.text)).toEqual(['نصوت الآن على المشروع']);
  });

  it('refuses a mark that is not there or not a decision', () => {
    const code = (input: EditInput) => {
      try {
        apply(marked(), input);
        return 'no error';
      } catch (e) {
        return e instanceof MahdarError ? e.code : String(e);
      }
    };
    expect(code({ type: 'setMarkText', markId: 'k-9', text: 'نص' })).toBe('edit.markNotFound');
    expect(code({ type: 'setMarkText', markId: 'k-1', text: 'نص' })).toBe('validation');
  });
});
