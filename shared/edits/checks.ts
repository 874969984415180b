// What a command may refer to and what its result must keep true: segment ids and ranges that
// resolve, votes and signatories that name present participants, references left whole.
import { chairParticipantIds, meetingIntegrityIssues, newId, voteIssues, type Decision, type Meeting } from '../domain.ts';
import { MahdarError } from '../errors.ts';
import type { RestoreEdit, SegmentRange } from './schemas.ts';
import { segmentsBetween } from '../transcript/passage.ts';

/**
 * Refuses a result that breaks a reference (a speaker who is not a participant, a decision citing
 * a missing segment, an agenda item that does not exist, a segment ending before it starts).
 * Problems that were already there before the command (an old file) do not block unrelated edits.
 */
export function checkConsistency(before: Meeting, after: Meeting, forward: RestoreEdit): void {
  const touched = [...(forward.segments?.replace ?? []), ...(forward.segments?.insert.map((x) => x.item) ?? [])];
  const agenda = new Set(after.agenda.map((a) => a.id));
  for (const s of touched) {
    if (s.end < s.start) throw new MahdarError('edit.badTimes');
    if (s.agendaItemId != null && !agenda.has(s.agendaItemId)) throw new MahdarError('edit.unknownAgendaItem');
  }
  const issues = meetingIntegrityIssues(after);
  if (!issues.length) return;
  const old = new Set(meetingIntegrityIssues(before).map((i) => i.message));
  const fresh = issues.find((i) => !old.has(i.message));
  if (fresh) throw new MahdarError('meeting.inconsistent', { detail: fresh.message.slice(0, 200) });
}

/**
 * A nominal vote and an agreement's signatories name present participants, each once, and a
 * nominal vote's counts are its numbers of names (the panel derives them; other clients are held
 * to it here, with a message that says which side does not add up).
 */
export function checkVoteAndSignatories(m: Meeting, d: Partial<Pick<Decision, 'vote' | 'signatories'>>): void {
  const people = new Map(m.participants.map((p) => [p.id, p]));
  const nameOf = (id: string) => people.get(id)?.name.trim() || id;
  for (const issue of voteIssues(d.vote, new Set(people.keys()))) {
    if (issue.kind === 'countMismatch') throw new MahdarError('edit.voteCountMismatch', { side: issue.side, count: issue.count, names: issue.names });
    if (issue.kind === 'twice') throw new MahdarError('edit.voterTwice', { name: nameOf(issue.participantId) });
    throw new MahdarError('edit.unknownParticipant');
  }
  if (d.vote?.kind === 'counts' && d.vote.voters) {
    const chairing = chairParticipantIds(m);
    for (const id of [...d.vote.voters.for, ...d.vote.voters.against, ...d.vote.voters.abstain]) {
      // Someone recorded absent or excused did not vote: the minutes would contradict themselves.
      // A chair is present whatever was marked (the minutes count them so).
      if (!chairing.has(id) && (people.get(id)?.attendance ?? 'present') !== 'present') throw new MahdarError('edit.voterAbsent', { name: nameOf(id) });
    }
  }
  const signing = new Set<string>();
  for (const s of d.signatories ?? []) {
    if (!people.has(s.participantId)) throw new MahdarError('edit.unknownParticipant');
    if (signing.has(s.participantId)) throw new MahdarError('edit.signatoryTwice', { name: nameOf(s.participantId) });
    signing.add(s.participantId);
  }
}

export function resolveRange(m: Meeting, range: SegmentRange): Set<string> {
  if ('ids' in range) {
    checkSegmentIds(m, range.ids);
    return new Set(range.ids);
  }
  const segments = segmentsBetween(m.segments, range.fromId, range.toId);
  if (!segments) throw new MahdarError('edit.segmentNotFound');
  return new Set(segments.map((s) => s.id));
}

export function segmentIndex(m: Meeting, id: string): number {
  const i = m.segments.findIndex((s) => s.id === id);
  if (i < 0) throw new MahdarError('edit.segmentNotFound');
  return i;
}

export function checkSegmentIds(m: Meeting, ids: readonly string[]): void {
  const known = new Set(m.segments.map((s) => s.id));
  if (ids.some((id) => !known.has(id))) throw new MahdarError('edit.segmentNotFound');
}

export function freshId(prefix: string, list: readonly { id: string }[]): string {
  for (;;) {
    const id = newId(prefix);
    if (!list.some((x) => x.id === id)) return id;
  }
}
