// The details form's state: it starts from the meeting as first read, then holds what the secretary
// types, saved as typed (useAutosave). List changes (a removed participant, a moved agenda item or
// annex) can be undone, the last 50 of them.
import { useCallback, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { formFieldNames, type FormFields } from './formFields.ts';
import { useAutosave } from './useAutosave.ts';

function pickForm(m: Meeting): FormFields {
  return Object.fromEntries(formFieldNames.map((k) => [k, m[k]])) as FormFields;
}

export function useMeetingForm(meetingId: string, meeting: Meeting | null, onSaved: (m: Meeting) => void, fail: (e: unknown) => void) {
  const [form, setForm] = useState<FormFields | null>(null);
  // Later reads of the meeting do not overwrite what was typed: its unsaved changes are pending in autosave.
  if (form === null && meeting) setForm(pickForm(meeting));
  const undoStack = useRef<FormFields[]>([]);
  const { save, flush, state } = useAutosave(meetingId, onSaved, fail);

  const change = useCallback(
    (patch: Partial<FormFields>, undoable = false) => {
      setForm((prev) => {
        if (!prev) return prev;
        if (undoable) undoStack.current = [...undoStack.current.slice(-49), prev];
        return { ...prev, ...patch };
      });
      save(patch);
    },
    [save],
  );

  const undo = useCallback(() => {
    const prev = undoStack.current.pop();
    if (!prev) return;
    setForm(prev);
    save({ participants: prev.participants, agenda: prev.agenda, annexes: prev.annexes ?? [] });
  }, [save]);

  return { form, change, undo, flush, saveState: state };
}
