// The review editor's list of segments: a grid whose rows (SegmentRow) are only those in view
// (useSegmentScroll), each told whether it is selected, focused, playing, heads an intervention,
// and where the search matched in it.
import type { KeyboardEvent } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import type { EditorT } from './editorText.ts';
import { SegmentRow, type RowActions } from './SegmentRow.tsx';
import type { Search } from './useSearch.ts';
import type { SegmentScroll } from './useSegmentScroll.ts';
import type { Selection } from './useSelection.ts';

export interface SegmentListProps {
  t: EditorT;
  visible: readonly Segment[];
  names: ReadonlyMap<string, string>;
  colours: Record<string, string>;
  selection: Pick<Selection, 'has' | 'focusIdx'>;
  playingId: string | null;
  search: Pick<Search, 'matches' | 'currentMatch'>;
  readOnly: boolean;
  actions: RowActions;
  scroll: SegmentScroll;
  onKeyDown(e: KeyboardEvent): void;
}

/** The speaker's name when `i` starts an intervention ('' when it has no speaker); undefined inside a run. */
function runHead(visible: readonly Segment[], i: number, names: ReadonlyMap<string, string>): string | undefined {
  const seg = visible[i]!;
  const prev = i > 0 ? visible[i - 1] : undefined;
  if (prev && (prev.speakerId ?? null) === (seg.speakerId ?? null)) return undefined;
  return seg.speakerId ? (names.get(seg.speakerId) ?? '') : '';
}

export function SegmentList({ t, visible, names, colours, selection, playingId, search, readOnly, actions, scroll, onKeyDown }: SegmentListProps) {
  const { scrollRef, virtualizer, userScrolled, listHeight } = scroll;
  const { focusIdx } = selection;
  return (
    <div ref={scrollRef} className="seg-scroll" style={listHeight ? { height: listHeight } : undefined} onWheel={userScrolled} onTouchMove={userScrolled} onPointerDown={(e) => e.target === e.currentTarget && userScrolled()}>
      <div role="grid" aria-label={t('segmentsGrid')} aria-multiselectable="true" aria-readonly={readOnly} aria-rowcount={visible.length} className="seg-grid" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {virtualizer.getVirtualItems().map((v) => {
          const seg = visible[v.index]!;
          return (
            <SegmentRow
              key={v.key}
              seg={seg}
              index={v.index}
              start={v.start}
              selected={selection.has.has(seg.id)}
              active={v.index === focusIdx}
              tabbable={v.index === Math.max(0, focusIdx)}
              playing={seg.id === playingId}
              head={runHead(visible, v.index, names)}
              colour={seg.speakerId ? colours[seg.speakerId] : undefined}
              matches={search.matches?.bySeg.get(seg.id)}
              currentMatch={search.currentMatch?.id === seg.id ? search.currentMatch.range : undefined}
              readOnly={readOnly}
              actions={actions}
              measure={virtualizer.measureElement}
              t={t}
            />
          );
        })}
      </div>
    </div>
  );
}
