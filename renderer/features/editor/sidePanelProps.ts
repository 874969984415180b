// What the review editor gives each side panel beside the transcript (the decisions, the agenda
// outline): the meeting, the selection, and the two ways back into the editor.
import type { EditInput } from '../../../shared/edits.ts';
import type { Meeting } from '../../../shared/domain.ts';

export interface SidePanelProps {
  meeting: Meeting;
  /** Selected segment ids, in time order. */
  selection: string[];
  readOnly: boolean;
  onEdit(edit: EditInput): Promise<void>;
  onJump(segmentId: string): void;
}

/** The agenda points the side panel lists and numbers from 1: those with a title. */
export const titledAgenda = (meeting: Meeting) => meeting.agenda.filter((a) => a.title.trim() !== '');
