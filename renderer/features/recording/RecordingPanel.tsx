// The recording tab: choose the microphone, record, pause, stop; a large level meter and the
// recording's time; warnings (silence, clipping, disk nearly full) and microphone problems the
// secretary can act on; after a crash, what was recovered. While it records, the secretary marks
// who has the floor (a name, or keys 1-9 by rank), a decision being taken (D) and the next agenda
// item (N); each mark is saved at once with its time on the recording's clock. The live text
// (LiveTextPanel) shows what is being said, until the full-quality pass after stop replaces it.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import type { RecordingState, RecoveredRecording } from '../../../shared/recording.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { userText } from '../../i18n/textLang.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { clock } from '../common/time.ts';
import { rememberDevice, rememberedDevice, sessionFor, type MicProblem, type Snapshot } from './recorder.ts';
import './recording.css';

const micMessages: Record<MicProblem, MessageKey> = {
  noMicrophone: 'recNoMicrophone',
  permissionDenied: 'recPermissionDenied',
  deviceBusy: 'recDeviceBusy',
  deviceLost: 'recDeviceLost',
  audioFailed: 'recAudioFailed',
};

function isTextField(el: Element | null): boolean {
  return !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio'].includes((el as HTMLInputElement).type)));
}

/** The meter's scale: -60 dBFS (empty) to 0 dBFS (full). */
function levelPercent(peak: number): number {
  if (peak <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round(((20 * Math.log10(peak) + 60) / 60) * 100)));
}

/** The last mark of a kind in the meeting, to show where a continued recording stands. */
function lastMark(m: Meeting, kind: 'floor' | 'agenda') {
  const marks = (m.marks ?? []).filter((k) => k.kind === kind);
  return marks[marks.length - 1] ?? null;
}

