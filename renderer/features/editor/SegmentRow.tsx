// One segment of the review editor: its time (click to hear it), the speaker's name at the head
// of each intervention, and its text, edited in place. What is typed is held here and saved as
// setText 400 ms after the last key, at once when the box is left, and when the page is hidden
// or closed (the editor calls `flush(true)`): nothing typed is lost, and a save that fails is
// tried again. Only this row renders while the secretary types. The engine's doubtful words
// (shared/transcript/doubtful.ts) are underlined in the layer under the box, except while the
// box has the focus or holds typing (the underline would no longer sit under its word).
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Segment } from '../../../shared/domain.ts';
import { doubtfulRanges } from '../../../shared/transcript/doubtful.ts';
import type { TextRange } from '../../../shared/text/find.ts';
import { actionFor } from '../common/keymap.ts';
import { clock } from '../common/time.ts';
import type { EditorT } from './editorText.ts';
import type { SaveOutcome } from './useEdits.ts';

export const SAVE_DELAY_MS = 400;
const RETRY_MS = 2000;

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

export const SegmentRow = memo(function SegmentRow(p: SegmentRowProps) {
  const { seg, actions, t } = p;
  const [draft, setDraft] = useState(seg.text);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  /** Typed and not yet saved (or its save failed). */
  const unsaved = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The text a leave-save is sending: pagehide and then visibilitychange send it once. */
  const leaving = useRef<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [focused, setFocused] = useState(false);

  // The text changed in the meeting (undo, replace all, another window): shown, unless the
  // secretary has typing of her own not saved yet, which wins and is saved over it.
  useEffect(() => {
    if (!unsaved.current) setDraft(seg.text);
  }, [seg.text]);

  const flush = useCallback(async (onLeave = false): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!unsaved.current) return;
    const text = draftRef.current;
    if (onLeave) {
      if (leaving.current === text) return;
      leaving.current = text;
    }
    const outcome = await actions.saveText(seg.id, text, onLeave).finally(() => {
      if (onLeave) leaving.current = null;
    });
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
    const key = actionFor('text', e) ?? actionFor('editor', e);
    if (key?.action === 'undo' || key?.action === 'redo') {
      // While typing is unsaved, the box's own undo; once saved, the journal's.
      if (unsaved.current || p.readOnly) return;
      e.preventDefault();
      if (key.action === 'redo') actions.redo();
      else actions.undo();
    } else if (key?.action === 'split') {
      e.preventDefault();
      const at = e.currentTarget.selectionStart;
      void flush().then(() => actions.split(seg.id, at));
    } else if (key?.action === 'leave') {
      e.preventDefault();
      void flush();
      actions.toRow(seg.id);
    }
  };

  // Shown on the engine's text only: not while it is being typed over.
  const doubtful = useMemo(() => doubtfulRanges(seg), [seg.text, seg.edited, seg.wordConfidence]);
  const showDoubt = doubtful.length > 0 && !focused && draft === seg.text;
  const doubtHint = showDoubt ? t('doubtfulHint', { words: doubtful.map((r) => seg.text.slice(r.start, r.end)).join('، ') }) : undefined;
  const hasMatches = !!p.matches && p.matches.length > 0;

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
          {(hasMatches || showDoubt) && (
            <div className="seg-backdrop" dir="auto" aria-hidden="true">
              <Highlights text={draft} matches={p.matches ?? []} current={p.currentMatch} doubtful={showDoubt ? doubtful : []} />
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
            aria-description={doubtHint}
            title={doubtHint}
            data-doubtful={showDoubt ? doubtful.length : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              unsaved.current = true;
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
            }}
            onFocus={() => {
              setFocused(true);
              actions.focusText(seg.id);
            }}
            onBlur={() => {
              setFocused(false);
              void flush();
            }}
            onSelect={(e) => actions.caret(seg.id, e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
    </div>
  );
});
