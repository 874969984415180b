import type { Snapshot } from './snapshot.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';

/**
 * How far the full pass that follows the recording has transcribed (main/service/recording/follow.ts),
 * and, when that text is already the meeting's transcript, the way to review and tag it now.
 */
export function FollowedStatus({ s, onReview }: { s: Snapshot; onReview(): void }) {
  const { t } = useI18n();
  const f = s.followed;
  if ((s.phase !== 'recording' && s.phase !== 'paused') || !f || f.endSec <= 0) return null;
  const time = clock(f.endSec);
  return (
    <p className="rec-followed" role="status">
      <span>{f.inTranscript ? t('recFollowed', { time }) : t('recFollowedReplaces', { time })}</span>
      {f.inTranscript && (
        <button type="button" onClick={onReview}>
          {t('recFollowedReview')}
        </button>
      )}
    </p>
  );
}
