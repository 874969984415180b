// The player bar of the review editor: play/pause, back 3 s, speed, the time, and a timeline to
// seek in, coloured by who speaks when. The state lives in usePlayer (the editor owns it, to play
// a segment on click and highlight the one playing); the keys in usePlayerKeys.
import type { Segment } from '../../../../shared/domain.ts';
import { useI18n } from '../../../i18n/I18nContext.tsx';
import { ariaKeys, bindingFor, keysText } from '../keymap.ts';
import { clock } from '../time.ts';
import { PLAYBACK_RATES, type Player } from './usePlayer.ts';
import './player.css';

export interface AudioBarProps {
  player: Player;
  /** Drawn on the timeline, coloured by speaker. */
  segments?: readonly Pick<Segment, 'start' | 'end' | 'speakerId'>[];
  /** Speaker id → CSS colour; segments of a speaker without one (or of nobody) are grey. */
  speakerColours?: Readonly<Record<string, string>>;
  /** Used for the timeline until the recording's own duration is known (meeting.audio.durationSec). */
  durationHint?: number;
}

interface Run {
  start: number;
  end: number;
  colour: string | undefined;
}

/** Neighbouring segments of one speaker drawn as one block: a long meeting has thousands. */
function speakerRuns(segments: AudioBarProps['segments'], colours: AudioBarProps['speakerColours']): Run[] {
  const runs: Run[] = [];
  for (const s of [...(segments ?? [])].sort((a, b) => a.start - b.start)) {
    const colour = s.speakerId ? colours?.[s.speakerId] : undefined;
    const last = runs.at(-1);
    if (last && last.colour === colour && s.start - last.end < 1) last.end = Math.max(last.end, s.end);
    else runs.push({ start: s.start, end: s.end, colour });
  }
  return runs;
}

export function AudioBar({ player, segments, speakerColours, durationHint = 0 }: AudioBarProps) {
  const { t, errorMessage } = useI18n();
  const duration = player.duration || durationHint;
  const pct = (sec: number) => `${duration > 0 ? Math.min(100, Math.max(0, (sec / duration) * 100)) : 0}%`;
  const disabled = !player.available;
  const toggleKeys = { aria: ariaKeys('playerToggle'), keys: keysText(bindingFor('playerToggle')) };
  const backKeys = { aria: ariaKeys('playerBack'), keys: keysText(bindingFor('playerBack')) };

  return (
    <section className="audio-bar" aria-label={t('playerRegion')}>
      <audio {...player.audioProps} />
      <div className="audio-controls">
        <button
          type="button"
          className="audio-play"
          disabled={disabled}
          onClick={player.toggle}
          aria-label={player.playing ? t('playerPause') : t('playerPlay')}
          aria-keyshortcuts={toggleKeys.aria}
          title={`${player.playing ? t('playerPause') : t('playerPlay')} (${toggleKeys.keys})`}
        >
          {/* Media symbols are not mirrored in right-to-left layouts. */}
          <span dir="ltr" aria-hidden="true">{player.playing ? '❚❚' : '▶'}</span>
        </button>
        <button type="button" disabled={disabled} onClick={() => player.back(3)} aria-label={t('playerBack')} aria-keyshortcuts={backKeys.aria} title={`${t('playerBack')} (${backKeys.keys})`}>
          <span dir="ltr" aria-hidden="true">↺ 3</span>
        </button>
        <label className="audio-speed">
          <span>{t('playerSpeed')}</span>
          <select value={player.rate} disabled={disabled} onChange={(e) => player.setRate(Number(e.target.value))} aria-keyshortcuts={`${ariaKeys('playerFaster')} ${ariaKeys('playerSlower')}`}>
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={r}>
                {/* Isolated left to right: "1.25×", not "×1.25", in the Arabic interface. */}
                {`\u2066${r}×\u2069`}
              </option>
            ))}
          </select>
        </label>
        <span className="audio-time" dir="ltr" aria-live="off">
          {clock(player.currentTime)} / {clock(duration)}
        </span>
      </div>
      <div className="audio-timeline">
        <div className="audio-speakers" aria-hidden="true">
          {speakerRuns(segments, speakerColours).map((r) => (
            <span key={r.start} style={{ insetInlineStart: pct(r.start), width: `calc(${pct(r.end)} - ${pct(r.start)})`, background: r.colour }} />
          ))}
          <span className="audio-played" style={{ width: pct(player.currentTime) }} />
        </div>
        <input
          type="range"
          min={0}
          max={duration || 0}
          step={0.1}
          value={Math.min(player.currentTime, duration || 0)}
          disabled={disabled || duration <= 0}
          onChange={(e) => player.seek(Number(e.target.value))}
          aria-label={t('playerPosition')}
          aria-valuetext={`${clock(player.currentTime)} / ${clock(duration)}`}
        />
      </div>
      {player.failed && (
        <p className="audio-error" role="alert">
          {errorMessage({ code: 'audio.playback', params: {} })}
        </p>
      )}
    </section>
  );
}
