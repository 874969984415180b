// The form that creates a decision from the selected passages or edits one: kind, wording, owner,
// deadline (free text, or a date the minutes write out), vote, an agreement's signatories, and
// whether an edited decision should cite the selection instead. Enter saves from any field
// (Shift+Enter is a new line in the text); Escape cancels.
import type { KeyboardEvent } from 'react';
import { decisionKinds, type Decision, type Meeting } from '../../../shared/domain.ts';
import { formatDeadline, parseIsoDate } from '../../../shared/minutes/dates.ts';
import { minutesLabels } from '../../../shared/minutes/labels.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { DecisionDraft } from './decision-draft.ts';
import { DecisionVoteFields } from './DecisionVoteFields.tsx';
import { SignatoriesEditor } from './SignatoriesEditor.tsx';
import type { DecisionEditing } from './useDecisionEditing.ts';

export interface DecisionFormProps {
  meeting: Meeting;
  draft: DecisionDraft;
  /** How many passages are selected: an edited decision may cite them instead. */
  selectionCount: number;
  editing: DecisionEditing;
  /** Prefix of the element ids (useId of the panel). */
  idPrefix: string;
}

export function DecisionForm({ meeting, draft, selectionCount, editing, idPrefix }: DecisionFormProps) {
  const { t, lang } = useI18n();
  const { set, busy, cancel, submit } = editing;
  const id = (name: string) => `${idPrefix}-${name}`;
  const editingIndex = draft.id ? meeting.decisions.findIndex((d) => d.id === draft.id) : -1;
  const isoDeadline = parseIsoDate(draft.deadline.trim()) ? draft.deadline.trim() : '';

  const onKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.target instanceof HTMLTextAreaElement) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form className="side-form" aria-labelledby={id('form-title')} onSubmit={submit} onKeyDown={onKey}>
      <h3 id={id('form-title')}>{draft.id === null ? t('decisionNew') : t('decisionEditTitle', { n: editingIndex + 1 })}</h3>
      <div className="field">
        <label htmlFor={id('kind')}>{t('decisionKind')}</label>
        <select id={id('kind')} value={draft.kind} onChange={(e) => set('kind', e.target.value as Decision['kind'])}>
          {decisionKinds.map((k) => (
            <option key={k} value={k}>
              {minutesLabels[lang].decisionKinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('text')}>{t('decisionText')}</label>
        <textarea id={id('text')} value={draft.text} rows={4} dir="auto" autoFocus onChange={(e) => set('text', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={id('owner')}>{t('decisionOwner')}</label>
        <input id={id('owner')} value={draft.owner} dir="auto" maxLength={300} onChange={(e) => set('owner', e.target.value)} />
      </div>
      <div className="side-form-row">
        <div className="field">
          <label htmlFor={id('deadline')}>{t('decisionDeadline')}</label>
          <input id={id('deadline')} value={draft.deadline} dir="auto" maxLength={300} onChange={(e) => set('deadline', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('date')}>{t('decisionPickDate')}</label>
          <input id={id('date')} type="date" value={isoDeadline} onChange={(e) => set('deadline', e.target.value)} />
        </div>
      </div>
      {isoDeadline && <p className="side-note">{formatDeadline(isoDeadline, lang)}</p>}
      <DecisionVoteFields meeting={meeting} draft={draft} nominalVotes={editing.nominalVotes} set={set} idPrefix={idPrefix} />
      {draft.kind === 'agreement' && (
        <SignatoriesEditor participants={meeting.participants} value={draft.signatories} onChange={(v) => set('signatories', v)} idPrefix={idPrefix} />
      )}
      {draft.id !== null && selectionCount > 0 && (
        <label className="field inline">
          <input type="checkbox" checked={draft.relink} onChange={(e) => set('relink', e.target.checked)} />
          <span>{t('decisionRelink', { n: selectionCount })}</span>
        </label>
      )}
      <p className="side-note">{t('decisionKeys')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={cancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {draft.id === null ? t('decisionCreate') : t('decisionSave')}
        </button>
      </div>
    </form>
  );
}
