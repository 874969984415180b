// The transcript tab's audio: its length and name, the player, and importing another file (with
// the progress of the upload, a model's included, since one upload runs at a time).
import type { Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { MeetingAudioBar } from '../common/player/MeetingAudioBar.tsx';
import { clock } from '../common/time.ts';
import { FileButton } from './FileButton.tsx';

const audioTypes = '.wav,.mp3,.m4a,.aac,.ogg,.opus,.flac,.webm,audio/*';

export interface AudioCardProps {
  meeting: Meeting;
  /** 0..1 while a file is sent and imported. */
  upload: number | null;
  disabled: boolean;
  onFile(file: File): void;
}

export function AudioCard({ meeting, upload, disabled, onFile }: AudioCardProps) {
  const { t } = useI18n();
  const uploading = upload === null ? '' : t('uploading', { percent: Math.round(upload * 100) });
  return (
    <section className="card" aria-labelledby="audio-h">
      <h2 id="audio-h">{t('audio')}</h2>
      {meeting.audio ? (
        <p>
          {t('audioInfo', { duration: clock(meeting.audio.durationSec) })} — <span dir="auto">{meeting.audio.originalName}</span>
        </p>
      ) : (
        <p>{t('noAudio')}</p>
      )}
      {meeting.audio && <MeetingAudioBar meeting={meeting} />}
      <FileButton label={t('importAudio')} accept={audioTypes} disabled={disabled} onFile={onFile} />
      {upload !== null && (
        <p role="status">
          <progress value={upload} max={1} aria-label={uploading} /> {uploading}
        </p>
      )}
    </section>
  );
}
