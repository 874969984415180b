// The decisions of a meeting, in the review editor's side panel: the list (DecisionItem), and a
// form to create one from the selected passages, edit or delete it (DecisionForm). Every change
// goes out as one edit command through onEdit (useDecisionEditing); the panel holds no copy of the
// meeting, so it shows whatever the editor passes in. Where the meeting type records nominal
// votes (a council session), the voters are picked from the participants present and the counts
// are taken from them; an agreement lists its signatories.
import { useEffect, useId } from 'react';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ariaKeys } from '../common/keymap.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { decisionExcerpt as excerpt } from './decision-draft.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionItem } from './DecisionItem.tsx';
import { useDecisionEditing } from './useDecisionEditing.ts';
import type { SidePanelProps } from './sidePanelProps.ts';
import './decisions-agenda.css';

export interface DecisionsPanelProps extends SidePanelProps {
  /** Counts the list's Ctrl+D presses: each new value opens the form on the selection. */
  draftRequest?: number;
  /** The decision the walk (D) reached: marked in the list. */
  current?: string | null;
}

export function DecisionsPanel({ meeting, selection, readOnly, onEdit, onJump, draftRequest = 0, current = null }: DecisionsPanelProps) {
  const { t } = useI18n();
  const uid = useId();
  const editing = useDecisionEditing(meeting, selection, onEdit);
  const { draft, busy, error, toDelete } = editing;
  useEffect(() => {
    // Not over a draft already open: the key never throws typing away.
    if (draftRequest && !readOnly && !draft && !busy && selection.length) editing.openCreate();
    // Only a new press opens it, not a change of selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftRequest]);
  const form = draft && <DecisionForm meeting={meeting} draft={draft} selectionCount={selection.length} editing={editing} idPrefix={uid} />;

  return (
    <section ref={editing.panelRef} className="side-panel decisions-panel" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} tabIndex={-1}>{t('decisionsTitle')}</h2>
      {!readOnly && !draft && (
        <>
          <button type="button" className="primary" disabled={busy || selection.length === 0} data-focus="create" aria-keyshortcuts={ariaKeys('decisionFromSelection')} onClick={editing.openCreate}>
            {t('decisionFromSelection', { n: selection.length })}
          </button>
          {selection.length === 0 && <p className="side-note">{t('decisionSelectHint')}</p>}
        </>
      )}
      {error && (
        <p className="side-error" role="alert">
          {error}
        </p>
      )}
      {draft?.id === null && form}
      {meeting.decisions.length === 0 ? (
        <p className="empty">{t('decisionsNone')}</p>
      ) : (
        <ol className="side-list">
          {meeting.decisions.map((d, i) =>
            draft?.id === d.id ? (
              <li key={d.id}>{form}</li>
            ) : (
              <DecisionItem
                key={d.id}
                meeting={meeting}
                decision={d}
                index={i}
                current={current === d.id}
                readOnly={readOnly}
                locked={busy || draft !== null}
                onJump={onJump}
                onEdit={editing.openEdit}
                onDelete={editing.askDelete}
                idPrefix={uid}
              />
            ),
          )}
        </ol>
      )}
      {toDelete && (
        <ConfirmDialog
          title={t('decisionDeleteTitle')}
          body={t('decisionDeleteBody', { text: excerpt(toDelete.text) })}
          confirmLabel={t('delete')}
          danger
          onConfirm={() => void editing.confirmDelete()}
          onCancel={editing.cancelDelete}
        />
      )}
    </section>
  );
}

export default DecisionsPanel;
