import { useLayoutEffect, useRef } from 'react';
import type { Meeting } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { fullPassUnderway, liveStatusLine } from './live-status.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * The live text: committed words appended in order, the tentative tail greyed after them, kept
 * scrolled to the end unless the secretary scrolled up to read; a status line when it is
 * unavailable or failed (recording goes on), and after stop, the full pass that replaces it: once
 * that is done the live text is no longer shown (the transcript holds the full pass's text).
 */
export function LiveTextPanel({ s, meeting, onTranscribe }: { s: Snapshot; meeting: Meeting; onTranscribe(): void }) {
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
  const replaced = after && job?.status === 'done';
  let pass: string | null = null;
  if (after && job?.status === 'running') pass = t('recFullPassRunning', { n: Math.floor(job.percent) });
  else if (replaced) pass = t('recFullPassDone');
  else if (after && job?.status === 'failed') pass = job.error ? t('recFullPassFailed', { reason: errorMessage(job.error) }) : t('recFullPassFailed', { reason: '' });
  else if (!job && fullPassUnderway(s)) pass = t('recFullPassStarting');

  return (
    <section className="rec-transcript card" aria-labelledby="rec-live-title">
      <h2 id="rec-live-title">{t('recLiveTitle')}</h2>
      {!replaced && (
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
      )}
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
