// The commands on the meeting's records other than segments: decisions, participants added
// while reviewing, and live marks.
import { LIMITS, type Mark, type Meeting, type Participant } from '../domain.ts';
import { MahdarError } from '../errors.ts';
import { checkSegmentIds, checkVoteAndSignatories, freshId } from './checks.ts';
import { withAt, type Lists, type Step } from './lists.ts';
import type { EditOf } from './schemas.ts';

export function createDecision(m: Meeting, edit: EditOf<'createDecision'>): Step {
  const id = edit.decision.id ?? freshId('d', m.decisions);
  if (m.decisions.some((d) => d.id === id)) throw new MahdarError('edit.duplicateId');
  checkSegmentIds(m, edit.decision.segmentIds);
  checkVoteAndSignatories(m, edit.decision);
  const decision = { ...edit.decision, id };
  return { lists: { decisions: [...m.decisions, decision] }, applied: { ...edit, decision } };
}

export function updateDecision(m: Meeting, edit: EditOf<'updateDecision'>): Partial<Lists> {
  const i = m.decisions.findIndex((d) => d.id === edit.decisionId);
  if (i < 0) throw new MahdarError('edit.decisionNotFound');
  if (edit.changes.segmentIds) checkSegmentIds(m, edit.changes.segmentIds);
  checkVoteAndSignatories(m, edit.changes);
  const changes = Object.fromEntries(Object.entries(edit.changes).filter(([, v]) => v !== undefined));
  return { decisions: withAt(m.decisions, i, { ...m.decisions[i]!, ...changes }) };
}

export function deleteDecision(m: Meeting, edit: EditOf<'deleteDecision'>): Partial<Lists> {
  if (!m.decisions.some((d) => d.id === edit.decisionId)) throw new MahdarError('edit.decisionNotFound');
  return { decisions: m.decisions.filter((d) => d.id !== edit.decisionId) };
}

export function addParticipant(m: Meeting, edit: EditOf<'addParticipant'>): Step {
  const id = edit.participant.id ?? freshId('p', m.participants);
  if (m.participants.some((p) => p.id === id)) throw new MahdarError('edit.duplicateId');
  if (!edit.participant.name.trim()) throw new MahdarError('validation', { detail: 'participant.name' });
  if (m.participants.length >= LIMITS.people) throw new MahdarError('validation', { detail: 'participants: too many' });
  const participant: Participant = { ...edit.participant, id };
  return { lists: { participants: [...m.participants, participant] }, applied: { ...edit, participant } };
}

export function addMark(m: Meeting, edit: EditOf<'addMark'>): Step {
  const marks = m.marks ?? [];
  const { kind, participantId, agendaItemId } = edit.mark;
  // Each kind names exactly what it needs: a floor mark a participant, an agenda mark an item.
  if (kind === 'floor' ? !participantId || agendaItemId : kind === 'agenda' ? !agendaItemId || participantId : participantId || agendaItemId) {
    throw new MahdarError('validation', { detail: `mark: ${kind}` });
  }
  if (participantId && !m.participants.some((p) => p.id === participantId)) throw new MahdarError('edit.unknownSpeaker');
  if (agendaItemId && !m.agenda.some((a) => a.id === agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
  const id = edit.mark.id ?? freshId('k', marks);
  if (marks.some((k) => k.id === id)) throw new MahdarError('edit.duplicateId');
  if (marks.length >= LIMITS.marks) throw new MahdarError('validation', { detail: 'marks: too many' });
  const mark: Mark = { ...edit.mark, id };
  // Kept in time order (a tap sent late lands where it belongs), after marks of the same time.
  let i = marks.length;
  while (i > 0 && marks[i - 1]!.at > mark.at) i--;
  return { lists: { marks: [...marks.slice(0, i), mark, ...marks.slice(i)] }, applied: { ...edit, mark } };
}

export function removeMark(m: Meeting, edit: EditOf<'removeMark'>): Partial<Lists> {
  const marks = m.marks ?? [];
  if (!marks.some((k) => k.id === edit.markId)) throw new MahdarError('edit.markNotFound');
  return { marks: marks.filter((k) => k.id !== edit.markId) };
}

export function setMarkText(m: Meeting, edit: EditOf<'setMarkText'>): Partial<Lists> {
  const marks = m.marks ?? [];
  const i = marks.findIndex((k) => k.id === edit.markId);
  if (i < 0) throw new MahdarError('edit.markNotFound');
  if (marks[i]!.kind !== 'decision') throw new MahdarError('validation', { detail: 'mark: text is for decisions' });
  const { text: _old, ...mark } = marks[i]!;
  return { marks: withAt(marks, i, edit.text.trim() ? { ...mark, text: edit.text.trim() } : mark) };
}

/** Every mark goes, in one step that undo gives back. Nothing to clear changes nothing. */
export function clearMarks(): Partial<Lists> {
  return { marks: [] };
}
