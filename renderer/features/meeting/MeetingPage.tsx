// One meeting in five tabs: its details form (saved as typed, with undo), its recording, its
// transcript, its review (the editor) and its minutes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import type { RecoveredRecording } from '../../../shared/recording.ts';
import { client } from '../../api/client.ts';
import { useConnection } from '../../api/useConnection.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { TranscriptPanel } from '../transcript/TranscriptPanel.tsx';
import { MinutesPanel } from '../minutes/MinutesPanel.tsx';
import { ReviewEditor } from '../editor/ReviewEditor.tsx';
import { RecordingPanel } from '../recording/RecordingPanel.tsx';
import { formFieldNames, MeetingForm, type FormFields } from './MeetingForm.tsx';
import { useAutosave } from './useAutosave.ts';

type Tab = 'details' | 'recording' | 'transcript' | 'review' | 'minutes';
const tabs: Tab[] = ['details', 'recording', 'transcript', 'review', 'minutes'];

function pickForm(m: Meeting): FormFields {
  return Object.fromEntries(formFieldNames.map((k) => [k, m[k]])) as FormFields;
}

function isTextField(el: Element | null): boolean {
  return !!el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio'].includes((el as HTMLInputElement).type)));
}

export function MeetingPage({ meetingId, onBack }: { meetingId: string; onBack(): void }) {
  const { t, errorMessage, lang } = useI18n();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [form, setForm] = useState<FormFields | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('details');
  const [recovered, setRecovered] = useState<RecoveredRecording | null>(null);
  const undoStack = useRef<FormFields[]>([]);
  // The review editor has its own undo (the journal) and follows changes itself.
  const tabRef = useRef(tab);
  tabRef.current = tab;

  const load = useCallback(() => {
    client.api
      .getMeeting({ id: meetingId })
      .then((m) => {
        setMeeting(m);
        setForm(pickForm(m));
        setError(null);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [meetingId, errorMessage]);
  useEffect(load, [load]);

  // A recording still open (this page was reloaded while it recorded) or recovered after a crash
  // is the first thing the secretary must see: open its tab. Main says a recovery only once, so it
  // is handed to the panel.
  useEffect(() => {
    client.api
      .getRecording({ meetingId })
      .then((st) => {
        if (st.recovered) setRecovered(st.recovered);
        if (st.recording || st.recovered) setTab('recording');
      })
      .catch(() => undefined); // the panel asks again and shows the error
  }, [meetingId]);

  const { save, flush, state } = useAutosave(meetingId, setMeeting, (e) => setError(errorMessage(e)));

  const change = useCallback(
    (patch: Partial<FormFields>, undoable = false) => {
      setForm((prev) => {
        if (!prev) return prev;
        if (undoable) undoStack.current = [...undoStack.current.slice(-49), prev];
        return { ...prev, ...patch };
      });
      save(patch);
    },
    [save],
  );

  const undo = useCallback(() => {
    const prev = undoStack.current.pop();
    if (!prev) return;
    setForm(prev);
    save({ participants: prev.participants, agenda: prev.agenda, annexes: prev.annexes ?? [] });
  }, [save]);

  // Ctrl+Z undoes the last list change (a removed participant, a moved agenda item or annex) when the
  // focus is not in a text field, where the browser's own text undo applies. Ctrl+S saves now.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey && !isTextField(document.activeElement) && tabRef.current !== 'review') {
        e.preventDefault();
        undo();
      } else if (mod && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, flush]);

  // A read answered after a newer edit was applied here must not take the page back to an older version.
  const keepNewer = useCallback((m: Meeting) => setMeeting((prev) => (prev && (prev.version ?? 0) > (m.version ?? 0) ? prev : m)), []);

  // Segments streamed by a transcription, or changes from another window, refresh the meeting.
  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'meeting' && e.meetingId === meetingId && tabRef.current !== 'review') client.api.getMeeting({ id: meetingId }).then(keepNewer).catch(() => undefined);
      }),
    [meetingId, keepNewer],
  );

  // Events sent while the server was away are lost: after a reconnection, read the meeting again
  // (the form keeps what the secretary typed; its unsaved changes are still pending in autosave).
  const { reconnections } = useConnection();
  useEffect(() => {
    if (reconnections > 0) client.api.getMeeting({ id: meetingId }).then(keepNewer).catch(() => undefined);
  }, [reconnections, meetingId, keepNewer]);

  // The transcript panel applies live segments to the latest meeting, not to the one it last rendered.
  const updateMeeting = useCallback((update: Meeting | ((prev: Meeting) => Meeting)) => {
    setMeeting((prev) => (typeof update === 'function' ? (prev ? update(prev) : prev) : update));
  }, []);

  const back = async () => {
    await flush();
    onBack();
  };

  if (!meeting || !form) {
    return (
      <section>
        <button type="button" className="link" onClick={onBack}>
          {t('back')}
        </button>
        <ErrorBanner error={error} onDismiss={() => setError(null)} onRetry={load} />
        {!error && <p>{t('loading')}</p>}
      </section>
    );
  }

  const readOnly = meeting.status === 'approved';
  return (
    <section className="meeting-page" aria-labelledby="meeting-title">
      <div className="toolbar">
        <button type="button" className="link" onClick={() => void back()}>
          {t('back')}
        </button>
        <h1 id="meeting-title" {...(form.title ? userText(form.title, lang, form.language) : {})}>
          {form.title || t('untitled')}
        </h1>
        <span className={`status status-${meeting.status}`}>{t(`status_${meeting.status}`)}</span>
        <span className={`save-state save-${state}`} role="status" aria-live="polite">
          {state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? t('saveFailed') : ''}
        </span>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} onRetry={state === 'error' ? () => void flush() : undefined} />
      {readOnly && <p className="notice">{t('readOnlyNotice')}</p>}
      <div role="tablist" className="tabs" aria-label={form.title || t('untitled')}>
        {tabs.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            onClick={() => setTab(k)}
            onKeyDown={(e) => {
              // Arrow keys move between tabs (in reading direction for RTL too).
              const dir = document.documentElement.dir === 'rtl' ? -1 : 1;
              const delta = e.key === 'ArrowRight' ? dir : e.key === 'ArrowLeft' ? -dir : 0;
              if (!delta) return;
              const next = tabs[(tabs.indexOf(k) + delta + tabs.length) % tabs.length]!;
              setTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {t(k)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'details' && <MeetingForm value={form} onChange={change} readOnly={readOnly} />}
        {tab === 'recording' && <RecordingPanel meeting={meeting} onMeeting={keepNewer} onTranscribe={() => setTab('transcript')} recovered={recovered} />}
        {tab === 'transcript' && <TranscriptPanel meeting={meeting} onMeeting={updateMeeting} />}
        {tab === 'review' && <ReviewEditor meeting={meeting} onMeeting={updateMeeting} />}
        {tab === 'minutes' && <MinutesPanel meeting={meeting} onMeeting={setMeeting} />}
      </div>
    </section>
  );
}
