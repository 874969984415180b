// The recording tab offers "Apply the marks" only while applying them would still change the
// transcript (renderer/features/recording/marks-pending.ts): main applies them itself after the
// full pass, and the tab then says they are applied instead of offering them again.
import { describe, expect, it } from 'vitest';
import type { Meeting, Segment } from '../../shared/domain.ts';
import { applyEdit } from '../../shared/edits.ts';
import { marksPending } from '../../renderer/features/recording/marks-pending.ts';
import { storedMeeting } from './meeting-fixture.ts';

const seg = (i: number, text: string): Segment => ({ id: `s-${i}`, start: i * 10, end: i * 10 + 8, text, speakerId: null, tags: [], edited: false });

function meeting(segments: Segment[]): Meeting {
  return storedMeeting({
    participants: [
      { id: 'p-1', name: 'أحمد', gender: 'm', title: '', organisation: '' },
      { id: 'p-2', name: 'فاطمة', gender: 'f', title: '', organisation: '' },
    ],
    agenda: [{ id: 'a-1', title: 'الميزانية' }],
    segments,
    marks: [
      { id: 'k-1', kind: 'agenda', at: 0, agendaItemId: 'a-1' },
      { id: 'k-2', kind: 'floor', at: 0, participantId: 'p-1' },
      { id: 'k-3', kind: 'floor', at: 10, participantId: 'p-2' },
      { id: 'k-4', kind: 'decision', at: 12 },
    ],
  });
}

describe('marksPending', () => {
  it('is true on a fresh transcript, false once the marks are applied, true again when a speaker is cleared', () => {
    const fresh = meeting([seg(0, 'نفتتح الجلسة'), seg(1, 'نوافق على الميزانية'), seg(2, 'شكرا')]);
    expect(marksPending(fresh)).toBe(true);
    const applied = applyEdit(fresh, { type: 'applyMarks', overwrite: false }).meeting;
    expect(marksPending(applied)).toBe(false);
    const cleared = applyEdit(applied, { type: 'assignSpeaker', range: { ids: ['s-2'] }, speakerId: null }).meeting;
    expect(marksPending(cleared)).toBe(true);
  });

  it('is false before there is a transcript (transcribe first) and without marks', () => {
    expect(marksPending(meeting([]))).toBe(false);
    const { marks: _none, ...withoutMarks } = meeting([seg(0, 'نفتتح الجلسة')]);
    expect(marksPending(withoutMarks as Meeting)).toBe(false);
  });
});
