// The review editor's commands: every change to the transcript, the decisions and the people
// on the fly is one small command, validated here and applied by a pure function. main/ runs it
// under the meeting's lock and journals it (main/archive/journal.ts); the UI may run the same
// function to show the result before the answer comes back.
//
// applyEdit returns, besides the new meeting, a `restore` command that undoes it exactly (the
// previous versions of the items it touched, where they stood) and one that redoes it. Undo and
// redo apply those, so they never depend on re-running a command against a changed meeting.
//
// The pieces are in edits/: schemas.ts (the commands), apply.ts (applyEdit), segments.ts and
// passage.ts (commands on the transcript), records.ts (decisions, participants, marks),
// lists.ts (the undo/redo patches), checks.ts (references and consistency). This file is the
// module the rest imports, with the edit commands' API inputs and outputs.
import { z } from 'zod';
import { idSchema } from './domain.ts';
import { editSchema, type RestoreEdit } from './edits/schemas.ts';

export { applyEdit } from './edits/apply.ts';
export { isEmptyRestore } from './edits/lists.ts';
export {
  editSchema,
  journalEditSchema,
  MAX_RANGE_IDS,
  replacePassageSchema,
  restoreSchema,
  segmentRangeSchema,
  type Edit,
  type EditInput,
  type EditOutcome,
  type ListPatch,
  type ReplacePassageEdit,
  type RestoreEdit,
  type SegmentRange,
  type UserEdit,
} from './edits/schemas.ts';

/** What an edit, an undo or a redo answers. */
export interface EditResult {
  /** The meeting's version now: the base for the next command. */
  version: number;
  /** Applied (applyEdit) to the client's copy at the version it sent, gives the meeting now. */
  changes: RestoreEdit;
  canUndo: boolean;
  canRedo: boolean;
}

/** Where a meeting's edit history stands (the editor's undo/redo buttons on opening). */
export interface EditState {
  version: number;
  canUndo: boolean;
  canRedo: boolean;
}

const baseVersion = z.number().int().min(0);
/** Inputs of the edit commands, to spread into apiInputs (shared/api.ts). */
export const editApiInputs = {
  applyEdit: z.strictObject({ meetingId: idSchema, baseVersion, edit: editSchema }),
  undoEdit: z.strictObject({ meetingId: idSchema, baseVersion }),
  redoEdit: z.strictObject({ meetingId: idSchema, baseVersion }),
  getEditState: z.strictObject({ meetingId: idSchema }),
} as const;

/** Outputs of the edit commands, to add to ApiOutputs (shared/api.ts). */
export interface EditApiOutputs {
  applyEdit: EditResult;
  undoEdit: EditResult;
  redoEdit: EditResult;
  getEditState: EditState;
}
