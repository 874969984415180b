// The review editor (the meeting page's "Review" tab): the transcript next to the recording,
// where the secretary fixes text, speakers, segment bounds, agenda points and decisions for
// hours. Keyboard first (the keys: features/common/keymap.ts); a virtualised list
// (useSegmentScroll); every change is one journaled command (useEdits), undoable across reloads.
// The page's layout: player on top, toolbar, the list, and a side panel. The state is
// useReviewEditor's; this file lays it out. During a recording it works on the transcript the full
// pass has made so far (a notice says how far it reaches) and plays the recording as far as it is
// written (useRecordingPlayer).
import type { Meeting } from '../../../shared/domain.ts';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { AudioBar } from '../common/player/AudioBar.tsx';
import { AgendaOutline } from './AgendaOutline.tsx';
import { DecisionsPanel } from './DecisionsPanel.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { GoToTimeBar } from './GoToTimeBar.tsx';
import { HelpPanel } from './HelpPanel.tsx';
import { RetranscribeDialog } from './RetranscribeDialog.tsx';
import { SearchBar } from './SearchBar.tsx';
import { SegmentList } from './SegmentList.tsx';
import { SegmentTimes } from './SegmentTimes.tsx';
import { SpeakerPicker } from './SpeakerPicker.tsx';
import { SummariesView } from './summaries/SummariesView.tsx';
import { useEditorView, ViewSwitch } from './summaries/ViewSwitch.tsx';
import { DraftingControls } from '../drafting/DraftingControls.tsx';
import { clock } from '../common/time.ts';
import type { MeetingUpdate } from './useEdits.ts';
import type { RecordingUnderReview } from './useRecordingPlayer.ts';
import { useReviewEditor, type ReviewEditorState } from './useReviewEditor.ts';
import './editor.css';

export interface ReviewEditorProps {
  meeting: Meeting;
  /** Updates the page's copy of the meeting (a function gets the latest copy). */
  onMeeting: MeetingUpdate;
  /** The recording the page runs, while it runs: its full transcript so far is reviewed here meanwhile. */
  recording?: RecordingUnderReview | null;
}

/** While recording: how far the transcript shown reaches, that the recording's text will replace it, or that it is transcribed later. */
function RecordingNotice({ t, recording }: { t: ReviewEditorState['t']; recording: RecordingUnderReview }) {
  return (
    <p className="notice editor-recording" role="status">
      {!recording.following ? t('recordingLater') : recording.inTranscript ? t('recordingReview', { time: clock(recording.transcribedSec) }) : t('recordingReplaces')}
    </p>
  );
}

function Toolbar({ ed, meeting, recording }: { ed: ReviewEditorState; meeting: Meeting; recording: boolean }) {
  const { t, readOnly, selection, list, actions, commands } = ed;
  const { active } = selection;
  return (
    <EditorToolbar
      t={t}
      readOnly={readOnly}
      canUndo={ed.edits.canUndo}
      canRedo={ed.edits.canRedo}
      onUndo={() => void commands.undo()}
      onRedo={() => void commands.redo()}
      onSplit={ed.canSplit ? ed.splitAtCaret : null}
      onMerge={!readOnly && active && selection.focusIdx < list.ordered.length - 1 ? () => actions.merge(active.id) : null}
      onRetranscribe={!readOnly && !recording && selection.ids.length > 0 && meeting.audio ? () => void ed.retranscribeSelection() : null}
      doubtful={ed.doubtful}
      participants={meeting.participants}
      filter={list.filter}
      onFilter={list.setFilter}
      searchOpen={ed.search.open}
      onSearch={ed.search.show}
      goToOpen={ed.goTo.open}
      onGoTo={ed.goTo.show}
      onHelp={() => ed.setHelp(true)}
    >
      <SpeakerPicker t={t} participants={meeting.participants} selected={selection.ids.map((id) => list.byId.get(id))} readOnly={readOnly} assign={actions.assign} run={commands.run} adding={ed.adding} setAdding={ed.setAdding} pickerRef={ed.pickerRef} backToList={ed.backToList} />
      {active && <SegmentTimes t={t} active={active} readOnly={readOnly} run={commands.run} />}
    </EditorToolbar>
  );
}

