// The review editor's state, wired from hooks of one job each: the journal (useEdits), the
// player, the segments shown, the selection, the commands, search, go to a time, the turns and decisions walked, doubtful words, the
// scrolling list, the rows' callbacks and the keys. ReviewEditor lays out what this returns.
import { useCallback, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { useConnection } from '../../api/useConnection.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { usePlayerKeys } from '../common/player/usePlayerKeys.ts';
import { listKeyHandler, useWindowKeys } from './editorKeys.ts';
import { useEditorText } from './editorText.ts';
import { useDecisionWalk } from './useDecisionWalk.ts';
import { useDoubtful } from './useDoubtful.ts';
import { useDrafts } from './useDrafts.ts';
import { useGoToTime } from './goToTime.ts';
import { useEditorCommands } from './useEditorCommands.ts';
import { useEdits, type MeetingUpdate } from './useEdits.ts';
import { useRowActions } from './useRowActions.ts';
import { useRecordingPlayer, type RecordingUnderReview } from './useRecordingPlayer.ts';
import { useSearch } from './useSearch.ts';
import { useSegmentActions } from './useSegmentActions.ts';
import { playingSegment, useSegmentScroll } from './useSegmentScroll.ts';
import { useSelection } from './useSelection.ts';
import { useStreamedSegments } from './useStreamedSegments.ts';
import { useTurns } from './useTurns.ts';
import { titledAgenda } from './sidePanelProps.ts';
import { useVisibleSegments } from './useVisibleSegments.ts';

/** The selection being re-transcribed, and the journal version the dialog sends its command on. */
export interface RetranscribeRequest {
  fromId: string;
  toId: string;
  base: number;
}

export function useReviewEditor(meeting: Meeting, onMeeting: MeetingUpdate, recording?: RecordingUnderReview | null) {
  const t = useEditorText();
  const { errorMessage } = useI18n();
  const readOnly = meeting.status === 'approved';
  const [notice, setNotice] = useState<string | null>(null);
  const report = useCallback((err: unknown, kind: 'conflict' | 'error') => setNotice(kind === 'conflict' ? t('notApplied') : errorMessage(err)), [t, errorMessage]);
  const { reconnections } = useConnection();
  const edits = useEdits(meeting, onMeeting, report, reconnections);
  const player = useRecordingPlayer(meeting, recording);
  usePlayerKeys(player);
  useStreamedSegments(meeting.id, onMeeting);

  const list = useVisibleSegments(meeting);
  const selection = useSelection(list.visible, list.indexOf);
  const [help, setHelp] = useState(false);
  const [adding, setAdding] = useState(false);
  const [retranscribe, setRetranscribe] = useState<RetranscribeRequest | null>(null);
  const drafts = useDrafts();
  const scrollRef = useRef<HTMLDivElement>(null);
  const commands = useEditorCommands({ readOnly, edits, flushAll: drafts.flushAll, selection, indexOf: list.indexOf, listRef: scrollRef });
  const actions = useSegmentActions(readOnly, list, selection, player, commands.run);
  const search = useSearch(list.visible, list.filter, selection.select, commands.run, (n) => t('replaced', { n }));
  const doubtful = useDoubtful(list.visible, selection);
  const playingId = playingSegment(list.ordered, player);
  const goTo = useGoToTime(list.visible, selection, player);
  const scroll = useSegmentScroll({ scrollRef, visible: list.visible, indexOf: list.indexOf, selection, playingId, playing: player.playing, above: [search.open, goTo.open, adding, readOnly, notice, t] });
  const caret = useRef<{ id: string; at: number } | null>(null);
  const rowActions = useRowActions({ selection, commands, segments: actions, scroll }, drafts.register, caret);
  const pickerRef = useRef<HTMLSelectElement>(null);
  const { active } = selection;
  const backToList = () => active && selection.select(active.id, { focus: true });
  const turns = useTurns(list.visible, selection, player);
  const decisionWalk = useDecisionWalk(meeting.decisions, list.visible, list.indexOf, selection, player, t);
  // Turns and decisions are walked in the list: not from the summaries view, where it is not shown.
  const nextTurn = (dir: 1 | -1) => scrollRef.current && turns(dir);
  const nextDecision = (dir: 1 | -1) => scrollRef.current && decisionWalk.next(dir);
  const closeSearch = () => (search.hide(), backToList());
  useWindowKeys({ helpOpen: help, openSearch: search.show, openHelp: () => setHelp(true), undo: commands.undo, redo: commands.redo, saveNow: drafts.flushAll, nextDoubt: doubtful.next, nextTurn, nextDecision, openGoTo: goTo.show, closeSearch: search.open ? closeSearch : null });
  // Ctrl+D from the list: each press asks the decisions panel to open its form on the selection.
  const [decisionRequest, setDecisionRequest] = useState(0);
  const draftDecision = () => selection.ids.length > 0 && setDecisionRequest((n) => n + 1);
  const onListKey = listKeyHandler({ readOnly, participants: meeting.participants, visible: list.visible, indexOf: list.indexOf, selection, actions, agenda: titledAgenda(meeting), focusPicker: () => pickerRef.current?.focus(), draftDecision });

  // The toolbar's split button cuts at the caret, read when clicked: moving it renders nothing.
  const canSplit = !readOnly && !!active && caret.current?.id === active.id && caret.current.at > 0 && caret.current.at < active.text.length;
  const splitAtCaret = () => active && caret.current && actions.split(active.id, caret.current.at);
  const retranscribeSelection = async () => {
    // The dialog sends its command itself, on the version reached once our own are answered.
    await drafts.flushAll();
    await edits.idle();
    setRetranscribe({ fromId: selection.ids[0]!, toId: selection.ids[selection.ids.length - 1]!, base: edits.version() });
  };
  return { t, readOnly, notice, decisionRequest, decisionWalk, setNotice, edits, player, list, selection, commands, actions, search, goTo, doubtful, playingId, scroll, rowActions, onListKey, pickerRef, help, setHelp, adding, setAdding, retranscribe, setRetranscribe, retranscribeSelection, backToList, closeSearch, canSplit, splitAtCaret };
}

export type ReviewEditorState = ReturnType<typeof useReviewEditor>;
