// The review editor (the meeting page's "Review" tab): the transcript next to the recording,
// where the secretary fixes text, speakers, segment bounds, agenda points and decisions for
// hours. Keyboard first; a virtualised list (only the rows in view exist, so a three-hour
// meeting opens at once); every change is one journaled command (useEdits), undoable across
// reloads. The page's layout: player on top, toolbar, the list, and a side panel.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { newId, type Meeting } from '../../../shared/domain.ts';
import { MAX_RANGE_IDS, type EditInput, type RestoreEdit } from '../../../shared/edits.ts';
import { findMatches, type TextRange } from '../../../shared/text/find.ts';
import { doubtfulIndexes } from '../../../shared/transcript/doubtful.ts';
import { useConnection } from '../../api/useConnection.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { actionFor, ariaKeys, isTextField } from '../common/keymap.ts';
import { useEditorText } from './editorText.ts';
import { AgendaOutline } from './AgendaOutline.tsx';
import { DecisionsPanel } from './DecisionsPanel.tsx';
import { HelpPanel } from './HelpPanel.tsx';
import { RetranscribeDialog } from './RetranscribeDialog.tsx';
import { AudioBar } from '../common/player/AudioBar.tsx';
import { usePlayer } from '../common/player/usePlayer.ts';
import { usePlayerKeys } from '../common/player/usePlayerKeys.ts';
import { SearchBar, type SearchState } from './SearchBar.tsx';
import { SegmentRow, type RowActions } from './SegmentRow.tsx';
import { inTimeOrder, segmentAt, speakerColours } from './speakers.ts';
import { useEdits, type MeetingUpdate, type SaveOutcome } from './useEdits.ts';
import './editor.css';

/** After the secretary scrolls the list herself, the playing segment is not followed for this long. */
const FOLLOW_PAUSE_MS = 4000;

/**
 * The segment to show after an undo or redo: the focused one when the step changed it (a
 * replace-all touches many), else the first in time it put back or changed; none when it only
 * removed segments or changed none.
 */
function changedSegment(changes: RestoreEdit, focused: string | null): string | null {
  const p = changes.segments;
  if (!p) return null;
  const touched = [...p.replace, ...p.insert.map((i) => i.item)];
  if (!touched.length) return null;
  if (focused && touched.some((s) => s.id === focused)) return focused;
  return touched.reduce((a, b) => (b.start < a.start ? b : a)).id;
}

export interface ReviewEditorProps {
  meeting: Meeting;
  /** Updates the page's copy of the meeting (a function gets the latest copy). */
  onMeeting: MeetingUpdate;
}

