// The summaries view's list: only the rows in view exist (a 3-hour meeting has some 150
// interventions, each with its passages), the focused row kept rendered while scrolled away (its
// focus and unsaved typing live there). A request to focus a row scrolls to it and focuses it
// once it is rendered. The list takes the height the window leaves. The keys of a focused row (scope 'summaries') are handled here; a row's
// text box handles its own (SummaryRow).
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type DependencyList, type KeyboardEvent, type RefObject } from 'react';
import type { Meeting } from '../../../../shared/domain.ts';
import { actionFor } from '../../common/keymap.ts';
import { clock } from '../../common/time.ts';
import type { EditorT } from '../editorText.ts';
import { useFillHeight } from '../useSegmentScroll.ts';
import type { SummaryRow as Row } from './summaryRows.ts';
import { SummaryRow } from './SummaryRow.tsx';
import type { SummariesT } from './summariesText.ts';
import type { SummariesState, SummaryActions } from './useSummaries.ts';

export interface SummaryListProps {
  state: SummariesState;
  meeting: Meeting;
  names: ReadonlyMap<string, string>;
  colours: Record<string, string>;
  readOnly: boolean;
  canPlay: boolean;
  t: SummariesT;
  edT: EditorT;
  /** What is shown above the list: its height is measured again when one changes. */
  above: DependencyList;
}

function useRows(rows: readonly Row[], focusIdx: number, scrollRef: RefObject<HTMLDivElement | null>) {
  const rangeExtractor = useCallback(
    (range: Range) => {
      const out = defaultRangeExtractor(range);
      if (focusIdx < range.count && !out.includes(focusIdx)) out.push(focusIdx);
      return out.sort((a, b) => a - b);
    },
    [focusIdx],
  );
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  return useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 150, overscan: 3, getItemKey, rangeExtractor });
}

/** Serves a focus request: scrolls to the row, then focuses it (or its text box) once rendered. */
function useFocusRequest(state: SummariesState, scrollRef: RefObject<HTMLDivElement | null>, virtualizer: Virtualizer<HTMLDivElement, Element>) {
  const { request, setRequest, rows } = state;
  useEffect(() => {
    if (!request) return;
    const i = rows.findIndex((r) => r.key === request.key);
    if (i < 0) return setRequest(null);
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(request.key)}"]`);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    if (!el) return;
    (request.text ? (el.querySelector('textarea') ?? el) : el).focus({ preventScroll: true });
    setRequest(null);
  });
}

/** The keys of a focused row; those typed in its text box or on its buttons are theirs. */
function rowKeyHandler(actions: SummaryActions, readOnly: boolean) {
  return (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    const key = el.getAttribute('role') === 'listitem' ? actionFor('summaries', e) : null;
    const rowKey = el.dataset.key;
    if (!key || !rowKey) return;
    e.preventDefault();
    if (key.action === 'sumMove') actions.move(rowKey, key.arg!, { text: false });
    else if (key.action === 'sumNextUnchecked') actions.move(rowKey, key.arg!, { text: false, unchecked: true });
    else if (key.action === 'sumEdit') actions.focus(rowKey, true);
    else if (key.action === 'sumPlay') actions.play(rowKey);
    else if (readOnly) return;
    else if (key.action === 'sumAccept') actions.accept(rowKey, { written: false, text: false });
    else if (key.action === 'sumReject') actions.reject(rowKey);
  };
}

/** What a row is of (its heading) and its text box's name. */
function describe(row: Row, p: Pick<SummaryListProps, 'meeting' | 'names' | 't' | 'edT'>): { title: string; label: string } {
  const { t } = p;
  if (row.kind === 'opening' || row.kind === 'closing') return { title: t(row.kind), label: t(row.kind) };
  if (row.kind === 'point') {
    const n = p.meeting.agenda.findIndex((a) => a.id === row.agendaItemId);
    const title = n >= 0 ? t('pointTitle', { n: n + 1, title: p.meeting.agenda[n]!.title }) : t('otherBusiness');
    return { title, label: t('pointSummary', { title }) };
  }
  const speaker = (row.speakerId && p.names.get(row.speakerId)) || p.edT('noSpeaker');
  const time = clock(row.segments[0]?.start ?? 0);
  return { title: t('intervention', { speaker, time }), label: t('summaryOf', { speaker, time }) };
}

export function SummaryList(p: SummaryListProps) {
  const { state, t, readOnly } = p;
  const { rows, focusIdx, actions } = state;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useRows(rows, focusIdx, scrollRef);
  useFocusRequest(state, scrollRef, virtualizer);
  // As tall as the window leaves room for, so that the player and the counter stay in view.
  const height = useFillHeight(scrollRef, p.above);
  return (
    <div ref={scrollRef} className="sum-scroll" style={height ? { height } : undefined}>
      <div role="list" aria-label={t('summariesList')} className="sum-grid" style={{ height: virtualizer.getTotalSize() }} onKeyDown={rowKeyHandler(actions, readOnly)}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          const { title, label } = describe(row, p);
          return (
            <SummaryRow
              key={v.key}
              measure={virtualizer.measureElement}
              actions={actions}
              t={t}
              row={row}
              index={v.index}
              count={rows.length}
              start={v.start}
              tabbable={v.index === focusIdx}
              title={title}
              label={label}
              colour={row.speakerId ? p.colours[row.speakerId] : undefined}
              readOnly={readOnly}
              canPlay={p.canPlay}
            />
          );
        })}
      </div>
    </div>
  );
}
