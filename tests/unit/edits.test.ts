// The review editor's commands (shared/edits.ts) as pure functions: what each does to the
// meeting, that its inverse gives back exactly the meeting it was made on (undo), that its forward
// patch gives the result (redo), and the clear errors a user meets on a bad reference.
import { describe, expect, it } from 'vitest';
import { storedMeeting } from './meeting-fixture.ts';
import { type Meeting, type Segment } from '../../shared/domain.ts';
import { applyEdit, editSchema, journalEditSchema, type EditInput } from '../../shared/edits.ts';
import { MahdarError } from '../../shared/errors.ts';
import { findMatches, replaceMatches } from '../../shared/text/find.ts';

const seg = (i: number, text: string, extra: Partial<Segment> = {}): Segment => ({
  id: `s-${String(i).padStart(3, '0')}`,
  start: i * 10,
  end: i * 10 + 8,
  text,
  speakerId: null,
  tags: [],
  edited: false,
  ...extra,
});

function meeting(): Meeting {
  return storedMeeting({
    participants: [
      { id: 'p-001', name: 'أحمد', gender: 'm', title: '', organisation: '' },
      { id: 'p-002', name: 'فاطمة', gender: 'f', title: '', organisation: '' },
    ],
    agenda: [
      { id: 'a-001', title: 'الميزانية' },
      { id: 'a-002', title: 'الطرق' },
    ],
    segments: [
      seg(0, 'بسم الله نفتتح الجلسة', { speakerId: 'p-001' }),
      seg(1, 'نناقش الميزانية العامة للإقليم'),
      seg(2, 'أوافق على المشروع'),
      seg(3, 'الاجتماع القادم في الشهر المقبل'),
      // Out of array order on purpose: time order and list order differ.
      seg(5, 'وشكرا للجميع'),
      seg(4, 'نرفع الجلسة'),
    ],
    decisions: [
      { id: 'd-001', kind: 'decision', text: 'المصادقة على المشروع', segmentIds: ['s-002'], owner: '', deadline: '' },
    ],
  });
}

/** Applies a command as the API would receive it; checks undo and redo are exact. */
function roundTrip(m: Meeting, input: EditInput): Meeting {
  const edit = editSchema.parse(input);
  const out = applyEdit(m, edit);
  expect(out.changed).toBe(true);
  // Through JSON, as the journal stores them.
  const inverse = journalEditSchema.parse(JSON.parse(JSON.stringify(out.inverse)));
  const forward = journalEditSchema.parse(JSON.parse(JSON.stringify(out.forward)));
  expect(applyEdit(out.meeting, inverse).meeting).toStrictEqual(m);
  expect(applyEdit(m, forward).meeting).toStrictEqual(out.meeting);
  // The command as journaled (generated ids filled in) replays to the same meeting.
  const replayed = journalEditSchema.parse(JSON.parse(JSON.stringify(out.edit)));
  expect(applyEdit(m, replayed).meeting).toStrictEqual(out.meeting);
  return out.meeting;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return err instanceof MahdarError ? err.code : String(err);
  }
}
const segById = (m: Meeting, id: string) => m.segments.find((s) => s.id === id)!;

