// Transcribe the selected passage again, in another language (a French intervention in an Arabic
// meeting) or with another model. A modal <dialog> like ConfirmDialog: focus stays inside, Escape
// cancels (and stops the engine if it is running). The server replaces the passage's segments in
// one edit that undo reverts (retranscribePassage); the result goes to onDone like any edit's.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ModelInfo } from '../../../shared/api.ts';
import type { Meeting } from '../../../shared/domain.ts';
import type { EditResult } from '../../../shared/edits.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { clock } from '../common/time.ts';

const passageLanguages = ['ar', 'fr', 'en', 'auto'] as const;
type PassageLanguage = (typeof passageLanguages)[number];

export interface RetranscribeDialogProps {
  meeting: Meeting;
  baseVersion: number;
  fromId: string;
  toId: string;
  onDone(result: EditResult): void;
  onCancel(): void;
}

/** The passage from one segment to another in time order, as the server resolves it. */
function passageOf(meeting: Meeting, fromId: string, toId: string): { start: number; end: number; count: number } | null {
  const order = meeting.segments.map((s, k) => ({ s, k })).sort((x, y) => x.s.start - y.s.start || x.k - y.k);
  let from = order.findIndex((x) => x.s.id === fromId);
  let to = order.findIndex((x) => x.s.id === toId);
  if (from < 0 || to < 0) return null;
  if (from > to) [from, to] = [to, from];
  const segs = order.slice(from, to + 1).map((x) => x.s);
  return { start: Math.min(...segs.map((s) => s.start)), end: Math.max(...segs.map((s) => s.end)), count: segs.length };
}

export function RetranscribeDialog(props: RetranscribeDialogProps) {
  const { meeting, baseVersion, fromId, toId, onDone, onCancel } = props;
  const { t, errorMessage } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const [language, setLanguage] = useState<PassageLanguage>('fr');
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [modelId, setModelId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passage = useMemo(() => passageOf(meeting, fromId, toId), [meeting, fromId, toId]);
  // The dialog may close while the engine runs: its answer must not touch an unmounted component.
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      runRef.current?.focus();
    }
  }, []);
  useEffect(
    () => () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    },
    [opener],
  );

  useEffect(() => {
    Promise.all([client.api.listModels({}), client.api.getSettings({})])
      .then(([all, settings]) => {
        if (!live.current) return;
        const installed = all.filter((m) => m.installed);
        setModels(installed);
        setModelId(installed.find((m) => m.id === settings.modelId)?.id ?? installed[0]?.id ?? '');
      })
      .catch((err: unknown) => live.current && setError(errorMessage(err)));
  }, [errorMessage]);

  const run = async () => {
    if (busy || !modelId) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.api.retranscribePassage({ meetingId: meeting.id, baseVersion, fromId, toId, language, modelId });
      if (live.current) onDone(result);
    } catch (err) {
      if (live.current) setError(errorMessage(err));
    } finally {
      if (live.current) setBusy(false);
    }
  };

  const cancel = () => {
    // Stops the engine; the pending request then fails with passage.cancelled, which nobody shows.
    if (busy) void client.api.cancelRetranscription({ meetingId: meeting.id }).catch(() => undefined);
    onCancel();
  };

  const noModel = models !== null && models.length === 0;
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
          value={language}
          options={passageLanguages}
          optionLabel={(l) => t(`lang_${l}`)}
          disabled={busy}
          onChange={setLanguage}
        />
        <label className="field">
          <span>{t('model')}</span>
          <select value={modelId} onChange={(e) => setModelId(e.target.value)} disabled={busy || !models?.length}>
            {(models ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {noModel && <p>{t('noModel')}</p>}
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
        <button ref={runRef} type="button" className="primary" onClick={() => void run()} disabled={busy || !modelId || !passage}>
          {busy ? t('retranscribeRunning') : t('retranscribeRun')}
        </button>
      </div>
    </dialog>
  );
}
