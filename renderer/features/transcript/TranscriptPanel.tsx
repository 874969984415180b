// The transcript tab: import an audio file, choose a model, run the local engine with a progress
// bar and a stop button, and see segments appear as they are decoded (each already saved).
import { useEffect, useRef, useState } from 'react';
import type { ModelInfo, TranscriptionJob } from '../../../shared/api.ts';
import type { Meeting } from '../../../shared/domain.ts';
import { untranscribedSpans } from '../../../shared/transcript/gaps.ts';
import { client } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { useConnection } from '../../api/useConnection.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';
import { ChoiceField } from '../common/ChoiceField.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { MeetingAudioBar } from '../common/player/MeetingAudioBar.tsx';
import { initialModel } from './model-choice.ts';
import { ModelList } from './ModelList.tsx';
import { clock } from '../common/time.ts';

const spokenLanguages = ['ar', 'auto', 'fr', 'en'] as const;

export function TranscriptPanel({ meeting, onMeeting }: { meeting: Meeting; onMeeting(update: Meeting | ((prev: Meeting) => Meeting)): void }) {
  const { t, errorMessage, lang } = useI18n();
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [modelId, setModelId] = useState<string>('');
  const [language, setLanguage] = useState<(typeof spokenLanguages)[number]>('ar');
  const [threads, setThreads] = useState(0);
  const [job, setJob] = useState<TranscriptionJob | null>(null);
  const [upload, setUpload] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);
  /** An audio file chosen while the meeting has a transcript: imported only once the secretary confirms. */
  const [pendingAudio, setPendingAudio] = useState<File | null>(null);
  const { reconnections } = useConnection();
  const jobRef = useRef(job);
  jobRef.current = job;
  const audioInput = useRef<HTMLInputElement>(null);
  const modelInput = useRef<HTMLInputElement>(null);
  const fail = (e: unknown) => setError(errorMessage(e));

  useEffect(() => {
    Promise.all([client.api.listModels({}), client.api.getSettings({}), client.api.getTranscription({ meetingId: meeting.id })])
      .then(([list, settings, current]) => {
        setModels(list);
        setModelId(initialModel(list, settings.modelId));
        setLanguage(settings.transcriptionLanguage);
        setThreads(settings.threads);
        setJob(current);
      })
      .catch(fail);
    // After a reconnection this runs again: a job may have ended, or died with the server.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meeting.id, reconnections]);

  const refreshJob = () =>
    client.api
      .getTranscription({ meetingId: meeting.id })
      .then(setJob)
      .catch(() => undefined);

  useEffect(
    () =>
      client.onEvent((e) => {
        if (e.type === 'job' && e.job.meetingId === meeting.id) {
          setJob(e.job);
          if (e.job.error) setError(errorMessage(e.job.error));
          if (e.job.status !== 'running') client.api.getMeeting({ id: meeting.id }).then(onMeeting).catch(() => undefined);
        } else if (e.type === 'segment' && e.meetingId === meeting.id) {
          // Several segments arrive in one burst, before React renders: each must add to the
          // latest meeting, or only the last of the burst would be shown.
          const seg = e.segment;
          onMeeting((m) => ({ ...m, segments: [...m.segments.filter((s) => s.id !== seg.id), seg] }));
        } else if (e.type === 'meeting' && e.meetingId === meeting.id && jobRef.current?.status !== 'running') {
          // The meeting changed (new audio here or in another window, a restart): show the job as the service has it now.
          void refreshJob();
        } else if (e.type === 'model') {
          setModels((list) => list.map((m) => (m.id === e.model.id ? e.model : m)));
        }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [meeting.id, onMeeting, errorMessage],
  );

  const importAudio = async (file: File) => {
    setError(null);
    try {
      setUpload(0);
      const uploadId = await uploadFile(file, setUpload);
      onMeeting(await client.api.importAudio({ meetingId: meeting.id, uploadId }));
      // The old job (its "100 %") belonged to the old recording.
      setJob(null);
      await refreshJob();
    } catch (e) {
      fail(e);
    } finally {
      setUpload(null);
    }
  };

  /** After a download: the list again, and the downloaded model selected when the settings now name it (the model recommended for Arabic). */
  const onDownloaded = (id: string) =>
    Promise.all([client.api.listModels({}), client.api.getSettings({})])
      .then(([list, settings]) => {
        setModels(list);
        if (settings.modelId === id) setModelId(id);
      })
      .catch(fail);

  const importModel = async (file: File) => {
    setError(null);
    try {
      setUpload(0);
      const uploadId = await uploadFile(file, setUpload);
      const model = await client.api.importModel({ uploadId });
      setModels(await client.api.listModels({}));
      setModelId(model.id);
    } catch (e) {
      fail(e);
    } finally {
      setUpload(null);
    }
  };

  const start = async (restart = false) => {
    setError(null);
    setConfirmRestart(false);
    try {
      await client.api.updateSettings({ settings: { modelId, transcriptionLanguage: language, threads } });
      setJob(await client.api.startTranscription({ meetingId: meeting.id, modelId, language, restart, ...(threads ? { threads } : {}) }));
    } catch (e) {
      fail(e);
    }
  };

  const running = job?.status === 'running';
  // A finished job is not run again by Start (the service answers "done" at once): only
  // "Transcribe again from the start" makes sense then. Otherwise starting resumes after the
  // last saved segment.
  const finished = job?.status === 'done';
  const readOnly = meeting.status === 'approved';
  const installed = models.filter((m) => m.installed);
  const segments = [...meeting.segments].sort((a, b) => a.start - b.start);
  const speakerName = (id: string | null) => meeting.participants.find((p) => p.id === id)?.name ?? '';
  const gaps = !running && segments.length > 0 && meeting.audio ? untranscribedSpans(segments, meeting.audio.durationSec) : [];

  const chooseAudio = (file: File) => {
    if (meeting.segments.length > 0 && meeting.audio) setPendingAudio(file);
    else void importAudio(file);
  };

  return (
    <div className="transcript-panel">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <section className="card" aria-labelledby="audio-h">
        <h2 id="audio-h">{t('audio')}</h2>
        {meeting.audio ? <p>{t('audioInfo', { duration: clock(meeting.audio.durationSec) })} — <span dir="auto">{meeting.audio.originalName}</span></p> : <p>{t('noAudio')}</p>}
        {meeting.audio && <MeetingAudioBar meeting={meeting} />}
        <input ref={audioInput} type="file" hidden accept=".wav,.mp3,.m4a,.aac,.ogg,.opus,.flac,.webm,audio/*" aria-label={t('importAudio')} onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) chooseAudio(f);
        }} />
        <button type="button" disabled={running || readOnly || upload !== null} onClick={() => audioInput.current?.click()}>
          {t('importAudio')}
        </button>
        {upload !== null && (
          <p role="status">
            <progress value={upload} max={1} aria-label={t('uploading', { percent: Math.round(upload * 100) })} /> {t('uploading', { percent: Math.round(upload * 100) })}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="engine-h">
        <h2 id="engine-h">{t('model')}</h2>
        {installed.length === 0 && <p>{t('noModel')}</p>}
        <div className="grid">
          <label className="field">
            <span>{t('model')}</span>
            <select value={modelId} onChange={(e) => setModelId(e.target.value)} disabled={running}>
              {installed.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <ChoiceField<(typeof spokenLanguages)[number]> label={t('transcriptionLanguage')} value={language} options={spokenLanguages} optionLabel={(l) => t(`lang_${l}`)} disabled={running} onChange={setLanguage} />
          <label className="field">
            <span>{t('threads')}</span>
            <select value={threads} onChange={(e) => setThreads(Number(e.target.value))} disabled={running}>
              <option value={0}>{t('threadsAuto')}</option>
              {Array.from({ length: Math.min(16, navigator.hardwareConcurrency || 4) }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        <details>
          <summary>{t('modelsSummary')}</summary>
          <ModelList models={models} onModels={setModels} onDownloaded={(id) => void onDownloaded(id)} selected={modelId} onChoose={setModelId} threads={threads} onError={fail} />
          <input ref={modelInput} type="file" hidden accept=".bin" aria-label={t('importModel')} onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importModel(f);
          }} />
          <button type="button" disabled={upload !== null} onClick={() => modelInput.current?.click()}>
            {t('importModel')}
          </button>
        </details>
        <div className="actions">
          {running ? (
            <button type="button" className="danger" onClick={() => client.api.cancelTranscription({ meetingId: meeting.id }).then(setJob).catch(fail)}>
              {t('cancelTranscription')}
            </button>
          ) : (
            <>
              {!(finished && segments.length > 0) && (
                <button type="button" className="primary" disabled={!meeting.audio || !modelId || readOnly} onClick={() => void start()}>
                  {segments.length > 0 ? t('resumeTranscription') : t('startTranscription')}
                </button>
              )}{' '}
              {segments.length > 0 && (
                <button type="button" disabled={!meeting.audio || !modelId || readOnly} onClick={() => setConfirmRestart(true)}>
                  {t('restartTranscription')}
                </button>
              )}
            </>
          )}
        </div>
        {job && (
          <div className="job" role="status" aria-live="polite">
            <progress value={job.percent} max={100} aria-label={t('progress')} /> <span dir="ltr">{Math.floor(job.percent)}%</span>
            {running && job.etaSec !== null && <span> · {t('remaining', { time: clock(job.etaSec) })}</span>}
            {job.status === 'done' && <span> · {t('jobDone')}</span>}
            {job.status === 'cancelled' && <span> · {t('jobCancelled')}</span>}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="segments-h">
        <h2 id="segments-h">{t('transcript')}</h2>
        {gaps.length > 0 && (
          <div className="gap-warning" role="note" aria-labelledby="gaps-h">
            <p id="gaps-h">{t('gapsTitle')}</p>
            <ul>
              {gaps.map((g) => (
                <li key={g.start}>{t('gapSpan', { from: clock(g.start), to: clock(g.end), seconds: Math.round(g.end - g.start) })}</li>
              ))}
            </ul>
          </div>
        )}
        {segments.length === 0 ? (
          <p>{t('noSegments')}</p>
        ) : (
          <ol className="segments">
            {segments.map((s) => (
              <li key={s.id}>
                <span className="seg-time" dir="ltr">{clock(s.start)}</span>
                {s.speakerId && (
                  <span className="seg-speaker" {...userText(speakerName(s.speakerId), lang, meeting.language)}>
                    {speakerName(s.speakerId)}
                  </span>
                )}
                <span className="seg-text" {...userText(s.text, lang, meeting.language)}>
                  {s.text}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {pendingAudio && meeting.audio && (
        <ConfirmDialog
          title={t('confirmReplaceAudioTitle')}
          // The file name is isolated (FSI…PDI) so that "001.wav" is not reordered inside Arabic text.
          body={t('confirmReplaceAudio', { duration: clock(meeting.audio.durationSec), n: meeting.segments.length, name: `\u2068${pendingAudio.name}\u2069` })}
          confirmLabel={t('replaceAudio')}
          danger
          onConfirm={() => {
            const f = pendingAudio;
            setPendingAudio(null);
            void importAudio(f);
          }}
          onCancel={() => setPendingAudio(null)}
        />
      )}
      {confirmRestart && (
        <ConfirmDialog title={t('restartTranscription')} body={t('confirmRestart')} confirmLabel={t('restartTranscription')} danger onConfirm={() => void start(true)} onCancel={() => setConfirmRestart(false)} />
      )}
    </div>
  );
}
