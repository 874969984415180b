// The recording tab: choose the microphone, record, pause, stop; a large level meter and the
// recording's time; warnings (silence, clipping, disk nearly full) and microphone problems the
// secretary can act on; after a crash, what was recovered. While it records, the secretary marks
// who has the floor (a name, or keys 1-9 by rank), a decision being taken (D) and the next agenda
// item (N); each mark is saved at once with its time on the recording's clock. The live text
// (LiveTextPanel) shows what is being said, until the full-quality pass replaces it; that pass
// follows the recording, and how far it has come is said here (FollowedStatus), with the way to
// review what it made while the meeting goes on.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import type { EditInput } from '../../../shared/edits.ts';
import type { RecordingState, RecoveredRecording } from '../../../shared/recording.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { clock } from '../common/time.ts';
import { AfterRecording } from './AfterRecording.tsx';
import { FollowedStatus } from './FollowedStatus.tsx';
import { LiveTextPanel } from './LiveTextPanel.tsx';
import { MarksSection } from './MarksSection.tsx';
import { sessionFor, type RecordingSession } from './recorder.ts';
import { RecordingControls, type RecordingActions } from './RecordingControls.tsx';
import { RecordingMeter } from './RecordingMeter.tsx';
import { RecordingProblems } from './RecordingProblems.tsx';
import { RecoveredNotice } from './RecoveredNotice.tsx';
import { useMarking } from './useMarking.ts';
import { useMicrophones } from './useMicrophones.ts';
import { useRecordingKeys } from './useRecordingKeys.ts';
import './recording.css';

/**
 * What main holds for this meeting: a recording recovered after a crash (said once), or one still
 * open with nothing feeding it (this page was reloaded while it recorded): the orphan.
 */
function useOrphan(session: RecordingSession, meetingId: string, recovered: RecoveredRecording | null | undefined, onError: (message: string) => void) {
  const { errorMessage } = useI18n();
  const { reconnections } = useConnection();
  const [orphan, setOrphan] = useState<RecordingState | null>(null);
  useEffect(() => {
    if (session.snapshot.phase !== 'idle') return;
    client.api
      .getRecording({ meetingId })
      .then((st) => {
        const said = st.recovered ?? recovered;
        if (said) session.setRecovered(said);
        setOrphan(st.recording);
      })
      .catch((e) => onError(errorMessage(e)));
  }, [meetingId, session, errorMessage, reconnections, recovered, onError]);
  return [orphan, setOrphan] as const;
}

/**
 * "New recording…": asks first, naming the audio and the transcript it replaces, and the marks it
 * removes at once (they are on the old recording's clock; undo in the review gives them back).
 */
function NewRecordingDialog({ meeting, onCancel, onConfirm }: { meeting: Meeting; onCancel(): void; onConfirm(): void }) {
  const { t } = useI18n();
  const marks = meeting.marks?.length ?? 0;
  return (
    <ConfirmDialog
      title={t('recNewTitle')}
      body={t('recNewBody', { duration: clock(meeting.audio?.durationSec ?? 0), n: meeting.segments.length })}
      items={marks > 0 ? [t('recNewMarks', { n: marks })] : undefined}
      confirmLabel={t('recNewConfirm')}
      danger
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}

/** A command on the marks, saved in order with the live marks; then the meeting as main holds it. */
async function editMarks(session: RecordingSession, edit: EditInput, onMeeting: (m: Meeting) => void): Promise<boolean> {
  if (!(await session.edit(edit))) return false;
  onMeeting(await client.api.getMeeting({ id: session.meetingId }));
  return true;
}

export function RecordingPanel({ meeting, onMeeting, onTranscribe, onReview, recovered }: {
  meeting: Meeting;
  onMeeting(m: Meeting): void;
  onTranscribe(): void;
  /** To the review tab, where the transcript the full pass made so far can be tagged during the recording. */
  onReview(): void;
  /** A recovery the meeting page already asked main about (main says it once): shown here. */
  recovered?: RecoveredRecording | null;
}) {
  const { t } = useI18n();
  const session = sessionFor(meeting.id);
  const s = useSyncExternalStore(session.subscribe, () => session.snapshot);
  const [askNew, setAskNew] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [orphan, setOrphan] = useOrphan(session, meeting.id, recovered, useCallback((m: string) => setError(m), []));
  const mics = useMicrophones(s.phase);
  const marks = useMarking(session, meeting, s.phase);
  useRecordingKeys(marks.marking, { floor: marks.floorOfRank, decision: marks.decision, nextItem: marks.nextItem });

  const start = async (continuing: boolean) => {
    setError(null);
    session.dismissRecovered();
    const adopt = orphan;
    setOrphan(null);
    await session.start({ deviceId: mics.deviceId, continuing, adopt: adopt ?? undefined });
  };

  const stop = async () => {
    if (s.phase === 'idle') {
      // The orphan: stopped in main without this page taking it over.
      const m = await client.api.stopRecording({ meetingId: meeting.id });
      setOrphan(null);
      return onMeeting(m);
    }
    const m = await session.stop();
    if (m) onMeeting(m);
  };

  // One journaled edit before the new recording opens, so no new mark is cleared with the old ones.
  const startNew = async () => {
    if (!meeting.marks?.length || (await editMarks(session, { type: 'clearMarks' }, onMeeting))) await start(false);
  };

  const actions: RecordingActions = {
    start: (continuing) => void start(continuing),
    askNew: () => setAskNew(true),
    pause: () => void session.pause(),
    resume: () => void session.resume(mics.shownDevice),
    stop: () => void stop(),
  };

  if (meeting.status === 'approved') return <p className="notice">{t('readOnlyNotice')}</p>;

  return (
    <div className="recording-panel">
      <RecoveredNotice s={s} onContinue={() => actions.start(true)} onDismiss={() => session.dismissRecovered()} />
      <RecordingProblems s={s} error={error} />
      <RecordingControls s={s} mics={mics} orphan={orphan} hasAudio={!!meeting.audio} actions={actions} />
      <RecordingMeter s={s} />
      <FollowedStatus s={s} onReview={onReview} />
      {/* The mark buttons above the live text: at 1280x900 they stay in view while she listens. */}
      <MarksSection s={s} meeting={meeting} marks={marks} />
      {(s.phase !== 'idle' || s.live.state !== null || s.live.committed) && <LiveTextPanel s={s} meeting={meeting} onTranscribe={onTranscribe} />}
      {s.phase === 'idle' && (s.stopped || (meeting.marks?.length ?? 0) > 0) && (
        <AfterRecording s={s} meeting={meeting} onTranscribe={onTranscribe} onApplyMarks={() => void editMarks(session, { type: 'applyMarks' }, onMeeting)} />
      )}
      {askNew && (
        <NewRecordingDialog
          meeting={meeting}
          onCancel={() => setAskNew(false)}
          onConfirm={() => {
            setAskNew(false);
            void startNew();
          }}
        />
      )}
    </div>
  );
}
