// One segment of the review editor: its time (click to hear it), the speaker's name at the head
// of each intervention, and its text, edited in place. What is typed is held in the row and
// saved by useRowDraft: only this row renders while the secretary types. The engine's doubtful
// words (shared/transcript/doubtful.ts) are underlined in the layer under the box, except while
// the box has the focus or holds typing (the underline would no longer sit under its word).
import { memo, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import { doubtfulRanges } from '../../../shared/transcript/doubtful.ts';
import type { TextRange } from '../../../shared/text/find.ts';
import { actionFor } from '../common/keymap.ts';
import { clock } from '../common/time.ts';
import type { EditorT } from './editorText.ts';
import type { SaveOutcome } from './useEdits.ts';
import { useRowDraft } from './useRowDraft.ts';

/** What rows call back into the editor; one stable object (rows are memoised). */
export interface RowActions {
  mouseDown(id: string, e: MouseEvent): void;
  play(id: string): void;
  focusText(id: string): void;
  /** `leaving`: the page is going away; sent so that it outlives the page (useEdits.applyOnLeave). */
  saveText(id: string, text: string, leaving?: boolean): Promise<SaveOutcome>;
  /** A row's pending typing, saved now (undo, split and leaving wait for it). */
  register(id: string, flush: (leaving?: boolean) => Promise<void>): () => void;
  caret(id: string, at: number): void;
  undo(): void;
  redo(): void;
  split(id: string, at: number): void;
  toRow(id: string): void;
}

export interface SegmentRowProps {
  seg: Segment;
  index: number;
  start: number;
  selected: boolean;
  active: boolean;
  /** The row reached by Tab (the focused one, or the first). */
  tabbable: boolean;
  playing: boolean;
  /** The speaker's name when this row starts an intervention; undefined inside a run. */
  head: string | undefined;
  colour: string | undefined;
  matches: readonly TextRange[] | undefined;
  currentMatch: TextRange | undefined;
  readOnly: boolean;
  actions: RowActions;
  measure(el: HTMLElement | null): void;
  t: EditorT;
}

function Highlights({ text, matches, current, doubtful }: { text: string; matches: readonly TextRange[]; current: TextRange | undefined; doubtful: readonly TextRange[] }) {
  // The text cut at every edge of a match or a doubtful word; each piece marked as what covers it.
  const cuts = [...new Set([0, text.length, ...matches.flatMap((r) => [r.start, r.end]), ...doubtful.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const parts: React.ReactNode[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k]!, cuts[k + 1]!];
    let piece: React.ReactNode = text.slice(a, b);
    if (doubtful.some((r) => r.start <= a && b <= r.end)) piece = <span className="doubtful">{piece}</span>;
    const m = matches.find((r) => r.start <= a && b <= r.end);
    if (m) piece = <mark className={current && current.start === m.start ? 'current' : undefined}>{piece}</mark>;
    parts.push(<span key={a}>{piece}</span>);
  }
  // A final newline needs something after it to take up its line, as in the textarea.
  return <>{parts}{'\u200b'}</>;
}

type SegmentTextProps = Pick<SegmentRowProps, 'seg' | 'matches' | 'currentMatch' | 'readOnly' | 'actions' | 't'> & { time: string };

/** The segment's text box, with the search matches and doubtful words in the layer under it. */
function SegmentText({ seg, matches, currentMatch, readOnly, actions, t, time }: SegmentTextProps) {
  const draft = useRowDraft(seg, actions.saveText, actions.register);
  const [focused, setFocused] = useState(false);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const key = actionFor('text', e) ?? actionFor('editor', e);
    if (key?.action === 'undo' || key?.action === 'redo') {
      // While typing is unsaved, the box's own undo; once saved, the journal's.
      if (draft.unsaved() || readOnly) return;
      e.preventDefault();
      if (key.action === 'redo') actions.redo();
      else actions.undo();
    } else if (key?.action === 'split') {
      e.preventDefault();
      const at = e.currentTarget.selectionStart;
      void draft.flush().then(() => actions.split(seg.id, at));
    } else if (key?.action === 'leave') {
      e.preventDefault();
      void draft.flush();
      actions.toRow(seg.id);
    }
  };

  // Shown on the engine's text only: not while it is being typed over.
  const doubtful = useMemo(() => doubtfulRanges(seg), [seg.text, seg.edited, seg.wordConfidence]);
  const showDoubt = doubtful.length > 0 && !focused && draft.text === seg.text;
  const doubtHint = showDoubt ? t('doubtfulHint', { words: doubtful.map((r) => seg.text.slice(r.start, r.end)).join('، ') }) : undefined;
  const hasMatches = !!matches && matches.length > 0;
  return (
    <div className="seg-text-wrap">
      {(hasMatches || showDoubt) && (
        <div className="seg-backdrop" dir="auto" aria-hidden="true">
          <Highlights text={draft.text} matches={matches ?? []} current={currentMatch} doubtful={showDoubt ? doubtful : []} />
        </div>
      )}
      {/* Out of the Tab order (Enter or a click edits): Tab goes from the list to the side panel, not through every row's box. */}
      <textarea
        className="seg-text"
        tabIndex={-1}
        dir="auto"
        rows={1}
        value={draft.text}
        readOnly={readOnly}
        aria-label={t('segmentText', { time })}
        aria-description={doubtHint}
        title={doubtHint}
        data-doubtful={showDoubt ? doubtful.length : undefined}
        onChange={(e) => draft.type(e.target.value)}
        onFocus={() => {
          setFocused(true);
          actions.focusText(seg.id);
        }}
        onBlur={() => {
          setFocused(false);
          void draft.flush();
        }}
        onSelect={(e) => actions.caret(seg.id, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

export const SegmentRow = memo(function SegmentRow(p: SegmentRowProps) {
  const { seg, actions, t } = p;
  const className = ['seg-row', p.selected && 'selected', p.active && 'active', p.playing && 'playing', p.head !== undefined && 'run-head']
    .filter(Boolean)
    .join(' ');
  const time = clock(seg.start);
  return (
    <div
      role="row"
      aria-rowindex={p.index + 1}
      aria-selected={p.selected}
      tabIndex={p.tabbable ? 0 : -1}
      data-index={p.index}
      data-seg={seg.id}
      ref={p.measure}
      className={className}
      style={{ transform: `translateY(${p.start}px)`, borderInlineStartColor: p.colour }}
      onMouseDown={(e) => actions.mouseDown(seg.id, e)}
    >
      <div role="gridcell" className="seg-meta">
        {/* The row's mousedown already selects and plays; the button is for assistive technology. */}
        <button type="button" className="seg-play" tabIndex={-1} aria-label={t('playSegment', { time })} onClick={(e) => e.detail === 0 && actions.play(seg.id)}>
          <span dir="ltr">{time}</span>
        </button>
      </div>
      <div role="gridcell" className="seg-body">
        {p.head !== undefined && (
          <div className="seg-head" style={{ color: p.colour }}>
            {p.head || t('noSpeaker')}
          </div>
        )}
        <SegmentText seg={seg} matches={p.matches} currentMatch={p.currentMatch} readOnly={p.readOnly} actions={actions} t={t} time={time} />
      </div>
    </div>
  );
});
