// One row of the summaries view: on the start side what it summarises (an intervention's passages,
// compact and scrollable; a point's title; the opening or closing), beside it the summary's text
// box and its status in words and colour. What is typed is held in the row and saved as the
// secretary's text by useRowDraft, as a segment's typing is (kept across a reload).
import { memo, type KeyboardEvent } from 'react';
import { actionFor, ariaKeys } from '../../common/keymap.ts';
import { clock } from '../../common/time.ts';
import { useRowDraft } from '../useRowDraft.ts';
import type { SummaryRow as Row } from './summaryRows.ts';
import type { SummariesT } from './summariesText.ts';
import type { SummaryActions } from './useSummaries.ts';

export interface SummaryRowProps {
  row: Row;
  index: number;
  count: number;
  start: number;
  /** The row reached by Tab (the focused one). */
  tabbable: boolean;
  /** What the row is of, in words: the speaker and time, the point's title, opening or closing. */
  title: string;
  /** The text box's accessible name. */
  label: string;
  colour: string | undefined;
  readOnly: boolean;
  canPlay: boolean;
  actions: SummaryActions;
  measure(el: HTMLElement | null): void;
  t: SummariesT;
}

function statusText(row: Row, t: SummariesT): string {
  if (row.status === 'missing') return t('statusMissing');
  if (row.status === 'toCheck') return t('statusToCheck');
  if (row.status === 'checked') return t('statusChecked');
  return row.summary?.model ? t('statusDraft', { model: row.summary.model }) : t('statusDraftUnnamed');
}

function Passages({ row, title, colour, t }: Pick<SummaryRowProps, 'row' | 'title' | 'colour' | 't'>) {
  if (row.kind !== 'intervention') {
    return (
      <div className="sum-source">
        <h3 className="sum-title">{title}</h3>
        {row.kind === 'point' && <p className="sum-count">{t('pointInterventions', { n: row.interventions ?? 0 })}</p>}
      </div>
    );
  }
  return (
    <div className="sum-source">
      <h3 className="sum-title" style={{ color: colour }}>
        {title}
      </h3>
      {/* Scrollable by itself: a long intervention keeps the row short. */}
      <div className="sum-passages" role="group" aria-label={title} tabIndex={-1}>
        {row.segments.map((s) => (
          <p key={s.id} dir="auto">
            <span className="sum-time" dir="ltr">
              {clock(s.start)}
            </span>{' '}
            {s.text}
          </p>
        ))}
      </div>
    </div>
  );
}

function Buttons({ row, readOnly, canPlay, actions, t }: Pick<SummaryRowProps, 'row' | 'readOnly' | 'canPlay' | 'actions' | 't'>) {
  return (
    <span className="sum-buttons">
      {canPlay && row.segments.length > 0 && (
        <button type="button" tabIndex={-1} aria-keyshortcuts={ariaKeys('sumPlay')} onClick={() => actions.play(row.key)}>
          {t('listen')}
        </button>
      )}
      {!readOnly && row.summary && row.status !== 'checked' && (
        <button type="button" tabIndex={-1} aria-keyshortcuts={ariaKeys('sumAccept')} onClick={() => actions.accept(row.key, { written: false, text: false })}>
          {t('accept')}
        </button>
      )}
      {!readOnly && row.summary && (
        <button type="button" tabIndex={-1} aria-keyshortcuts={ariaKeys('sumReject')} onClick={() => actions.reject(row.key)}>
          {t('reject')}
        </button>
      )}
    </span>
  );
}

export const SummaryRow = memo(function SummaryRow(p: SummaryRowProps) {
  const { row, actions, t, readOnly } = p;
  const draft = useRowDraft({ id: row.key, text: row.summary?.text ?? '' }, actions.save, actions.register);
  const statusId = `sum-status-${row.key}`;

  // The text box's keys: Esc back to the row; undo and redo the box's own while typing is unsaved;
  // the view's keys with Ctrl or Alt (plain arrows and Enter type in the box).
  const onTextKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const edit = actionFor('text', e) ?? actionFor('editor', e);
    if (edit?.action === 'leave') {
      e.preventDefault();
      void draft.flush();
      return actions.focus(row.key, false);
    }
    if (edit?.action === 'undo' || edit?.action === 'redo') {
      if (draft.unsaved() || readOnly) return;
      e.preventDefault();
      return edit.action === 'undo' ? actions.undo() : actions.redo();
    }
    if (!(e.ctrlKey || e.metaKey || e.altKey)) return;
    const key = actionFor('summaries', e);
    if (!key) return;
    e.preventDefault();
    if (key.action === 'sumMove' || key.action === 'sumNextUnchecked') actions.move(row.key, key.arg!, { text: true, unchecked: key.action === 'sumNextUnchecked' });
    else if (key.action === 'sumPlay') actions.play(row.key);
    else if (readOnly) return;
    else if (key.action === 'sumReject') actions.reject(row.key);
    else if (key.action === 'sumAccept') {
      if (!draft.text.trim()) return actions.emptyRefused();
      const written = draft.unsaved();
      void draft.flush().then(() => actions.accept(row.key, { written, text: true }));
    }
  };

  return (
    <div
      role="listitem"
      aria-posinset={p.index + 1}
      aria-setsize={p.count}
      aria-label={p.title}
      tabIndex={p.tabbable ? 0 : -1}
      data-index={p.index}
      data-key={row.key}
      data-status={row.status}
      ref={p.measure}
      className={`sum-row sum-${row.kind} sum-is-${row.status}`}
      style={{ transform: `translateY(${p.start}px)`, borderInlineStartColor: p.colour }}
      onFocus={() => actions.seen(row.key)}
    >
      <Passages row={row} title={p.title} colour={p.colour} t={t} />
      <div className="sum-body">
        <textarea
          className="sum-text"
          dir="auto"
          rows={3}
          value={draft.text}
          readOnly={readOnly}
          aria-label={p.label}
          aria-describedby={statusId}
          onChange={(e) => draft.type(e.target.value)}
          onBlur={() => void draft.flush()}
          onKeyDown={onTextKey}
        />
        <div className="sum-foot">
          <span id={statusId} className={`sum-status ${row.status}`}>
            {statusText(row, t)}
          </span>
          <Buttons row={row} readOnly={readOnly} canPlay={p.canPlay} actions={actions} t={t} />
        </div>
        {row.others.map((o) => (
          <p key={o.id} className="sum-others" dir="auto">
            {t('others', { text: o.text })}
          </p>
        ))}
      </div>
    </div>
  );
});
