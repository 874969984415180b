// The decisions of a meeting, in the review editor's side panel: the list (kind, text, owner,
// deadline, vote, a link back to the passage it was drawn from), and a form to create one from
// the selected passages, edit or delete it. Every change goes out as one edit command through
// onEdit; the panel holds no copy of the meeting, so it shows whatever the editor passes in.
// Where the meeting type records nominal votes (a council session), the voters are picked from
// the participants present and the counts are taken from them; an agreement lists its signatories.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { decisionKinds, voteSides, type Decision, type Meeting, type Signatory, type Vote, type Voters } from '../../../shared/domain.ts';
import type { EditInput } from '../../../shared/edits.ts';
import { formatDeadline, parseIsoDate } from '../../../shared/minutes/dates.ts';
import { decisionDetails } from '../../../shared/minutes/decisions.ts';
import { minutesLabels } from '../../../shared/minutes/labels.ts';
import { minutesTemplates } from '../../../shared/minutes/template.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { SignatoriesEditor, type SignatoryDraft } from './SignatoriesEditor.tsx';
import { VotersPicker, votersOffered, type VoterChoices } from './VotersPicker.tsx';
import './decisions-agenda.css';

export interface DecisionsPanelProps {
  meeting: Meeting;
  /** Selected segment ids, in time order. */
  selection: string[];
  readOnly: boolean;
  onEdit(edit: EditInput): Promise<void>;
  onJump(segmentId: string): void;
}

type VoteChoice = 'none' | 'unanimous' | 'counts';

interface Draft {
  /** null: a new decision from the selection. */
  id: string | null;
  kind: Decision['kind'];
  text: string;
  owner: string;
  deadline: string;
  vote: VoteChoice;
  for: string;
  against: string;
  abstain: string;
  /** A nominal vote: the counts are those of `voters`. */
  named: boolean;
  voters: VoterChoices;
  /** Agreements only. */
  signatories: SignatoryDraft[];
  /** Editing only: cite the selected passages instead of the ones it cites now. */
  relink: boolean;
}

const emptyChoices: VoterChoices = {};

/** The choices of a nominal vote, per participant. */
function choicesOf(voters: Voters | undefined): VoterChoices {
  const out: Record<string, (typeof voteSides)[number]> = {};
  if (voters) for (const side of voteSides) for (const id of voters[side]) out[id] = side;
  return out;
}

/** The names of a nominal vote, in the order of the participants (as the minutes print them). */
function votersOf(meeting: Meeting, choices: VoterChoices): Voters {
  const voters: Voters = { for: [], against: [], abstain: [] };
  for (const p of meeting.participants) {
    const side = choices[p.id];
    if (side) voters[side].push(p.id);
  }
  return voters;
}

/** The selected passages' text, in time order, as the first wording of the decision. */
function selectedText(meeting: Meeting, selection: readonly string[]): string {
  const chosen = new Set(selection);
  return meeting.segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => chosen.has(s.id))
    .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
    .map(({ s }) => s.text.trim())
    .filter(Boolean)
    .join(' ');
}

/** The form for a decision as recorded; a vote not recorded yet starts named where the meeting type names voters. */
function draftOf(d: Decision, nameVoters: boolean): Draft {
  const v = d.vote ?? null;
  return {
    id: d.id,
    kind: d.kind,
    text: d.text,
    owner: d.owner,
    deadline: d.deadline,
    vote: v ? v.kind : 'none',
    for: v?.kind === 'counts' ? String(v.for) : '',
    against: v?.kind === 'counts' ? String(v.against) : '',
    abstain: v?.kind === 'counts' ? String(v.abstain) : '',
    named: v?.kind === 'counts' ? !!v.voters : nameVoters,
    voters: choicesOf(v?.kind === 'counts' ? v.voters : undefined),
    signatories: (d.signatories ?? []).map((s) => ({ participantId: s.participantId, capacity: s.capacity ?? '' })),
    relink: false,
  };
}