export function ReviewEditor({ meeting, onMeeting }: ReviewEditorProps) {
  const t = useEditorText();
  const { t: appT, errorMessage } = useI18n();
  const readOnly = meeting.status === 'approved';
  const { reconnections } = useConnection();
  const [notice, setNotice] = useState<string | null>(null);
  const report = useCallback((err: unknown, kind: 'conflict' | 'error') => setNotice(kind === 'conflict' ? t('notApplied') : errorMessage(err)), [t, errorMessage]);
  const edits = useEdits(meeting, onMeeting, report, reconnections);
  const player = usePlayer(meeting.id, !!meeting.audio, meeting.audio?.file);
  usePlayerKeys(player);

  // Segments decoded by a running transcription arrive one by one. When the run ends, segments
  // already here come again with the engine's word confidences: taken only onto the same text.
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type !== 'segment' || e.meetingId !== meeting.id) return;
        onMeeting((prev) => {
          const i = prev.segments.findIndex((s) => s.id === e.segment.id);
          if (i < 0) return { ...prev, segments: [...prev.segments, e.segment] };
          const cur = prev.segments[i]!;
          if (!e.segment.wordConfidence || cur.wordConfidence || cur.edited || cur.text !== e.segment.text) return prev;
          const segments = prev.segments.slice();
          segments[i] = { ...cur, wordConfidence: e.segment.wordConfidence };
          return { ...prev, segments };
        });
      }),
    [meeting.id, onMeeting],
  );

  const ordered = useMemo(() => inTimeOrder(meeting.segments), [meeting.segments]);
  const colours = useMemo(() => speakerColours(meeting.participants), [meeting.participants]);
  const names = useMemo(() => new Map(meeting.participants.map((p) => [p.id, p.name])), [meeting.participants]);
  const [filter, setFilter] = useState('all');
  const visible = useMemo(
    () => (filter === 'all' ? ordered : ordered.filter((s) => (filter === 'none' ? !s.speakerId : s.speakerId === filter))),
    [ordered, filter],
  );
  const indexOf = useMemo(() => new Map(visible.map((s, i) => [s.id, i])), [visible]);

  // Selection: from an anchor to the focused segment, in the order shown.
  const [sel, setSel] = useState<{ anchor: string | null; focus: string | null }>({ anchor: null, focus: null });
  const focusIdx = sel.focus ? (indexOf.get(sel.focus) ?? -1) : -1;
  const anchorIdx = sel.anchor ? (indexOf.get(sel.anchor) ?? -1) : -1;
  const selection = useMemo(() => {
    if (focusIdx < 0) return [];
    const a = anchorIdx < 0 ? focusIdx : anchorIdx;
    return visible.slice(Math.min(a, focusIdx), Math.max(a, focusIdx) + 1).map((s) => s.id);
  }, [visible, focusIdx, anchorIdx]);
  const selectedSet = useMemo(() => new Set(selection), [selection]);
  const active = focusIdx >= 0 ? visible[focusIdx]! : null;

  // Search
  const [searchOpen, setSearchOpen] = useState(false);
  const [searchFocus, setSearchFocus] = useState(0);
  const [search, setSearch] = useState<SearchState>({ query: '', replace: '', arabicAware: true, wholeWord: false });
  const query = useDeferredValue(searchOpen ? search.query : '');
  const matches = useMemo(() => {
    if (!query.trim()) return null;
    const opts = { arabicAware: search.arabicAware, wholeWord: search.wholeWord };
    const bySeg = new Map<string, TextRange[]>();
    const flat: { id: string; range: TextRange }[] = [];
    for (const s of visible) {
      const r = findMatches(s.text, query, opts);
      if (!r.length) continue;
      bySeg.set(s.id, r);
      for (const range of r) flat.push({ id: s.id, range });
    }
    return { bySeg, flat };
  }, [visible, query, search.arabicAware, search.wholeWord]);
  const [matchIdx, setMatchIdx] = useState(0);
  useEffect(() => setMatchIdx(0), [query, search.arabicAware, search.wholeWord]);
  const matchCount = matches?.flat.length ?? 0;
  const currentMatch = matchCount ? matches!.flat[Math.min(matchIdx, matchCount - 1)] : undefined;

  // Doubtful words (shared/transcript/doubtful.ts): counted in the toolbar, and F8 / Shift+F8
  // select the next / previous segment, in the order shown, that has some.
  const doubt = useMemo(() => {
    let words = 0;
    let known = false;
    const rows: number[] = [];
    visible.forEach((s, i) => {
      if (s.wordConfidence) known = true;
      const n = doubtfulIndexes(s).length;
      if (n) {
        words += n;
        rows.push(i);
      }
    });
    return { words, rows, known };
  }, [visible]);

  const [help, setHelp] = useState(false);
  const [retranscribe, setRetranscribe] = useState<{ fromId: string; toId: string; base: number } | null>(null);

  // The list
  const scrollRef = useRef<HTMLDivElement>(null);
  // The focused row stays rendered when scrolled away: its focus and unsaved typing live there.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const out = defaultRangeExtractor(range);
      if (focusIdx >= 0 && focusIdx < range.count && !out.includes(focusIdx)) {
        out.push(focusIdx);
        out.sort((a, b) => a - b);
      }
      return out;
    },
    [focusIdx],
  );
  const getItemKey = useCallback((i: number) => visible[i]?.id ?? i, [visible]);
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 6,
    getItemKey,
    rangeExtractor,
  });

  // Scrolling to a segment and focusing it wait for the render that shows it (after a filter change too).
  const [focusRequest, setFocusRequest] = useState<{ id: string; text: boolean; focus: boolean; scroll: boolean } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.scroll) {
      const i = indexOf.get(focusRequest.id);
      if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
      setFocusRequest({ ...focusRequest, scroll: false });
      return;
    }
    if (!focusRequest.focus) return setFocusRequest(null);
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-seg="${CSS.escape(focusRequest.id)}"]`);
    if (!row) return;
    const target = focusRequest.text ? row.querySelector('textarea') : row;
    target?.focus({ preventScroll: true });
    setFocusRequest(null);
  });

  const lastUserScroll = useRef(0);
  const userScrolled = () => {
    lastUserScroll.current = Date.now();
  };

  // The playing segment: highlighted, and followed unless the secretary scrolls or types.
  const playIdx = player.available ? segmentAt(ordered, player.currentTime) : -1;
  const playingId = playIdx >= 0 && (player.playing || player.currentTime > 0) ? ordered[playIdx]!.id : null;
  useEffect(() => {
    if (!playingId || !player.playing) return;
    if (Date.now() - lastUserScroll.current < FOLLOW_PAUSE_MS) return;
    if (isTextField(document.activeElement) && scrollRef.current?.contains(document.activeElement)) return;
    const i = indexOf.get(playingId);
    if (i !== undefined) virtualizer.scrollToIndex(i, { align: 'auto' });
    // Only a change of segment moves the list.
  }, [playingId]);

  // Pending typing of every row, saved before a command that depends on the text.
  const drafts = useRef(new Map<string, (leaving?: boolean) => Promise<void>>());
  const flushAll = useCallback(() => Promise.all([...drafts.current.values()].map((f) => f())).then(() => undefined), []);
  // A page closed or reloaded runs no timer and no blur: typing not yet saved is sent as the page
  // is hidden, in requests that outlive it.
  useEffect(() => {
    const leave = () => {
      for (const f of drafts.current.values()) void f(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  const caret = useRef<{ id: string; at: number } | null>(null);

  const byId = useMemo(() => new Map(meeting.segments.map((s) => [s.id, s])), [meeting.segments]);

  const run = useCallback(
    async (edit: EditInput): Promise<SaveOutcome> => {
      if (readOnly) return 'dropped';
      await flushAll();
      return edits.apply(edit);
    },
    [readOnly, flushAll, edits],
  );
  // After an undo or redo, the segment it changed is shown and selected: it may be far from the
  // rows in view. Done on the render that has the changed meeting (a segment put back by undoing
  // a merge exists only from then on).
  const [reveal, setReveal] = useState<{ id: string; focus: boolean } | null>(null);
  const onStep = useCallback((changes: RestoreEdit) => {
    const id = changedSegment(changes, live.current.sel.focus);
    // The focus follows only when it was in the list: from the toolbar, the button keeps it.
    if (id) setReveal({ id, focus: !!scrollRef.current?.contains(document.activeElement) });
  }, []);
  const undo = useCallback(async () => {
    if (readOnly) return;
    await flushAll();
    await edits.undo(onStep);
  }, [readOnly, flushAll, edits, onStep]);
  const redo = useCallback(async () => {
    if (readOnly) return;
    await flushAll();
    await edits.redo(onStep);
  }, [readOnly, flushAll, edits, onStep]);

  const play = useCallback(
    (id: string) => {
      const s = byId.get(id);
      if (s && player.available) player.playFrom(s.start);
    },
    [byId, player],
  );
  const select = useCallback(
    (id: string, opts: { extend?: boolean; focus?: boolean; text?: boolean; scroll?: boolean } = {}) => {
      setSel((s) => (opts.extend ? { anchor: s.anchor ?? s.focus ?? id, focus: id } : { anchor: id, focus: id }));
      if (opts.focus || opts.scroll) setFocusRequest({ id, text: !!opts.text, focus: !!opts.focus, scroll: !!opts.scroll });
    },
    [],
  );

  const assign = useCallback(
    (speakerId: string | null) => {
      if (readOnly || !selection.length) return;
      const range =
        selection.length > MAX_RANGE_IDS && filter === 'all' ? { fromId: selection[0]!, toId: selection[selection.length - 1]! } : { ids: selection.slice(0, MAX_RANGE_IDS) };
      void run({ type: 'assignSpeaker', range, speakerId });
    },
    [readOnly, selection, filter, run],
  );
  const split = useCallback(
    (id: string, at: number) => {
      const s = byId.get(id);
      if (!s || at <= 0 || at >= s.text.length) return;
      // While playing inside the segment, the cut is where the secretary hears it.
      const time = player.playing && player.currentTime > s.start && player.currentTime < s.end ? Math.round(player.currentTime * 1000) / 1000 : undefined;
      void run({ type: 'splitSegment', segmentId: id, at, ...(time !== undefined ? { time } : {}) });
    },
    [byId, player.playing, player.currentTime, run],
  );
  const merge = useCallback((id: string) => void run({ type: 'mergeSegments', segmentId: id }), [run]);

  const pickerRef = useRef<HTMLSelectElement>(null);
  const uid = useId();

  // The side panels show their own errors: theirs are thrown back to them.
  const panelEdit = useCallback(
    async (edit: EditInput): Promise<void> => {
      if (readOnly) return;
      await flushAll();
      await edits.apply(edit, { rethrow: true });
    },
    [readOnly, flushAll, edits],
  );
  const jump = useCallback(
    (id: string) => {
      if (filter !== 'all' && !indexOf.has(id)) setFilter('all');
      select(id, { focus: true, scroll: true });
      play(id);
    },
    [filter, indexOf, select, play],
  );

  useEffect(() => {
    if (!reveal) return;
    setReveal(null);
    // Filtered out of the list: nothing to show.
    if (indexOf.has(reveal.id)) select(reveal.id, { scroll: true, focus: reveal.focus });
  }, [reveal, indexOf, select]);

  // Rows get one stable object; it reads the latest state through this ref.
  // setText does not wait for the rows' pending typing: it is that typing being saved.
  const saveText = (id: string, text: string, leaving = false): Promise<SaveOutcome> => {
    if (readOnly) return Promise.resolve('dropped');
    const edit = { type: 'setText', segmentId: id, text } as const;
    return leaving ? edits.applyOnLeave(edit) : edits.apply(edit);
  };
  const live = useRef({ select, play, undo, redo, split, sel, saveText });
  live.current = { select, play, undo, redo, split, sel, saveText };
  const actions = useMemo<RowActions>(
    () => ({
      mouseDown(id, e: MouseEvent) {
        if (e.button !== 0) return;
        const inText = (e.target as HTMLElement).closest('textarea') !== null;
        // Outside the text box the row itself takes the focus (not the time button), at once, so
        // that the list's keys work on the next key press.
        const rowEl = e.currentTarget as HTMLElement;
        if (e.shiftKey) {
          e.preventDefault();
          rowEl.focus({ preventScroll: true });
          live.current.select(id, { extend: true });
          return;
        }
        const { sel: s } = live.current;
        const wasActive = s.focus === id && s.anchor === id;
        if (!inText) {
          e.preventDefault();
          rowEl.focus({ preventScroll: true });
        }
        live.current.select(id);
        // A click in the text of the segment being edited places the caret; it does not restart the audio.
        if (!(inText && wasActive)) live.current.play(id);
      },
      play: (id) => live.current.play(id),
      focusText(id) {
        const { sel: s } = live.current;
        if (s.focus !== id || s.anchor !== id) live.current.select(id);
      },
      saveText: (id, text, leaving) => live.current.saveText(id, text, leaving),
      register(id, flush) {
        drafts.current.set(id, flush);
        return () => {
          if (drafts.current.get(id) === flush) drafts.current.delete(id);
        };
      },
      caret(id, at) {
        caret.current = { id, at };
      },
      undo: () => void live.current.undo(),
      redo: () => void live.current.redo(),
      split: (id, at) => live.current.split(id, at),
      toRow: (id) => live.current.select(id, { focus: true }),
    }),
    [],
  );
  const move = (i: number, extend: boolean) => {
    if (!visible.length) return;
    const k = Math.max(0, Math.min(visible.length - 1, i));
    select(visible[k]!.id, { extend, focus: true, scroll: true });
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const row = e.target as HTMLElement;
    // Keys typed in the text box belong to it.
    if (row.getAttribute('role') !== 'row') return;
    const key = actionFor('list', e);
    if (!key) return;
    // From the selection, not the event's row: a second key may come before the focus has moved.
    const id = live.current.sel.focus && indexOf.has(live.current.sel.focus) ? live.current.sel.focus : row.dataset.seg!;
    const i = indexOf.get(id) ?? 0;
    let handled = true;
    if (key.action === 'move' || key.action === 'extend') move(i + key.arg!, key.action === 'extend');
    else if (key.action === 'edit') select(id, { focus: true, text: true });
    else if (key.action === 'play') play(id);
    else if (readOnly) handled = false;
    else if (key.action === 'speaker') {
      const p = meeting.participants[key.arg! - 1];
      if (p) assign(p.id);
    } else if (key.action === 'clearSpeaker') assign(null);
    else if (key.action === 'picker') pickerRef.current?.focus();
    else if (key.action === 'merge') merge(id);
    else handled = false;
    if (handled) e.preventDefault();
  };

  // Keys of the whole editor: search, undo/redo outside text boxes, help, save now.
  const keys = useRef({ undo, redo, flushAll, help, nextDoubt: (_dir: 1 | -1) => {} });
  keys.current = { undo, redo, flushAll, help, nextDoubt: (dir) => nextDoubt(dir) };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = actionFor('editor', e) ?? actionFor('global', e);
      const ae = document.activeElement;
      if (key?.action === 'search') {
        e.preventDefault();
        setSearchOpen(true);
        setSearchFocus((n) => n + 1);
      } else if (key?.action === 'undo' || key?.action === 'redo') {
        // Text boxes keep their own undo (a segment's box hands over to the journal itself).
        if (isTextField(ae) || keys.current.help) return;
        e.preventDefault();
        void (key.action === 'redo' ? keys.current.redo() : keys.current.undo());
      } else if (key?.action === 'save') {
        void keys.current.flushAll();
      } else if (key?.action === 'doubtful' && !keys.current.help) {
        // F8 types nothing, so it works from a segment's text box too.
        e.preventDefault();
        keys.current.nextDoubt(key.arg as 1 | -1);
      } else if (key?.action === 'help' && !isTextField(ae) && !keys.current.help) {
        e.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const nextDoubt = (dir: 1 | -1) => {
    const { rows } = doubt;
    if (!rows.length) return;
    // Past the last one it goes round to the first, as the search does.
    const k = dir > 0 ? (rows.find((i) => i > focusIdx) ?? rows[0]!) : (rows.findLast((i) => i < focusIdx) ?? rows[rows.length - 1]!);
    // The row, not its text box, takes the focus: the underline shows while the box is not edited.
    select(visible[k]!.id, { focus: true, scroll: true });
  };
  const step = (dir: 1 | -1) => {
    if (!matches || !matchCount) return;
    const k = (Math.min(matchIdx, matchCount - 1) + dir + matchCount) % matchCount;
    setMatchIdx(k);
    const m = matches.flat[k]!;
    select(m.id, { scroll: true });
  };
  const [replacedNote, setReplacedNote] = useState<string | null>(null);
  const replaceAll = async () => {
    if (!matches || !search.query) return;
    const segmentIds = filter === 'all' ? undefined : [...matches.bySeg.keys()].slice(0, MAX_RANGE_IDS);
    const n = matches.bySeg.size;
    const outcome = await run({
      type: 'replaceText',
      find: search.query,
      replace: search.replace,
      arabicAware: search.arabicAware,
      wholeWord: search.wholeWord,
      ...(segmentIds ? { segmentIds } : {}),
    });
    if (outcome === 'saved') setReplacedNote(t('replaced', { n }));
  };

  // Speaker picker
  const [adding, setAdding] = useState(false);
  const [newName, setNewName] = useState('');
  const common = selection.length ? byId.get(selection[0]!)?.speakerId ?? null : null;
  const pickerValue = selection.length && selection.every((id) => (byId.get(id)?.speakerId ?? null) === common) ? (common ?? '__none') : '';
  const addSpeaker = async () => {
    const name = newName.trim();
    if (!name) return;
    const id = newId('p');
    if ((await run({ type: 'addParticipant', participant: { id, name } })) !== 'saved') return;
    setAdding(false);
    setNewName('');
    assign(id);
    // Back to the list, where the next key is likely to be typed.
    if (active) select(active.id, { focus: true });
  };

  // Start and end of the focused segment
  const [times, setTimes] = useState<{ id: string; start: string; end: string } | null>(null);
  const shownTimes = active ? (times && times.id === active.id ? times : { id: active.id, start: String(active.start), end: String(active.end) }) : null;
  const commitTimes = () => {
    if (!active || !shownTimes) return;
    const start = Number(shownTimes.start);
    const end = Number(shownTimes.end);
    setTimes(null);
    if (!Number.isFinite(start) || !Number.isFinite(end) || (start === active.start && end === active.end)) return;
    void run({ type: 'setTimes', segmentId: active.id, start, end });
  };

  // The list takes the height left in the window, so that the page itself does not scroll.
  const [listHeight, setListHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const el = scrollRef.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setListHeight(Math.max(320, window.innerHeight - top - 16));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [searchOpen, adding, readOnly, notice, t, visible.length === 0]);

  const canSplit = !readOnly && !!active && caret.current?.id === active.id && caret.current.at > 0 && caret.current.at < active.text.length;
  const items = virtualizer.getVirtualItems();

  return (
    <section className="review-editor" aria-label={t('editorRegion')}>
      {readOnly && (
        <p className="notice editor-readonly" role="note">
          {t('readOnly')}
        </p>
      )}
      <ErrorBanner error={notice} onDismiss={() => setNotice(null)} />
      <AudioBar player={player} segments={ordered} speakerColours={colours} durationHint={meeting.audio?.durationSec ?? 0} />
      <div className="editor-toolbar" role="toolbar" aria-label={t('editorRegion')}>
        <button type="button" onClick={() => void undo()} disabled={readOnly || !edits.canUndo} aria-keyshortcuts={ariaKeys('undo')}>
          {t('undo')}
        </button>
        <button type="button" onClick={() => void redo()} disabled={readOnly || !edits.canRedo} aria-keyshortcuts={ariaKeys('redo')}>
          {t('redo')}
        </button>
        <button type="button" onClick={() => active && caret.current && split(active.id, caret.current.at)} disabled={!canSplit} aria-keyshortcuts={ariaKeys('split')}>
          {t('split')}
        </button>
        <button type="button" onClick={() => active && merge(active.id)} disabled={readOnly || !active || focusIdx >= ordered.length - 1} aria-keyshortcuts={ariaKeys('merge')}>
          {t('merge')}
        </button>
        <label className="field inline">
          <span id={`${uid}-speaker`}>{selection.length > 1 ? t('speakerFor', { n: selection.length }) : t('speaker')}</span>
          {/* Named by the span alone: a wrapping label would add the chosen option to the name. */}
          <select
            ref={pickerRef}
            aria-labelledby={`${uid}-speaker`}
            value={pickerValue}
            disabled={readOnly || !selection.length}
            aria-keyshortcuts={ariaKeys('picker')}
            onChange={(e) => {
              const v = e.target.value;
              if (v === '__add') setAdding(true);
              else if (v === '__none') assign(null);
              else if (v) assign(v);
            }}
          >
            <option value="">{t('chooseSpeaker')}</option>
            {meeting.participants.map((p, i) => (
              <option key={p.id} value={p.id}>
                {i < 9 ? `${i + 1}. ${p.name}` : p.name}
              </option>
            ))}
            <option value="__none">{t('clearSpeaker')}</option>
            <option value="__add">{t('addSpeaker')}</option>
          </select>
        </label>
        {adding && (
          <form
            className="add-speaker"
            onSubmit={(e) => {
              e.preventDefault();
              void addSpeaker();
            }}
          >
            <input type="text" dir="auto" autoFocus aria-label={t('newSpeakerName')} value={newName} onChange={(e) => setNewName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (setAdding(false), active && select(active.id, { focus: true }))} />
            <button type="submit" disabled={!newName.trim()}>
              {t('addAndAssign')}
            </button>
            <button type="button" className="subtle" onClick={() => setAdding(false)}>
              {appT('cancel')}
            </button>
          </form>
        )}
        {shownTimes && (
          <>
            <label className="field inline time-field">
              <span>{t('start')}</span>
              <input
                type="number"
                dir="ltr"
                step={0.1}
                min={0}
                value={shownTimes.start}
                readOnly={readOnly}
                onChange={(e) => setTimes({ ...shownTimes, start: e.target.value })}
                onBlur={commitTimes}
                onKeyDown={(e) => e.key === 'Enter' && commitTimes()}
              />
            </label>
            <label className="field inline time-field">
              <span>{t('end')}</span>
              <input
                type="number"
                dir="ltr"
                step={0.1}
                min={0}
                value={shownTimes.end}
                readOnly={readOnly}
                onChange={(e) => setTimes({ ...shownTimes, end: e.target.value })}
                onBlur={commitTimes}
                onKeyDown={(e) => e.key === 'Enter' && commitTimes()}
              />
            </label>
          </>
        )}
        <button
          type="button"
          disabled={readOnly || !selection.length || !meeting.audio}
          onClick={async () => {
            // The dialog sends its command itself, on the version reached once our own are answered.
            await flushAll();
            await edits.idle();
            setRetranscribe({ fromId: selection[0]!, toId: selection[selection.length - 1]!, base: edits.version() });
          }}
        >
          {appT('retranscribeAction')}
        </button>
        <span className="spacer" />
        {doubt.known && (
          <button type="button" className="doubt-count" disabled={!doubt.words} aria-keyshortcuts={ariaKeys('doubtful')} onClick={() => nextDoubt(1)}>
            {t('doubtfulCount', { n: doubt.words })}
          </button>
        )}
        <label className="field inline">
          <span>{t('filter')}</span>
          <select value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="all">{t('filterAll')}</option>
            {meeting.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            <option value="none">{t('filterNone')}</option>
          </select>
        </label>
        <button type="button" aria-expanded={searchOpen} aria-keyshortcuts={ariaKeys('search')} onClick={() => (setSearchOpen(true), setSearchFocus((n) => n + 1))}>
          {t('searchToggle')}
        </button>
        <button type="button" aria-keyshortcuts={ariaKeys('help')} onClick={() => setHelp(true)}>
          {t('help')}
        </button>
      </div>
      {searchOpen && (
        <SearchBar
          t={t}
          state={search}
          onChange={(patch) => {
            setSearch((s) => ({ ...s, ...patch }));
            setReplacedNote(null);
          }}
          count={matchCount}
          current={Math.min(matchIdx, Math.max(0, matchCount - 1))}
          readOnly={readOnly}
          onStep={step}
          onReplaceAll={() => void replaceAll()}
          onClose={() => {
            setSearchOpen(false);
            if (active) select(active.id, { focus: true });
          }}
          focusToken={searchFocus}
        />
      )}
      <p className="editor-status" role="status">
        <span>{selection.length ? t('selected', { n: selection.length }) : ''}</span>
        <span>{replacedNote ?? ''}</span>
        <span>{edits.pending > 0 ? t('saving') : ''}</span>
      </p>
      <div className="editor-body">
        {visible.length === 0 ? (
          <p className="empty">{t('empty')}</p>
        ) : (
          <div ref={scrollRef} className="seg-scroll" style={listHeight ? { height: listHeight } : undefined} onWheel={userScrolled} onTouchMove={userScrolled} onPointerDown={(e) => e.target === e.currentTarget && userScrolled()}>
            <div
              role="grid"
              aria-label={t('segmentsGrid')}
              aria-multiselectable="true"
              aria-readonly={readOnly}
              aria-rowcount={visible.length}
              className="seg-grid"
              style={{ height: virtualizer.getTotalSize() }}
              onKeyDown={onGridKey}
            >
              {items.map((v) => {
                const seg = visible[v.index]!;
                const prev = v.index > 0 ? visible[v.index - 1] : undefined;
                const head = !prev || (prev.speakerId ?? null) !== (seg.speakerId ?? null) ? (seg.speakerId ? (names.get(seg.speakerId) ?? '') : '') : undefined;
                return (
                  <SegmentRow
                    key={v.key}
                    seg={seg}
                    index={v.index}
                    start={v.start}
                    selected={selectedSet.has(seg.id)}
                    active={v.index === focusIdx}
                    tabbable={v.index === Math.max(0, focusIdx)}
                    playing={seg.id === playingId}
                    head={head}
                    colour={seg.speakerId ? colours[seg.speakerId] : undefined}
                    matches={matches?.bySeg.get(seg.id)}
                    currentMatch={currentMatch?.id === seg.id ? currentMatch.range : undefined}
                    readOnly={readOnly}
                    actions={actions}
                    measure={virtualizer.measureElement}
                    t={t}
                  />
                );
              })}
            </div>
          </div>
        )}
        <aside className="editor-side" aria-label={t('sidePanel')}>
          <AgendaOutline meeting={meeting} selection={selection} readOnly={readOnly} onEdit={panelEdit} onJump={jump} />
          <DecisionsPanel meeting={meeting} selection={selection} readOnly={readOnly} onEdit={panelEdit} onJump={jump} />
        </aside>
      </div>
      {help && <HelpPanel t={t} onClose={() => setHelp(false)} />}
      {retranscribe && (
        <RetranscribeDialog
          meeting={meeting}
          baseVersion={retranscribe.base}
          fromId={retranscribe.fromId}
          toId={retranscribe.toId}
          onDone={(result) => {
            edits.accept(retranscribe.base, result);
            setRetranscribe(null);
          }}
          onCancel={() => setRetranscribe(null)}
        />
      )}
    </section>
  );
}
