// Whether the live marks still have something to give the transcript (AfterRecording.tsx).
import type { Meeting } from '../../../shared/domain.ts';
import { applyEdit } from '../../../shared/edits.ts';

/**
 * True while applying the marks would still change the transcript: main applies them by itself
 * after the full pass that follows Stop, so the page asks the edit itself rather than remembering
 * who applied them.
 */
export function marksPending(meeting: Meeting): boolean {
  if (!meeting.marks?.length || meeting.segments.length === 0) return false;
  try {
    return applyEdit(meeting, { type: 'applyMarks', overwrite: false }).changed;
  } catch {
    return true; // the server says why when she applies them
  }
}