/** A count as typed: empty is 0; anything but a whole number from 0 is refused (null). */
function count(s: string): number | null {
  const t = s.trim();
  if (t === '') return 0;
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}

/** The first passage a decision cites, in time order: where "go to passage" leads. */
function firstPassage(meeting: Meeting, d: Decision): string | null {
  const cited = new Set(d.segmentIds);
  let best: { id: string; start: number } | null = null;
  for (const s of meeting.segments) if (cited.has(s.id) && (!best || s.start < best.start)) best = { id: s.id, start: s.start };
  return best?.id ?? null;
}

export function DecisionsPanel({ meeting, selection, readOnly, onEdit, onJump }: DecisionsPanelProps) {
  const { t, lang, errorMessage } = useI18n();
  const labels = minutesLabels[lang];
  const template = minutesTemplates[meeting.type];
  const uid = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<Decision | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // The button that opened the form or the dialog, by its data-focus key: the form replaces it
  // while open, so focus goes back to the button drawn anew, or to the heading if it is gone.
  const opener = useRef<string | null>(null);

  const restoreFocus = () => {
    const key = opener.current;
    opener.current = null;
    if (!key) return;
    // After React has drawn the list again.
    setTimeout(() => {
      const root = sectionRef.current;
      const el = root?.querySelector<HTMLElement>(`[data-focus="${key}"]:not(:disabled)`) ?? root?.querySelector<HTMLElement>('h2');
      el?.focus();
    }, 0);
  };

  const run = async (edit: EditInput): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await onEdit(edit);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const openCreate = () => {
    opener.current = 'create';
    setError(null);
    setDraft({
      id: null,
      kind: 'decision',
      text: selectedText(meeting, selection),
      owner: '',
      deadline: '',
      vote: 'none',
      for: '',
      against: '',
      abstain: '',
      // A council names its voters: the form starts that way there.
      named: template.nominalVotes,
      voters: emptyChoices,
      signatories: [],
      relink: false,
    });
  };

  const openEdit = (d: Decision) => {
    opener.current = `edit-${d.id}`;
    setError(null);
    setDraft(draftOf(d, template.nominalVotes));
  };

  const cancel = () => {
    setDraft(null);
    setError(null);
    restoreFocus();
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!draft || busy) return;
    const text = draft.text.trim();
    if (!text) return setError(t('decisionTextEmpty'));
    let vote: Vote | null = null;
    if (draft.vote === 'unanimous') vote = { kind: 'unanimous' };
    if (draft.vote === 'counts' && template.nominalVotes && draft.named) {
      // Names given: the counts are derived from them, never typed beside them.
      const voters = votersOf(meeting, draft.voters);
      if (!voters.for.length && !voters.against.length && !voters.abstain.length) return setError(t('votersNone'));
      vote = { kind: 'counts', for: voters.for.length, against: voters.against.length, abstain: voters.abstain.length, voters };
    } else if (draft.vote === 'counts') {
      const [f, a, ab] = [count(draft.for), count(draft.against), count(draft.abstain)];
      if (f === null || a === null || ab === null) return setError(t('voteCountsInvalid'));
      vote = { kind: 'counts', for: f, against: a, abstain: ab };
    }
    const agreement = draft.kind === 'agreement';
    if (agreement && draft.signatories.some((s) => !s.participantId)) return setError(t('signatoryNone'));
    const signatories: Signatory[] = agreement
      ? draft.signatories.map((s) => (s.capacity.trim() ? { participantId: s.participantId, capacity: s.capacity.trim() } : { participantId: s.participantId }))
      : [];
    const before = draft.id === null ? undefined : meeting.decisions.find((d) => d.id === draft.id);
    // Signatories are sent when there are some, or to clear those of a decision that had some
    // (an agreement turned into another kind): a decision that never had any keeps no field.
    const fields = {
      kind: draft.kind,
      text,
      owner: draft.owner.trim(),
      deadline: draft.deadline.trim(),
      vote,
      ...(signatories.length || before?.signatories?.length ? { signatories } : {}),
    };
    const ok =
      draft.id === null
        ? await run({ type: 'createDecision', decision: { ...fields, segmentIds: selection.slice(0, 1000) } })
        : await run({
            type: 'updateDecision',
            decisionId: draft.id,
            changes: draft.relink && selection.length ? { ...fields, segmentIds: selection.slice(0, 1000) } : fields,
          });
    if (ok) {
      setDraft(null);
      restoreFocus();
    }
  };

  const confirmDelete = async () => {
    const d = toDelete;
    setToDelete(null);
    if (d) await run({ type: 'deleteDecision', decisionId: d.id });
    restoreFocus();
  };

  // Enter saves from any field (Shift+Enter is a new line in the text); Escape cancels.
  const onFormKey = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.target instanceof HTMLTextAreaElement) {
      e.preventDefault();
      void submit();
    }
  };

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const editingIndex = draft?.id ? meeting.decisions.findIndex((d) => d.id === draft.id) : -1;
  const named = !!draft && draft.vote === 'counts' && template.nominalVotes && draft.named;
  const id = (name: string) => `${uid}-${name}`;

  const form = draft && (
    <form className="side-form" aria-labelledby={id('form-title')} onSubmit={submit} onKeyDown={onFormKey}>
      <h3 id={id('form-title')}>{draft.id === null ? t('decisionNew') : t('decisionEditTitle', { n: editingIndex + 1 })}</h3>
      <div className="field">
        <label htmlFor={id('kind')}>{t('decisionKind')}</label>
        <select id={id('kind')} value={draft.kind} onChange={(e) => set('kind', e.target.value as Decision['kind'])}>
          {decisionKinds.map((k) => (
            <option key={k} value={k}>
              {labels.decisionKinds[k]}
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
          <input
            id={id('date')}
            type="date"
            value={parseIsoDate(draft.deadline.trim()) ? draft.deadline.trim() : ''}
            onChange={(e) => set('deadline', e.target.value)}
          />
        </div>
      </div>
      {parseIsoDate(draft.deadline.trim()) && <p className="side-note">{formatDeadline(draft.deadline.trim(), lang)}</p>}
      <fieldset className="side-vote">
        <legend>{t('decisionVote')}</legend>
        {(['none', 'unanimous', 'counts'] as const).map((v) => (
          <label key={v} className="field inline">
            <input type="radio" name={id('vote')} value={v} checked={draft.vote === v} onChange={() => set('vote', v)} />
            <span>{t(v === 'none' ? 'voteNone' : v === 'unanimous' ? 'voteUnanimous' : 'voteCounts')}</span>
          </label>
        ))}
        {draft.vote === 'counts' && template.nominalVotes && (
          <label className="field inline">
            <input type="checkbox" checked={draft.named} onChange={(e) => set('named', e.target.checked)} />
            <span>{t('voteNamed')}</span>
          </label>
        )}
        {draft.vote === 'counts' && (
          <div className="side-form-row">
            {voteSides.map((k) => (
              <div key={k} className="field">
                <label htmlFor={id(k)}>{t(k === 'for' ? 'voteFor' : k === 'against' ? 'voteAgainst' : 'voteAbstain')}</label>
                {named ? (
                  // Derived from the names below: shown, not typed.
                  <input id={id(k)} type="number" readOnly aria-describedby={id('named-hint')} value={votersOf(meeting, draft.voters)[k].length} />
                ) : (
                  <input id={id(k)} type="number" min={0} max={100000} step={1} inputMode="numeric" value={draft[k]} onChange={(e) => set(k, e.target.value)} />
                )}
              </div>
            ))}
          </div>
        )}
        {named && (
          <>
            <p id={id('named-hint')} className="side-note">
              {t('voteNamedHint')}
            </p>
            <VotersPicker people={votersOffered(meeting.participants, draft.voters)} value={draft.voters} onChange={(v) => set('voters', v)} idPrefix={uid} />
          </>
        )}
      </fieldset>
      {draft.kind === 'agreement' && (
        <SignatoriesEditor participants={meeting.participants} value={draft.signatories} onChange={(v) => set('signatories', v)} idPrefix={uid} />
      )}
      {draft.id !== null && selection.length > 0 && (
        <label className="field inline">
          <input type="checkbox" checked={draft.relink} onChange={(e) => set('relink', e.target.checked)} />
          <span>{t('decisionRelink', { n: selection.length })}</span>
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

  return (
    <section ref={sectionRef} className="side-panel decisions-panel" aria-labelledby={id('title')}>
      <h2 id={id('title')} tabIndex={-1}>{t('decisionsTitle')}</h2>
      {!readOnly && !draft && (
        <>
          <button type="button" className="primary" disabled={busy || selection.length === 0} data-focus="create" onClick={openCreate}>
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
          {meeting.decisions.map((d, i) => {
            const passage = firstPassage(meeting, d);
            const textId = id(`text-${i}`);
            const details = decisionDetails(d, meeting.participants, labels, template);
            if (draft?.id === d.id) return <li key={d.id}>{form}</li>;
            return (
              <li key={d.id} className="side-item">
                <div className="side-item-head">
                  <span className="side-number">{i + 1}.</span>
                  <span className="side-kind">{labels.decisionKinds[d.kind]}</span>
                </div>
                <p id={textId} className="side-text" dir="auto">
                  {d.text}
                </p>
                <dl className="side-facts">
                  {d.owner.trim() && (
                    <div>
                      <dt>{t('decisionOwner')}</dt>
                      <dd dir="auto">{d.owner}</dd>
                    </div>
                  )}
                  {d.deadline.trim() && (
                    <div>
                      <dt>{t('decisionDeadlineShort')}</dt>
                      <dd dir="auto">{formatDeadline(d.deadline, lang)}</dd>
                    </div>
                  )}
                  {details.vote.length > 0 && (
                    <div>
                      <dt>{t('decisionVote')}</dt>
                      <dd className="side-lines">{details.vote.join('\n')}</dd>
                    </div>
                  )}
                  {details.signing.length > 0 && (
                    <div>
                      <dt>{t('decisionSignatories')}</dt>
                      {/* The first line is the minutes' heading, which the term already says. */}
                      <dd className="side-lines">{details.signing.slice(1).join('\n')}</dd>
                    </div>
                  )}
                </dl>
                <div className="side-actions">
                  {passage && (
                    <button type="button" className="link" aria-describedby={textId} onClick={() => onJump(passage)}>
                      {t('goToPassage')}
                    </button>
                  )}
                  {!readOnly && (
                    <>
                      <button type="button" disabled={busy || draft !== null} aria-describedby={textId} data-focus={`edit-${d.id}`} onClick={() => openEdit(d)}>
                        {t('editItem')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        disabled={busy || draft !== null}
                        aria-describedby={textId}
                        data-focus={`delete-${d.id}`}
                        onClick={() => {
                          opener.current = `delete-${d.id}`;
                          setToDelete(d);
                        }}
                      >
                        {t('delete')}
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {toDelete && (
        <ConfirmDialog
          title={t('decisionDeleteTitle')}
          body={t('decisionDeleteBody', { text: toDelete.text.length > 120 ? `${toDelete.text.slice(0, 120)}…` : toDelete.text })}
          confirmLabel={t('delete')}
          danger
          onConfirm={() => void confirmDelete()}
          onCancel={() => {
            setToDelete(null);
            restoreFocus();
          }}
        />
      )}
    </section>
  );
}

export default DecisionsPanel;