export function RecordingPanel({ meeting, onMeeting, onTranscribe, recovered }: {
  meeting: Meeting;
  onMeeting(m: Meeting): void;
  onTranscribe(): void;
  /** A recovery the meeting page already asked main about (main says it once): shown here. */
  recovered?: RecoveredRecording | null;
}) {
  const { t, errorMessage, lang } = useI18n();
  const session = sessionFor(meeting.id);
  const s = useSyncExternalStore(session.subscribe, () => session.snapshot);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState(rememberedDevice);
  const [orphan, setOrphan] = useState<RecordingState | null>(null);
  const [askNew, setAskNew] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [item, setItem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [applied, setApplied] = useState(false);
  const { reconnections } = useConnection();
  const readOnly = meeting.status === 'approved';
  const active = s.phase === 'recording' || s.phase === 'paused';
  // Marks may be made from the moment the microphone is asked for: its audio is kept.
  const marking = active || s.phase === 'starting';
  // The device the list shows: a remembered one that is gone (unplugged) falls back to the default.
  const shownDevice = devices.some((d) => d.deviceId === deviceId) ? deviceId : '';

  const listDevices = useCallback(() => {
    navigator.mediaDevices
      ?.enumerateDevices()
      .then((all) => setDevices(all.filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default' && d.deviceId !== 'communications')))
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    listDevices();
    navigator.mediaDevices?.addEventListener('devicechange', listDevices);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', listDevices);
  }, [listDevices]);
  // Device names are hidden until the microphone has been allowed once.
  useEffect(() => {
    if (s.phase === 'recording') listDevices();
  }, [s.phase, listDevices]);

  // What main holds for this meeting: a recording recovered after a crash (said once), or one
  // still open with nothing feeding it (this page was reloaded while it recorded).
  useEffect(() => {
    if (session.snapshot.phase !== 'idle') return;
    client.api
      .getRecording({ meetingId: meeting.id })
      .then((st) => {
        const said = st.recovered ?? recovered;
        if (said) session.setRecovered(said);
        setOrphan(st.recording);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [meeting.id, session, errorMessage, reconnections, recovered]);

  // A continued recording goes on from the last speaker and agenda item marked.
  useEffect(() => {
    if (s.phase !== 'starting') return;
    setSpeaker(lastMark(meeting, 'floor')?.participantId ?? null);
    setItem(lastMark(meeting, 'agenda')?.agendaItemId ?? null);
    // Only when a recording starts (not on each meeting refresh): later marks are this page's own.
  }, [s.phase]); // eslint-disable-line

  const chooseDevice = (id: string) => {
    setDeviceId(id);
    rememberDevice(id);
  };

  const start = async (continuing: boolean) => {
    setError(null);
    setApplied(false);
    session.dismissRecovered();
    const adopt = orphan;
    setOrphan(null);
    await session.start({ deviceId, continuing, adopt: adopt ?? undefined });
  };

  const stop = async () => {
    const m = await session.stop();
    if (m) onMeeting(m);
  };

  const mark = useCallback(
    (kind: 'floor' | 'decision' | 'agenda', target?: string) => {
      if (!marking) return;
      if (kind === 'floor' && target) {
        setSpeaker(target);
        const time = clock(Math.floor(session.addMark({ kind, participantId: target })));
        setAnnounce(t('recFloorTo', { name: meeting.participants.find((x) => x.id === target)?.name ?? '', time }));
      } else if (kind === 'decision') {
        setAnnounce(t('recDecisionAt', { time: clock(Math.floor(session.addMark({ kind }))) }));
      } else if (kind === 'agenda' && target) {
        setItem(target);
        const time = clock(Math.floor(session.addMark({ kind, agendaItemId: target })));
        const i = meeting.agenda.findIndex((a) => a.id === target);
        setAnnounce(t('recItemAt', { n: i + 1, title: meeting.agenda[i]?.title ?? '', time }));
      }
    },
    [marking, session, meeting.participants, meeting.agenda, t],
  );

  const nextItem = useCallback(() => {
    const i = item ? meeting.agenda.findIndex((a) => a.id === item) : -1;
    const next = meeting.agenda[i + 1];
    if (next) mark('agenda', next.id);
    else setAnnounce(t(meeting.agenda.length ? 'recLastItem' : 'recNoAgenda'));
  }, [item, meeting.agenda, mark, t]);

  // The marking keys, by physical key (an Arabic keyboard layout gives the same codes).
  useEffect(() => {
    if (!marking) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTextField(document.activeElement)) return;
      if (document.querySelector('dialog[open]')) return;
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1];
      if (digit) {
        const p = meeting.participants[Number(digit) - 1];
        if (p) {
          e.preventDefault();
          mark('floor', p.id);
        }
      } else if (e.code === 'KeyD') {
        e.preventDefault();
        mark('decision');
      } else if (e.code === 'KeyN') {
        e.preventDefault();
        nextItem();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [marking, meeting.participants, mark, nextItem]);

  const applyMarks = async () => {
    setError(null);
    if (await session.edit({ type: 'applyMarks' })) {
      setApplied(true);
      onMeeting(await client.api.getMeeting({ id: meeting.id }));
    }
  };

  if (readOnly) return <p className="notice">{t('readOnlyNotice')}</p>;

  const pct = levelPercent(s.peak);
  const db = s.peak > 0 ? Math.max(-60, Math.round(20 * Math.log10(s.peak))) : -60;
  const currentItem = item ? meeting.agenda.findIndex((a) => a.id === item) : -1;
  const marksCount = meeting.marks?.length ?? 0;
  const hasAudio = !!meeting.audio;
  const stateKey: MessageKey | null =
    s.phase === 'recording' ? 'recStateRecording' : s.phase === 'paused' ? 'recStatePaused' : s.phase === 'starting' ? 'recStateStarting' : s.phase === 'stopping' ? 'recStateStopping' : null;

  return (
    <div className="recording-panel">
      {s.recovered && (
        <div className="rec-recovered" role="status">
          <p>
            {s.recovered.attached
              ? t('recRecovered', { duration: clock(s.recovered.durationSec) })
              : t('recRecoveredKept', { duration: clock(s.recovered.durationSec), file: s.recovered.file })}
            {s.continuedAfterCrash ? ` ${t('recContinuedAfterCrash')}` : ''}
          </p>
          <div className="rec-actions">
            {s.phase === 'idle' && s.recovered.attached && (
              <button type="button" className="primary" onClick={() => void start(true)}>
                {t('recContinue')}
              </button>
            )}
            <button type="button" onClick={() => session.dismissRecovered()}>
              {t('dismiss')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="rec-problem" role="alert">
          {error}
        </p>
      )}
      {s.micProblem && (
        <p className="rec-problem" role="alert">
          {t(micMessages[s.micProblem])}
        </p>
      )}
      {s.sendProblem !== null && (
        <p className="rec-problem" role="alert">
          {s.sendProblem === 'connection' ? t('recConnection', { n: s.unsent }) : errorMessage(s.sendProblem)}
        </p>
      )}

      <div className="rec-controls">
        <label className="field rec-device">
          <span>{t('recMicrophone')}</span>
          <select value={shownDevice} onChange={(e) => chooseDevice(e.target.value)} disabled={s.phase === 'recording' || s.phase === 'starting' || s.phase === 'stopping'}>
            <option value="">{t('recDefaultMic')}</option>
            {devices.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label || t('recMicN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
        <div className="rec-actions">
          {s.phase === 'idle' && orphan && (
            <>
              <button type="button" className="primary" onClick={() => void start(false)}>
                {t('recAdopt')}
              </button>
            </>
          )}
          {s.phase === 'idle' && !orphan && hasAudio && (
            <>
              <button type="button" className="primary" onClick={() => void start(true)}>
                {t('recContinue')}
              </button>
              <button type="button" onClick={() => setAskNew(true)}>
                {t('recNew')}
              </button>
            </>
          )}
          {s.phase === 'idle' && !orphan && !hasAudio && (
            <button type="button" className="primary rec-start" onClick={() => void start(false)}>
              {t('recStart')}
            </button>
          )}
          {s.phase === 'recording' && (
            <button type="button" onClick={() => void session.pause()}>
              {t('recPause')}
            </button>
          )}
          {s.phase === 'paused' && (
            <button type="button" className="primary" onClick={() => void session.resume(shownDevice)}>
              {t('recResume')}
            </button>
          )}
          {(active || (s.phase === 'idle' && orphan)) && (
            <button type="button" className="danger" onClick={() => void (active ? stop() : client.api.stopRecording({ meetingId: meeting.id }).then((m) => (setOrphan(null), onMeeting(m))))}>
              {t('recStop')}
            </button>
          )}
        </div>
      </div>
      {s.phase === 'idle' && orphan && (
        <p className="notice" role="status">
          {t('recOrphan', { duration: clock(orphan.durationSec) })}
        </p>
      )}

      <div className={`rec-live rec-${s.phase}`}>
        <div className="rec-meter" role="meter" aria-label={t('recLevel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={t('recLevelText', { db })}>
          <div className="rec-meter-fill" style={{ inlineSize: `${pct}%` }} />
        </div>
        <div className="rec-clock-row">
          <span className="rec-clock" role="timer" aria-label={t('recTime')}>
            {/* The page's own count of the audio it captured (after a stop, what the file should hold). */}
            {clock(Math.floor(s.phase === 'idle' && !s.stopped ? 0 : s.clockSec))}
          </span>
          <span className="rec-state" role="status">
            {stateKey ? t(stateKey) : ''}
          </span>
        </div>
      </div>

      {/* Always in the page, even empty: a live region added with its text is not read out. */}
      <div className="rec-warnings" role="status">
        {s.silent && <p className="rec-warning">{t('recSilent')}</p>}
        {s.clipping && <p className="rec-warning">{t('recClipping')}</p>}
      </div>
      {s.lowDiskMinutes !== null && s.phase !== 'idle' && (
        // An alert: the recording will stop when the disk is full.
        <p className="rec-warning" role="alert">
          {t('recLowDisk', { n: s.lowDiskMinutes })}
        </p>
      )}

      {(s.phase !== 'idle' || s.live.state !== null || s.live.committed) && <LiveTextPanel s={s} meeting={meeting} onTranscribe={onTranscribe} />}

      <section className="rec-marks card" aria-labelledby="rec-marks-title">
        <h2 id="rec-marks-title">{t('recMarks')}</h2>
        <p className="notice">{t('recMarksHelp')}</p>
        {meeting.participants.length === 0 ? (
          <p className="notice">{t('recNoParticipants')}</p>
        ) : (
          <div className="rec-speakers" role="group" aria-label={t('recFloor')}>
            {meeting.participants.map((p, i) => (
              <button key={p.id} type="button" className="rec-speaker" aria-keyshortcuts={i < 9 ? String(i + 1) : undefined} aria-pressed={speaker === p.id} disabled={!marking} onClick={() => mark('floor', p.id)}>
                {i < 9 && <kbd aria-hidden="true">{i + 1}</kbd>}
                <span {...(p.name ? userText(p.name, lang, meeting.language) : {})}>{p.name || t('untitled')}</span>
              </button>
            ))}
          </div>
        )}
        <div className="rec-actions">
          <button type="button" disabled={!marking} onClick={() => mark('decision')} aria-keyshortcuts="D">
            <kbd aria-hidden="true">D</kbd> {t('recDecision')}
          </button>
          <button type="button" disabled={!marking || meeting.agenda.length === 0} onClick={nextItem} aria-keyshortcuts="N">
            <kbd aria-hidden="true">N</kbd> {t('recNextItem')}
          </button>
          <span className="rec-item">{currentItem >= 0 ? t('recCurrentItem', { n: currentItem + 1, title: meeting.agenda[currentItem]?.title ?? '' }) : t('recNoCurrentItem')}</span>
        </div>
        <p className="rec-announce" role="status" aria-live="polite">
          {announce}
        </p>
        <p className="notice">
          {t('recMarksSaved', { n: s.marksSaved })}
          {s.marksPending > 0 ? ` · ${t('recMarksPending', { n: s.marksPending })}` : ''}
        </p>
        {s.markProblem !== null && (
          <p className="rec-problem" role="alert">
            {s.markProblem === 'connection' ? t('recMarksWaiting') : errorMessage(s.markProblem)}
          </p>
        )}
      </section>

      {s.phase === 'idle' && (s.stopped || marksCount > 0) && (
        <section className="rec-after card" aria-labelledby="rec-after-title">
          <h2 id="rec-after-title">{t('recAfter')}</h2>
          {s.stopped?.audio && (
            <p role="status">{t('recStopped', { duration: clock(s.stopped.audio.durationSec) })}</p>
          )}
          {meeting.segments.length === 0 ? (
            <>
              {/* While the full pass main started by itself runs, the live text panel says so. */}
              {!fullPassUnderway(s) && <p className="notice">{t('recTranscribeFirst', { n: marksCount })}</p>}
              <button type="button" className="primary" onClick={onTranscribe}>
                {t('recGoTranscribe')}
              </button>
            </>
          ) : (
            marksCount > 0 && (
              <>
                <button type="button" className="primary" onClick={() => void applyMarks()}>
                  {t('recApplyMarks', { n: marksCount })}
                </button>
                {applied && <p role="status">{t('recMarksApplied')}</p>}
              </>
            )
          )}
        </section>
      )}

      {askNew && (
        <ConfirmDialog
          title={t('recNewTitle')}
          body={t('recNewBody', { duration: clock(meeting.audio?.durationSec ?? 0), n: meeting.segments.length })}
          confirmLabel={t('recNewConfirm')}
          danger
          onCancel={() => setAskNew(false)}
          onConfirm={() => {
            setAskNew(false);
            void start(false);
          }}
        />
      )}
    </div>
  );
}

/** No model: main starts no full pass after stop (the live text said so when it could not start). */
function noModel(s: Snapshot): boolean {
  return s.live.state === 'unavailable' && (!s.live.error || s.live.error.code === 'model.notFound');
}

/** After stop: the full pass main starts by itself is starting or running. */
function fullPassUnderway(s: Snapshot): boolean {
  if (s.phase !== 'idle' || !s.stopped) return false;
  return s.fullPass ? s.fullPass.status === 'running' : s.live.state !== null && !noModel(s);
}

/** What the live engine says of itself, as a line under the text (null when all is well). */
function liveStatusLine(s: Snapshot, t: ReturnType<typeof useI18n>['t'], errorMessage: ReturnType<typeof useI18n>['errorMessage']): string | null {
  const { state, error, committed, tentative } = s.live;
  if (state === 'off') return t('recLiveOff');
  if (state === 'unavailable') {
    if (!error || error.code === 'model.notFound') return t('recLiveNoModel');
    if (error.code === 'live.engineMissing') return errorMessage(error);
    return t('recLiveUnavailable', { reason: errorMessage(error) });
  }
  if (state === 'failed') return error ? t('recLiveFailedWhy', { reason: errorMessage(error) }) : t('recLiveFailed');
  if (s.phase === 'idle' || s.phase === 'stopping') return null;
  if (state === 'starting' || state === null) return t('recLiveStarting');
  if (!committed && !tentative) return t('recLiveWaiting');
  return null;
}

/**
 * The live text: committed words appended in order, the tentative tail greyed after them, kept
 * scrolled to the end unless the secretary scrolled up to read; a status line when it is
 * unavailable or failed (recording goes on), and after stop, the full pass that replaces it.
 */
function LiveTextPanel({ s, meeting, onTranscribe }: { s: Snapshot; meeting: Meeting; onTranscribe(): void }) {
  const { t, errorMessage } = useI18n();
  const logRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const { committed, tentative, skippedSec } = s.live;

  useLayoutEffect(() => {
    const el = logRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [committed, tentative]);

  const onScroll = () => {
    const el = logRef.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  const status = liveStatusLine(s, t, errorMessage);
  const job = s.fullPass;
  const after = s.phase === 'idle' && !!s.stopped;
  let pass: string | null = null;
  if (after && job?.status === 'running') pass = t('recFullPassRunning', { n: Math.floor(job.percent) });
  else if (after && job?.status === 'done') pass = t('recFullPassDone');
  else if (after && job?.status === 'failed') pass = job.error ? t('recFullPassFailed', { reason: errorMessage(job.error) }) : t('recFullPassFailed', { reason: '' });
  else if (!job && fullPassUnderway(s)) pass = t('recFullPassStarting');

  return (
    <section className="rec-transcript card" aria-labelledby="rec-live-title">
      <h2 id="rec-live-title">{t('recLiveTitle')}</h2>
      <div ref={logRef} className="rec-live-text" role="log" aria-live="polite" aria-labelledby="rec-live-title" tabIndex={0} onScroll={onScroll} lang={meeting.language} dir="auto">
        {committed && <span className="rec-live-committed">{committed}</span>}
        {committed && tentative ? ' ' : ''}
        {/* Replaced every second: shown, not read out (the committed words are). */}
        {tentative && (
          <span className="rec-live-tentative" aria-hidden="true">
            {tentative}
          </span>
        )}
      </div>
      <div className="rec-live-status" role="status">
        {status && <p>{status}</p>}
        {skippedSec > 0 && <p>{t('recLiveSkipped', { n: Math.round(skippedSec) })}</p>}
        {pass && <p>{pass}</p>}
      </div>
      {pass && (
        <button type="button" className="link" onClick={onTranscribe}>
          {t('recSeeTranscript')}
        </button>
      )}
    </section>
  );
}
