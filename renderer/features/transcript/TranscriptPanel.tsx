// The transcript tab: import an audio file, choose a model, run the local engine with a progress
// bar and a stop button, and see segments appear as they are decoded (each already saved).
// Replacing audio that has a transcript, and transcribing again from the start, ask first.
import { useCallback, useState } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { client } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { ErrorBanner } from '../common/ErrorBanner.tsx';
import { clock } from '../common/time.ts';
import { DraftingControls } from '../drafting/DraftingControls.tsx';
import { LanguageModelCard } from '../drafting/LanguageModelCard.tsx';
import { AudioCard } from './AudioCard.tsx';
import { EngineCard } from './EngineCard.tsx';
import { JobControls } from './JobControls.tsx';
import { TranscriptCard } from './TranscriptCard.tsx';
import { useEngineChoice } from './useEngineChoice.ts';
import { useTranscriptionJob } from './useTranscriptionJob.ts';
import { useUpload } from './useUpload.ts';

export function TranscriptPanel({ meeting, onMeeting }: { meeting: Meeting; onMeeting(update: Meeting | ((prev: Meeting) => Meeting)): void }) {
  const { t, errorMessage } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);
  /** An audio file chosen while the meeting has a transcript: imported only once the secretary confirms. */
  const [pendingAudio, setPendingAudio] = useState<File | null>(null);
  const fail = useCallback((e: unknown) => setError(errorMessage(e)), [errorMessage]);
  const engine = useEngineChoice(meeting.id, fail);
  const { job, ...transcription } = useTranscriptionJob(meeting, onMeeting, fail);
  const upload = useUpload(fail);

  const importAudio = (file: File) => {
    setError(null);
    void upload.send(file, async (uploadId) => {
      onMeeting(await client.api.importAudio({ meetingId: meeting.id, uploadId }));
      await transcription.audioReplaced();
    });
  };
  const importModel = (file: File) => {
    setError(null);
    void upload.send(file, engine.importModel);
  };
  const chooseAudio = (file: File) => {
    if (meeting.segments.length > 0 && meeting.audio) setPendingAudio(file);
    else importAudio(file);
  };
  const start = (restart: boolean) => {
    setError(null);
    setConfirmRestart(false);
    void transcription.start(engine, restart);
  };

  const running = job?.status === 'running';
  const readOnly = meeting.status === 'approved';
  const uploading = upload.progress !== null;
  return (
    <div className="transcript-panel">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <AudioCard meeting={meeting} upload={upload.progress} disabled={running || readOnly || uploading} onFile={chooseAudio} />
      <EngineCard engine={engine} running={running} uploading={uploading} onImportModel={importModel} onError={fail}>
        <JobControls
          job={job}
          hasSegments={meeting.segments.length > 0}
          canRun={!!meeting.audio && !!engine.modelId && !readOnly}
          onStart={() => start(false)}
          onRestart={() => setConfirmRestart(true)}
          onStop={transcription.cancel}
        />
      </EngineCard>
      <LanguageModelCard><DraftingControls meetingId={meeting.id} disabled={readOnly || meeting.segments.length === 0} /></LanguageModelCard>
      <TranscriptCard meeting={meeting} running={running} />
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
            importAudio(f);
          }}
          onCancel={() => setPendingAudio(null)}
        />
      )}
      {confirmRestart && (
        <ConfirmDialog title={t('restartTranscription')} body={t('confirmRestart')} confirmLabel={t('restartTranscription')} danger onConfirm={() => start(true)} onCancel={() => setConfirmRestart(false)} />
      )}
    </div>
  );
}
