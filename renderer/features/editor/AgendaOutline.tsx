// The agenda in the review editor's side panel: each item with where its passages start in the
// recording (a button that jumps there) and how many there are, and a button that assigns the
// selected passages to it (one setAgendaItem command). The minutes group the proceedings by these
// assignments (shared/minutes/build.ts). Standalone: everything comes in through the props.
import { useId, useMemo } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { MAX_RANGE_IDS } from '../../../shared/edits.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';
import { titledAgenda, type SidePanelProps } from './sidePanelProps.ts';
import { usePanelEdit } from './usePanelEdit.ts';
import './decisions-agenda.css';

export type AgendaOutlineProps = SidePanelProps;

/** An agenda item's first passage in time order, and how many passages it holds. */
type ItemStart = { first: { id: string; start: number }; count: number };

function whereItemsStart(meeting: Meeting): Map<string, ItemStart> {
  const out = new Map<string, ItemStart>();
  for (const s of meeting.segments) {
    if (!s.agendaItemId) continue;
    const at = out.get(s.agendaItemId);
    if (!at) out.set(s.agendaItemId, { first: { id: s.id, start: s.start }, count: 1 });
    else {
      at.count++;
      if (s.start < at.first.start) at.first = { id: s.id, start: s.start };
    }
  }
  return out;
}

export function AgendaOutline({ meeting, selection, readOnly, onEdit, onJump }: AgendaOutlineProps) {
  const { t } = useI18n();
  const uid = useId();
  const { busy, error, run } = usePanelEdit(onEdit);
  const starts = useMemo(() => whereItemsStart(meeting), [meeting]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const selectionHasPoint = meeting.segments.some((s) => selected.has(s.id) && s.agendaItemId);

  const assign = async (agendaItemId: string | null) => {
    if (!selection.length || busy) return;
    // A selection longer than one command may name is sent as its first and last passage
    // (the selection is in time order, and so long a one is a shift-click span).
    const range = selection.length <= MAX_RANGE_IDS ? { ids: selection } : { fromId: selection[0]!, toId: selection[selection.length - 1]! };
    await run({ type: 'setAgendaItem', range, agendaItemId });
  };

  const items = titledAgenda(meeting);
  return (
    <section className="side-panel agenda-outline" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('agendaOutlineTitle')}</h2>
      {error && (
        <p className="side-error" role="alert">
          {error}
        </p>
      )}
      {!readOnly && items.length > 0 && selection.length === 0 && <p className="side-note">{t('agendaSelectHint')}</p>}
      {items.length === 0 ? (
        <p className="empty">{t('agendaNoItems')}</p>
      ) : (
        <ol className="side-list">
          {items.map((a, i) => (
            <AgendaItemRow key={a.id} number={i + 1} title={a.title} titleId={`${uid}-item-${i}`} at={starts.get(a.id)} selected={selection.length} readOnly={readOnly} busy={busy} onJump={onJump} onAssign={() => void assign(a.id)} />
          ))}
        </ol>
      )}
      {!readOnly && selectionHasPoint && (
        <button type="button" disabled={busy} onClick={() => void assign(null)}>
          {t('agendaClear', { n: selection.length })}
        </button>
      )}
    </section>
  );
}

/** One agenda item: where its passages start (a button that jumps there), how many, and the assign button. */
function AgendaItemRow(p: { number: number; title: string; titleId: string; at: ItemStart | undefined; selected: number; readOnly: boolean; busy: boolean; onJump(segmentId: string): void; onAssign(): void }) {
  const { t } = useI18n();
  const { at, titleId } = p;
  return (
    <li className="side-item">
      <div className="side-item-head">
        <span className="side-number">{p.number}.</span>
        <span id={titleId} className="agenda-outline-title" dir="auto">
          {p.title}
        </span>
      </div>
      {at ? (
        <div className="side-actions">
          <button type="button" className="link agenda-outline-time" aria-describedby={titleId} onClick={() => p.onJump(at.first.id)}>
            {t('agendaStartsAt', { time: clock(at.first.start) })}
          </button>
          <span className="side-note">{t('agendaPassages', { n: at.count })}</span>
        </div>
      ) : (
        <p className="side-note">{t('agendaNotAssigned')}</p>
      )}
      {!p.readOnly && (
        <div className="side-actions">
          <button type="button" disabled={p.busy || p.selected === 0} aria-describedby={titleId} onClick={p.onAssign}>
            {t('agendaAssign', { n: p.selected })}
          </button>
        </div>
      )}
    </li>
  );
}

export default AgendaOutline;
