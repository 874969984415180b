// One meeting in five tabs: its details form (saved as typed, with undo), its recording, its
// transcript, its review (the editor) and its minutes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { actionFor, isTextField } from '../common/keymap.ts';
import { TranscriptPanel } from '../transcript/TranscriptPanel.tsx';
import { MinutesPanel } from '../minutes/MinutesPanel.tsx';
import { ReviewEditor } from '../editor/ReviewEditor.tsx';
import { RecordingPanel } from '../recording/RecordingPanel.tsx';
import { MeetingForm } from './MeetingForm.tsx';
import { MeetingHeader } from './MeetingHeader.tsx';
import { MeetingTabs, type Tab } from './MeetingTabs.tsx';
import { useMeeting } from './useMeeting.ts';
import { useMeetingForm } from './useMeetingForm.ts';
import { useRecordingOnOpen } from './useRecordingOnOpen.ts';
import { useRecordingUnderReview } from './useRecordingUnderReview.ts';

/** Tabs whose panel says itself that an approved meeting is read-only, with what that means there: the page does not say it twice. */
const SAYS_READ_ONLY: ReadonlySet<Tab> = new Set<Tab>(['recording', 'review']);

/**
 * Ctrl+Z undoes the last list change (a removed participant, a moved agenda item or annex) when the
 * focus is not in a text field, where the browser's own text undo applies, and not in the review
 * editor, which has its own undo (the journal). Ctrl+S saves now.
 */
function useFormKeys(undo: () => void, flush: () => Promise<void>, inReview: () => boolean) {
  const inReviewNow = useRef(inReview);
  inReviewNow.current = inReview;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = actionFor('details', e) ?? actionFor('global', e);
      if (key?.action === 'formUndo' && !isTextField(document.activeElement) && !inReviewNow.current()) {
        e.preventDefault();
        undo();
      } else if (key?.action === 'save') {
        e.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, flush]);
}

export function MeetingPage({ meetingId, onBack }: { meetingId: string; onBack(): void }) {
  const { t, errorMessage } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setError(errorMessage(e)), [errorMessage]);
  const clearError = useCallback(() => setError(null), []);
  const [tab, setTab] = useState<Tab>('details');
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const inReview = () => tabRef.current === 'review';

  // The review editor follows changes itself: on its tab the page does not read the meeting again.
  const { meeting, setMeeting, load, refresh, keepNewer, updateMeeting } = useMeeting(meetingId, fail, clearError, () => !inReview());
  // The editor starts from the meeting as main has it now: segments saved while another tab was
  // shown (the full pass that follows a recording streams them to an open editor only) are in it.
  useEffect(() => {
    if (tab === 'review') refresh();
  }, [tab, refresh]);
  const { form, change, undo, flush, saveState } = useMeetingForm(meetingId, meeting, setMeeting, fail);
  const recovered = useRecordingOnOpen(meetingId, () => setTab('recording'));
  const recording = useRecordingUnderReview(meetingId);
  useFormKeys(undo, flush, inReview);

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
        <ErrorBanner error={error} onDismiss={clearError} onRetry={load} />
        {!error && <p>{t('loading')}</p>}
      </section>
    );
  }

  const readOnly = meeting.status === 'approved';
  return (
    <section className="meeting-page" aria-labelledby="meeting-title">
      <MeetingHeader meeting={meeting} form={form} saveState={saveState} onBack={() => void back()} />
      <ErrorBanner error={error} onDismiss={clearError} onRetry={saveState === 'error' ? () => void flush() : undefined} />
      {readOnly && !SAYS_READ_ONLY.has(tab) && <p className="notice">{t('readOnlyNotice')}</p>}
      <MeetingTabs tab={tab} onTab={setTab} label={form.title || t('untitled')} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'details' && <MeetingForm value={form} onChange={change} readOnly={readOnly} />}
        {tab === 'recording' && <RecordingPanel meeting={meeting} onMeeting={keepNewer} onTranscribe={() => setTab('transcript')} onReview={() => setTab('review')} recovered={recovered} />}
        {tab === 'transcript' && <TranscriptPanel meeting={meeting} onMeeting={updateMeeting} />}
        {tab === 'review' && <ReviewEditor meeting={meeting} onMeeting={updateMeeting} recording={recording} />}
        {tab === 'minutes' && <MinutesPanel meeting={meeting} onMeeting={setMeeting} />}
      </div>
    </section>
  );
}