describe('edit commands: effect, exact undo and redo', () => {
  it('setText replaces the text and marks the passage edited', () => {
    const m = roundTrip(meeting(), { type: 'setText', segmentId: 's-001', text: 'نناقش ميزانية الإقليم' });
    expect(segById(m, 's-001')).toMatchObject({ text: 'نناقش ميزانية الإقليم', edited: true });
  });

  it('splitSegment cuts at the caret with times in proportion, both halves cited by the decision', () => {
    const m0 = meeting();
    const text = segById(m0, 's-002').text; // 'أوافق على المشروع'
    const at = text.indexOf('على');
    const m = roundTrip(m0, { type: 'splitSegment', segmentId: 's-002', at, newSegmentId: 's-002b' });
    const [a, b] = [segById(m, 's-002'), segById(m, 's-002b')];
    expect([a.text, b.text]).toEqual(['أوافق', 'على المشروع']);
    expect(a.end).toBeCloseTo(20 + 8 * (at / text.length), 3);
    expect(b.start).toBe(a.end);
    expect(b.end).toBe(28);
    expect(m.segments.map((s) => s.id).slice(2, 4)).toEqual(['s-002', 's-002b']);
    expect(m.decisions[0]!.segmentIds).toEqual(['s-002', 's-002b']);
  });

  it('splitSegment at the playhead uses that time, and generates an id when none is given', () => {
    const out = applyEdit(meeting(), editSchema.parse({ type: 'splitSegment', segmentId: 's-001', at: 5, time: 13.5 }));
    const ids = out.meeting.segments.map((s) => s.id);
    expect(ids).toHaveLength(7);
    const added = out.meeting.segments[2]!;
    expect(added.start).toBe(13.5);
    expect(out.edit).toMatchObject({ newSegmentId: added.id });
  });

  it('splitSegment refuses a cut at an edge, in blank space only, or a playhead outside the passage', () => {
    const m = meeting();
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'splitSegment', segmentId: 's-002', at: 0 })))).toBe('edit.badSplit');
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'splitSegment', segmentId: 's-002', at: 99 })))).toBe('edit.badSplit');
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'splitSegment', segmentId: 's-002', at: 3, time: 28 })))).toBe('edit.badSplit');
    const spaced = { ...m, segments: [seg(0, 'أ   ')] };
    expect(codeOf(() => applyEdit(spaced, editSchema.parse({ type: 'splitSegment', segmentId: 's-000', at: 2 })))).toBe('edit.badSplit');
  });

  it('mergeSegments joins with the next passage in time (not in list order) and re-points decisions', () => {
    const m0 = meeting();
    // s-003 is followed in time by s-004, which sits after s-005 in the list.
    let m = roundTrip(m0, { type: 'mergeSegments', segmentId: 's-003' });
    expect(segById(m, 's-003')).toMatchObject({ text: 'الاجتماع القادم في الشهر المقبل نرفع الجلسة', start: 30, end: 48 });
    expect(m.segments.map((s) => s.id)).toEqual(['s-000', 's-001', 's-002', 's-003', 's-005']);
    m = roundTrip(m0, { type: 'mergeSegments', segmentId: 's-001' });
    expect(m.decisions[0]!.segmentIds).toEqual(['s-001']);
    expect(segById(m, 's-001').end).toBe(28);
    expect(codeOf(() => applyEdit(m0, editSchema.parse({ type: 'mergeSegments', segmentId: 's-005' })))).toBe('edit.noNextSegment');
  });

  it('setTimes moves a passage; an end before the start is refused', () => {
    const m = roundTrip(meeting(), { type: 'setTimes', segmentId: 's-001', start: 9.5, end: 19 });
    expect(segById(m, 's-001')).toMatchObject({ start: 9.5, end: 19 });
    expect(codeOf(() => applyEdit(meeting(), editSchema.parse({ type: 'setTimes', segmentId: 's-001', start: 12, end: 11 })))).toBe('edit.badTimes');
  });

  it('assignSpeaker sets a range by time order, inclusive, in either direction', () => {
    const m = roundTrip(meeting(), { type: 'assignSpeaker', range: { fromId: 's-005', toId: 's-003' }, speakerId: 'p-002' });
    expect(m.segments.filter((s) => s.speakerId === 'p-002').map((s) => s.id).sort()).toEqual(['s-003', 's-004', 's-005']);
    const byIds = roundTrip(meeting(), { type: 'assignSpeaker', range: { ids: ['s-000', 's-002'] }, speakerId: null });
    expect(segById(byIds, 's-000').speakerId).toBeNull();
    expect(codeOf(() => applyEdit(meeting(), editSchema.parse({ type: 'assignSpeaker', range: { ids: ['s-001'] }, speakerId: 'p-999' })))).toBe(
      'edit.unknownSpeaker',
    );
  });

  it('setAgendaItem links a range to an agenda item, and unlinks it', () => {
    let m = roundTrip(meeting(), { type: 'setAgendaItem', range: { fromId: 's-001', toId: 's-002' }, agendaItemId: 'a-001' });
    expect(m.segments.filter((s) => s.agendaItemId === 'a-001').map((s) => s.id)).toEqual(['s-001', 's-002']);
    m = roundTrip(m, { type: 'setAgendaItem', range: { ids: ['s-002'] }, agendaItemId: null });
    expect(segById(m, 's-002').agendaItemId).toBeNull();
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'setAgendaItem', range: { ids: ['s-001'] }, agendaItemId: 'a-404' })))).toBe(
      'edit.unknownAgendaItem',
    );
  });

  it('creates, updates (with the vote) and deletes a decision', () => {
    let m = roundTrip(meeting(), {
      type: 'createDecision',
      decision: { id: 'd-002', kind: 'recommendation', text: 'صيانة الطريق', segmentIds: ['s-003'], owner: 'المصالح التقنية' },
    });
    expect(m.decisions.map((d) => d.id)).toEqual(['d-001', 'd-002']);
    m = roundTrip(m, { type: 'updateDecision', decisionId: 'd-002', changes: { vote: { kind: 'counts', for: 12, against: 3, abstain: 1 }, deadline: '2026-06' } });
    expect(m.decisions[1]).toMatchObject({ vote: { kind: 'counts', for: 12 }, deadline: '2026-06', text: 'صيانة الطريق' });
    m = roundTrip(m, { type: 'deleteDecision', decisionId: 'd-001' });
    expect(m.decisions.map((d) => d.id)).toEqual(['d-002']);
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'deleteDecision', decisionId: 'd-001' })))).toBe('edit.decisionNotFound');
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'createDecision', decision: { kind: 'decision', text: 'x', segmentIds: ['s-404'] } })))).toBe(
      'edit.segmentNotFound',
    );
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'createDecision', decision: { id: 'd-002', kind: 'decision', text: 'x' } })))).toBe(
      'edit.duplicateId',
    );
  });

  it('adds a participant on the fly, who can then be given the floor', () => {
    let m = roundTrip(meeting(), { type: 'addParticipant', participant: { id: 'p-003', name: 'يوسف', gender: 'm', title: 'رئيس جماعة' } });
    m = roundTrip(m, { type: 'assignSpeaker', range: { ids: ['s-004'] }, speakerId: 'p-003' });
    expect(segById(m, 's-004').speakerId).toBe('p-003');
    expect(codeOf(() => applyEdit(m, editSchema.parse({ type: 'addParticipant', participant: { name: '   ' } })))).toBe('validation');
  });

  it('replaceText across the transcript, ignoring diacritics, tatweel and hamza forms', () => {
    const m0 = meeting();
    m0.segments[1]!.text = 'نُنَاقِشُ المِيزانيـــة';
    m0.segments[2]!.text = 'الميزانيه والميزانية';
    const m = roundTrip(m0, { type: 'replaceText', find: 'الميزانية', replace: 'الموازنة' });
    expect(segById(m, 's-001')).toMatchObject({ text: 'نُنَاقِشُ الموازنة', edited: true });
    expect(segById(m, 's-002').text).toBe('الموازنة والموازنة'); // ta marbuta typed as ha is found too
    expect(segById(m, 's-000').edited).toBe(false); // untouched passages stay as the engine wrote them
    const whole = roundTrip(m0, { type: 'replaceText', find: 'الميزانية', replace: 'الموازنة', wholeWord: true });
    expect(segById(whole, 's-002').text).toBe('الموازنة والميزانية');
    expect(codeOf(() => applyEdit(m0, editSchema.parse({ type: 'replaceText', find: 'غير موجود', replace: 'x' })))).toBe('edit.noMatch');
    const exact = applyEdit(m0, editSchema.parse({ type: 'replaceText', find: 'الميزانية', replace: 'x', arabicAware: false }));
    expect(exact.changed).toBe(true);
    // Exact mode: the spelling with tatweel and vowels (s-001) is not the same text.
    expect(exact.meeting.segments.filter((s) => s.text.includes('x')).map((s) => s.id)).toEqual(['s-002']);
  });

  it("word confidences follow the engine's words: dropped when the text changes, split and merged with it", () => {
    const m0 = meeting();
    const conf: Record<string, number[]> = { 's-001': [0.9, 0.3, 0.8, 0.4], 's-002': [0.2, 0.7, 0.95], 's-003': [0.5, 0.6, 0.7, 0.8, 0.9] };
    m0.segments = m0.segments.map((s) => (conf[s.id] ? { ...s, wordConfidence: conf[s.id] } : s));
    // Every case below also checks (roundTrip) that undo gives the confidences back exactly.
    const typed = segById(roundTrip(m0, { type: 'setText', segmentId: 's-001', text: 'نناقش ميزانية الإقليم' }), 's-001');
    expect('wordConfidence' in typed).toBe(false);
    const replaced = roundTrip(m0, { type: 'replaceText', find: 'المشروع', replace: 'المقترح' });
    expect('wordConfidence' in segById(replaced, 's-002')).toBe(false);
    expect(segById(replaced, 's-001').wordConfidence).toEqual(conf['s-001']);

    // Cut between words: each half keeps its own words' values.
    const text = segById(m0, 's-002').text; // 'أوافق على المشروع'
    const cut = roundTrip(m0, { type: 'splitSegment', segmentId: 's-002', at: text.indexOf('على'), newSegmentId: 's-002b' });
    expect(segById(cut, 's-002').wordConfidence).toEqual([0.2]);
    expect(segById(cut, 's-002b').wordConfidence).toEqual([0.7, 0.95]);
    // Cut inside a word: that word is now two words with no value of their own, so none.
    const inWord = roundTrip(m0, { type: 'splitSegment', segmentId: 's-002', at: 2, newSegmentId: 's-002b' });
    expect('wordConfidence' in segById(inWord, 's-002')).toBe(false);
    expect('wordConfidence' in segById(inWord, 's-002b')).toBe(false);

    // Merged: a's values then b's; when one of them has none, the merged passage has none.
    const merged = roundTrip(m0, { type: 'mergeSegments', segmentId: 's-001' });
    expect(segById(merged, 's-001').wordConfidence).toEqual([...conf['s-001']!, ...conf['s-002']!]);
    expect(segById(merged, 's-001').wordConfidence).toHaveLength(segById(merged, 's-001').text.split(' ').length);
    const half = roundTrip(m0, { type: 'mergeSegments', segmentId: 's-000' });
    expect('wordConfidence' in segById(half, 's-000')).toBe(false);
    // Values that no longer line up with the words (an older edit) are not carried on.
    const stale = { ...m0, segments: m0.segments.map((s) => (s.id === 's-003' ? { ...s, wordConfidence: [0.5] } : s)) };
    expect('wordConfidence' in segById(roundTrip(stale, { type: 'mergeSegments', segmentId: 's-002' }), 's-002')).toBe(false);
    // Times and speakers do not touch the words.
    expect(segById(roundTrip(m0, { type: 'setTimes', segmentId: 's-002', start: 20, end: 27 }), 's-002').wordConfidence).toEqual(conf['s-002']);
  });

  it('changes nothing (and so journals nothing) when a command is a no-op', () => {
    const m = meeting();
    const out = applyEdit(m, editSchema.parse({ type: 'setText', segmentId: 's-001', text: m.segments[1]!.text }));
    expect(out.changed).toBe(false);
    expect(applyEdit(m, editSchema.parse({ type: 'assignSpeaker', range: { ids: ['s-000'] }, speakerId: 'p-001' })).changed).toBe(false);
  });

  it('refuses unknown segments, and clients may not send restore patches or unknown fields', () => {
    expect(codeOf(() => applyEdit(meeting(), editSchema.parse({ type: 'setText', segmentId: 's-404', text: 'x' })))).toBe('edit.segmentNotFound');
    expect(editSchema.safeParse({ type: 'restore', segments: { replace: [], remove: ['s-001'], insert: [] } }).success).toBe(false);
    expect(editSchema.safeParse({ type: 'setText', segmentId: 's-001', text: 'x', edited: false }).success).toBe(false);
    expect(editSchema.safeParse({ type: 'setText', segmentId: 's-001', text: 'x'.repeat(20_001) }).success).toBe(false);
  });

  it('a problem already in an old file does not block unrelated edits, but a new one is refused', () => {
    const m = meeting();
    m.decisions[0]!.segmentIds = ['s-gone'];
    const out = applyEdit(m, editSchema.parse({ type: 'setText', segmentId: 's-001', text: 'جديد' }));
    expect(out.changed).toBe(true);
    // Undoing a passage's creation while a decision now cites it would leave a dangling citation.
    const split = applyEdit(meeting(), editSchema.parse({ type: 'splitSegment', segmentId: 's-003', at: 9, newSegmentId: 's-003b' }));
    const cites = applyEdit(split.meeting, editSchema.parse({ type: 'updateDecision', decisionId: 'd-001', changes: { segmentIds: ['s-003b'] } }));
    expect(codeOf(() => applyEdit(cites.meeting, split.inverse))).toBe('meeting.inconsistent');
  });
});

describe('Arabic-aware find', () => {
  it('finds across diacritics, tatweel and alef forms, reporting ranges of the original text', () => {
    const text = 'إجْتِمَـاع الاجتماع أجتماعات';
    const r = findMatches(text, 'اجتماع', { arabicAware: true, wholeWord: false });
    expect(r.map((x) => text.slice(x.start, x.end))).toEqual(['إجْتِمَـاع', 'اجتماع', 'أجتماع']);
    expect(findMatches(text, 'اجتماع', { arabicAware: true, wholeWord: true })).toHaveLength(1);
  });

  it('keeps a final vowel with the word it replaces, and hamza on the line is not dropped', () => {
    expect(replaceMatches('كتبَ الدرس', 'كتب', 'قرأ', { arabicAware: true, wholeWord: false }).text).toBe('قرأ الدرس');
    expect(findMatches('ما الماء', 'ماء', { arabicAware: true, wholeWord: false })).toHaveLength(1);
    expect(findMatches('ما.', 'ما ا', { arabicAware: true, wholeWord: false })).toHaveLength(0);
  });
});
