// The decisions panel's state: the draft being typed (or none), the decision waiting for its
// delete to be confirmed, and the edit in flight with its error. Every change goes out as one
// edit command through onEdit; nothing here keeps a copy of the meeting.
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Decision, Meeting } from '../../../shared/domain.ts';
import type { EditInput } from '../../../shared/edits.ts';
import { minutesTemplates } from '../../../shared/minutes/template.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { draftOf, editOfDraft, newDraft, type DecisionDraft } from './decision-draft.ts';
import { useFocusReturn } from './useFocusReturn.ts';
import { usePanelEdit } from './usePanelEdit.ts';

export interface DecisionEditing {
  panelRef: RefObject<HTMLElement | null>;
  draft: DecisionDraft | null;
  toDelete: Decision | null;
  busy: boolean;
  error: string | null;
  /** Whether the meeting type records nominal votes (a council session). */
  nominalVotes: boolean;
  openCreate(): void;
  openEdit(d: Decision): void;
  set<K extends keyof DecisionDraft>(key: K, value: DecisionDraft[K]): void;
  submit(e?: FormEvent): Promise<void>;
  cancel(): void;
  askDelete(d: Decision): void;
  confirmDelete(): Promise<void>;
  cancelDelete(): void;
}

export function useDecisionEditing(meeting: Meeting, selection: readonly string[], onEdit: (edit: EditInput) => Promise<void>): DecisionEditing {
  const { t } = useI18n();
  const nominalVotes = minutesTemplates[meeting.type].nominalVotes;
  const [draft, setDraft] = useState<DecisionDraft | null>(null);
  const [toDelete, setToDelete] = useState<Decision | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const focus = useFocusReturn(panelRef);
  const { busy, error, setError, run } = usePanelEdit(onEdit);

  const open = (key: string, next: DecisionDraft) => {
    focus.remember(key);
    setError(null);
    setDraft(next);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!draft || busy) return;
    const edit = editOfDraft(draft, meeting, selection, nominalVotes);
    if (!edit.ok) return setError(t(edit.error));
    if (await run(edit.value)) {
      setDraft(null);
      focus.restore();
    }
  };

  return {
    panelRef,
    draft,
    toDelete,
    busy,
    error,
    nominalVotes,
    openCreate: () => open('create', newDraft(meeting, selection, nominalVotes)),
    openEdit: (d) => open(`edit-${d.id}`, draftOf(d, nominalVotes)),
    set: (key, value) => setDraft((d) => (d ? { ...d, [key]: value } : d)),
    submit,
    cancel: () => {
      setDraft(null);
      setError(null);
      focus.restore();
    },
    askDelete: (d) => {
      focus.remember(`delete-${d.id}`);
      setToDelete(d);
    },
    confirmDelete: async () => {
      const d = toDelete;
      setToDelete(null);
      if (d) await run({ type: 'deleteDecision', decisionId: d.id });
      focus.restore();
    },
    cancelDelete: () => {
      setToDelete(null);
      focus.restore();
    },
  };
}