function Search({ ed }: { ed: ReviewEditorState }) {
  const { search } = ed;
  return <SearchBar t={ed.t} state={search.state} onChange={search.change} count={search.count} current={search.current} readOnly={ed.readOnly} onStep={search.step} onReplaceAll={() => void search.replaceAll()} onClose={ed.closeSearch} focusToken={search.focusToken} />;
}

function Dialogs({ ed, meeting }: { ed: ReviewEditorState; meeting: Meeting }) {
  const { retranscribe, setRetranscribe } = ed;
  return (
    <>
      {ed.help && <HelpPanel t={ed.t} onClose={() => ed.setHelp(false)} />}
      {retranscribe && (
        <RetranscribeDialog
          meeting={meeting}
          baseVersion={retranscribe.base}
          fromId={retranscribe.fromId}
          toId={retranscribe.toId}
          onDone={(result) => {
            ed.edits.accept(retranscribe.base, result);
            setRetranscribe(null);
          }}
          onCancel={() => setRetranscribe(null)}
        />
      )}
    </>
  );
}

export function ReviewEditor({ meeting, onMeeting, recording }: ReviewEditorProps) {
  const ed = useReviewEditor(meeting, onMeeting, recording);
  const [view, setView] = useEditorView();
  const { t, readOnly, selection, list, commands, actions } = ed;
  return (
    <section className="review-editor" aria-label={t('editorRegion')}>
      {readOnly && (
        <p className="notice editor-readonly" role="note">
          {t('readOnly')}
        </p>
      )}
      {recording && !readOnly && <RecordingNotice t={t} recording={recording} />}
      <ErrorBanner error={ed.notice} onDismiss={() => ed.setNotice(null)} />
      <AudioBar player={ed.player} segments={list.ordered} speakerColours={list.colours} durationHint={meeting.audio?.durationSec ?? 0} />
      <ViewSwitch view={view} onView={setView} />
      {view === 'summaries' && <SummariesView ed={ed} meeting={meeting} toolbar={<DraftingControls meetingId={meeting.id} disabled={readOnly} />} />}
      {view === 'transcript' && <Toolbar ed={ed} meeting={meeting} recording={!!recording} />}
      {view === 'transcript' && ed.search.open && <Search ed={ed} />}
      {view === 'transcript' && ed.goTo.open && <GoToTimeBar t={t} goTo={ed.goTo} duration={ed.player.duration || (meeting.audio?.durationSec ?? 0)} onClose={() => (ed.goTo.hide(), ed.backToList())} />}
      <p className="editor-status" role="status">
        <span>{selection.ids.length ? t('selected', { n: selection.ids.length }) : ''}</span>
        <span>{ed.search.replacedNote ?? ''}</span>
        <span>{ed.edits.pending > 0 ? t('saving') : ''}</span>
        <span>{ed.decisionWalk.note}</span>
      </p>
      {view === 'transcript' && (
        <div className="editor-body">
          {list.visible.length === 0 ? (
            <p className="empty">{t('empty')}</p>
          ) : (
            <SegmentList t={t} visible={list.visible} names={list.names} colours={list.colours} selection={selection} playingId={ed.playingId} search={ed.search} readOnly={readOnly} actions={ed.rowActions} scroll={ed.scroll} onKeyDown={ed.onListKey} />
          )}
          <aside className="editor-side" aria-label={t('sidePanel')}>
            <AgendaOutline meeting={meeting} selection={selection.ids} readOnly={readOnly} onEdit={commands.panelEdit} onJump={actions.jump} />
            <DecisionsPanel meeting={meeting} selection={selection.ids} readOnly={readOnly} onEdit={commands.panelEdit} onJump={actions.jump} draftRequest={ed.decisionRequest} current={ed.decisionWalk.current} />
          </aside>
        </div>
      )}
      <Dialogs ed={ed} meeting={meeting} />
    </section>
  );
}
