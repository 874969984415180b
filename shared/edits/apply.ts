// applyEdit: one command applied to a meeting, with the patches that undo and redo it.
import type { Meeting } from '../domain.ts';
import { applyMarks } from '../marks.ts';
import { checkConsistency } from './checks.ts';
import { applyRestore, diffList, listKeys, listOf, type Lists, type Step } from './lists.ts';
import { replacePassage } from './passage.ts';
import { addMark, addParticipant, clearMarks, createDecision, deleteDecision, removeMark, setMarkText, updateDecision } from './records.ts';
import type { Edit, EditOutcome, RestoreEdit } from './schemas.ts';
import { acceptSummary, deleteSummary, draftSummary, writeSummary } from './summaries.ts';
import { assignSpeaker, mergeSegments, replaceText, setAgendaItem, setText, setTimes, splitSegment } from './segments.ts';

/**
 * Applies one command to a meeting (which is not modified). Throws MahdarError on a reference
 * that does not resolve or a change that would make the meeting inconsistent. Does not touch
 * `version`, `status` or `updatedAt`: the caller owns those.
 */
export function applyEdit(meeting: Meeting, edit: Edit): EditOutcome {
  const { lists, applied } = run(meeting, edit);
  const next: Meeting = { ...meeting, ...lists };
  // No marks (summaries) is no field, as in meetings that never had one: undoing the first gives them back exactly.
  if (lists.marks && !lists.marks.length) delete next.marks;
  if (lists.summaries && !lists.summaries.length) delete next.summaries;
  const inverse: RestoreEdit = { type: 'restore' };
  const forward: RestoreEdit = { type: 'restore' };
  let changed = false;
  for (const key of listKeys) {
    const d = diffList<{ id: string }>(listOf(meeting, key), listOf(next, key));
    if (!d) continue;
    changed = true;
    (inverse as Record<string, unknown>)[key] = d.inverse;
    (forward as Record<string, unknown>)[key] = d.forward;
  }
  if (changed) checkConsistency(meeting, next, forward);
  return { meeting: changed ? next : meeting, edit: applied, inverse, forward, changed };
}

/** The command's changes; those that generate an id return the command with it filled in. */
function run(m: Meeting, edit: Edit): Step {
  const same = (lists: Partial<Lists>): Step => ({ lists, applied: edit });
  switch (edit.type) {
    case 'setText':
      return same(setText(m, edit));
    case 'splitSegment':
      return splitSegment(m, edit);
    case 'mergeSegments':
      return same(mergeSegments(m, edit.segmentId));
    case 'setTimes':
      return same(setTimes(m, edit));
    case 'assignSpeaker':
      return same(assignSpeaker(m, edit));
    case 'setAgendaItem':
      return same(setAgendaItem(m, edit));
    case 'createDecision':
      return createDecision(m, edit);
    case 'updateDecision':
      return same(updateDecision(m, edit));
    case 'deleteDecision':
      return same(deleteDecision(m, edit));
    case 'addParticipant':
      return addParticipant(m, edit);
    case 'replaceText':
      return same(replaceText(m, edit));
    case 'addMark':
      return addMark(m, edit);
    case 'removeMark':
      return same(removeMark(m, edit));
    case 'setMarkText':
      return same(setMarkText(m, edit));
    case 'clearMarks':
      return same(clearMarks());
    case 'applyMarks':
      return same(applyMarks(m, { overwrite: edit.overwrite }));
    case 'writeSummary':
      return writeSummary(m, edit);
    case 'acceptSummary':
      return same(acceptSummary(m, edit));
    case 'deleteSummary':
      return same(deleteSummary(m, edit));
    case 'draftSummary':
      return draftSummary(m, edit);
    case 'restore':
      return same(applyRestore(m, edit));
    case 'replacePassage':
      return same(replacePassage(m, edit));
  }
}
