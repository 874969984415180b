// The transcript as decoded, in time order, with who speaks; and, once no job runs, the spans
// of the recording that have no text (the engine stopped early or skipped a passage).
import type { Meeting } from '../../../shared/domain.ts';
import { untranscribedSpans } from '../../../shared/transcript/gaps.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { userText } from '../../i18n/textLang.ts';
import { clock } from '../common/time.ts';

export function TranscriptCard({ meeting, running }: { meeting: Meeting; running: boolean }) {
  const { t, lang } = useI18n();
  const segments = [...meeting.segments].sort((a, b) => a.start - b.start);
  const speakerName = (id: string | null) => meeting.participants.find((p) => p.id === id)?.name ?? '';
  const gaps = !running && segments.length > 0 && meeting.audio ? untranscribedSpans(segments, meeting.audio.durationSec) : [];
  return (
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
              <span className="seg-time" dir="ltr">
                {clock(s.start)}
              </span>
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
  );
}
