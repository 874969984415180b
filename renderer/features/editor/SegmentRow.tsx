// One segment of the review editor: its time (click to hear it), the speaker's name at the head
// of each intervention, and its text, edited in place. What is typed is held here and saved as
// setText 400 ms after the last key, and at once when the box is left: nothing typed is lost,
// and a save that fails is tried again. Only this row renders while the secretary types.
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import type { TextRange } from '../../../shared/text/find.ts';
import { clock } from '../transcript/time.ts';
import type { EditorT } from './editorText.ts';
import type { SaveOutcome } from './useEdits.ts';

export const SAVE_DELAY_MS = 400;
const RETRY_MS = 2000;

/** What rows call back into the editor; one stable object (rows are memoised). */
export interface RowActions {
  mouseDown(id: string, e: MouseEvent): void;
  play(id: string): void;
  focusText(id: string): void;
  saveText(id: string, text: string): Promise<SaveOutcome>;
  /** A row's pending typing, saved now (undo, split and leaving wait for it). */
  register(id: string, flush: () => Promise<void>): () => void;
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

function Highlights({ text, matches, current }: { text: string; matches: readonly TextRange[]; current: TextRange | undefined }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  matches.forEach((r, i) => {
    parts.push(text.slice(last, r.start));
    parts.push(
      <mark key={i} className={current && current.start === r.start ? 'current' : undefined}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    last = r.end;
  });
  parts.push(text.slice(last));
  // A final newline needs something after it to take up its line, as in the textarea.
  return <>{parts}{'\u200b'}</>;
}

export const SegmentRow = memo(function SegmentRow(p: SegmentRowProps) {
  const { seg, actions, t } = p;
  const [draft, setDraft] = useState(seg.text);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  /** Typed and not yet saved (or its save failed). */
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  // The text changed in the meeting (undo, replace all, another window): shown, unless the
  // secretary has typing of her own not saved yet, which wins and is saved over it.
  useEffect(() => {
    if (!unsaved.current) setDraft(seg.text);
  }, [seg.text]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!unsaved.current) return;
    const text = draftRef.current;
    const outcome = await actions.saveText(seg.id, text);
    if (outcome === 'retry') {
      if (!timer.current) timer.current = setTimeout(() => void flush(), RETRY_MS);
      return;
    }
    // Typing that came during the save keeps its own timer.
    if (draftRef.current === text) unsaved.current = false;
  }, [actions, seg.id]);

  useEffect(() => actions.register(seg.id, flush), [actions, seg.id, flush]);
  // Leaving the tab or the meeting saves what was typed.
  useEffect(
    () => () => {
      if (unsaved.current) void flush();
    },
    [flush],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && (e.code === 'KeyZ' || e.code === 'KeyY')) {
      // While typing is unsaved, the box's own undo; once saved, the journal's.
      if (unsaved.current || p.readOnly) return;
      e.preventDefault();
      if (e.code === 'KeyY' || e.shiftKey) actions.redo();
      else actions.undo();
    } else if (mod && e.key === 'Enter') {
      e.preventDefault();
      const at = e.currentTarget.selectionStart;
      void flush().then(() => actions.split(seg.id, at));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      void flush();
      actions.toRow(seg.id);
    }
  };

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
        <div className="seg-text-wrap">
          {p.matches && p.matches.length > 0 && (
            <div className="seg-backdrop" dir="auto" aria-hidden="true">
              <Highlights text={draft} matches={p.matches} current={p.currentMatch} />
            </div>
          )}
          <textarea
            ref={box}
            className="seg-text"
            dir="auto"
            rows={1}
            value={draft}
            readOnly={p.readOnly}
            aria-label={t('segmentText', { time })}
            onChange={(e) => {
              setDraft(e.target.value);
              unsaved.current = true;
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
            }}
            onFocus={() => actions.focusText(seg.id)}
            onBlur={() => void flush()}
            onSelect={(e) => actions.caret(seg.id, e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
    </div>
  );
});
