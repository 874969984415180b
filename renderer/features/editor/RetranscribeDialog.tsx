// Transcribe the selected passage again, in another language (a French intervention in an Arabic
// meeting) or with another model. A modal <dialog> like ConfirmDialog: focus stays inside, Escape
// cancels (and stops the engine if it is running). The server replaces the passage's segments in
// one edit that undo reverts (retranscribePassage); the result goes to onDone like any edit's.
import { useId, useMemo, useRef } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import type { EditResult } from '../../../shared/edits.ts';
import { segmentsBetween } from '../../../shared/transcript/passage.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { clock } from '../common/time.ts';
import { useModalDialog } from '../common/useModalDialog.ts';
import { passageLanguages, useRetranscription, type PassageLanguage } from './useRetranscription.ts';

export interface RetranscribeDialogProps {
  meeting: Meeting;
  baseVersion: number;
  fromId: string;
  toId: string;
  onDone(result: EditResult): void;
  onCancel(): void;
}

/** The passage as the server resolves it: where it starts and ends, and how many segments it holds. */
function passageOf(meeting: Meeting, fromId: string, toId: string): { start: number; end: number; count: number } | null {
  const segs = segmentsBetween(meeting.segments, fromId, toId);
  if (!segs) return null;
  return { start: Math.min(...segs.map((s) => s.start)), end: Math.max(...segs.map((s) => s.end)), count: segs.length };
}

export function RetranscribeDialog({ meeting, baseVersion, fromId, toId, onDone, onCancel }: RetranscribeDialogProps) {
  const { t } = useI18n();
  const runRef = useRef<HTMLButtonElement>(null);
  const ref = useModalDialog(runRef);
  const titleId = useId();
  const passage = useMemo(() => passageOf(meeting, fromId, toId), [meeting, fromId, toId]);
  const job = useRetranscription({ meetingId: meeting.id, baseVersion, fromId, toId }, onDone);
  const { models, busy, error } = job;
  const cancel = () => {
    job.stop();
    onCancel();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-busy={busy}
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <h2 id={titleId}>{t('retranscribeTitle')}</h2>
      {passage && <p>{t('retranscribeBody', { from: clock(passage.start), to: clock(passage.end), n: passage.count })}</p>}
      <div className="grid">
        <ChoiceField<PassageLanguage>
          label={t('transcriptionLanguage')}
          value={job.language}
          options={passageLanguages}
          optionLabel={(l) => t(`lang_${l}`)}
          disabled={busy}
          onChange={job.setLanguage}
        />
        <label className="field">
          <span>{t('model')}</span>
          <select value={job.modelId} onChange={(e) => job.setModelId(e.target.value)} disabled={busy || !models?.length}>
            {(models ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {models?.length === 0 && <p>{t('noModel')}</p>}
      {busy && (
        <p role="status">
          <progress aria-label={t('retranscribeRunning')} /> {t('retranscribeRunning')}
        </p>
      )}
      {error && (
        <p className="side-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={cancel}>
          {t('cancel')}
        </button>
        <button ref={runRef} type="button" className="primary" onClick={() => void job.run()} disabled={busy || !job.modelId || !passage}>
          {busy ? t('retranscribeRunning') : t('retranscribeRun')}
        </button>
      </div>
    </dialog>
  );
}
