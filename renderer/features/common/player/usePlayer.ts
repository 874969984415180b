// The meeting's recording as player state for the review editor: one <audio> element (rendered
// by AudioBar from `audioProps`), loaded by meeting id through the bridge (never a path), and
// the actions the editor needs: play from a segment, play/pause, back a few seconds, speed.
import { useCallback, useEffect, useMemo, useRef, useState, type AudioHTMLAttributes, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { mediaUrl } from '../../../api/client.ts';

/** The speeds offered, slowest first: transcribers slow down to catch words, speed up to skim. */
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export interface Player {
  /** Spread on the one <audio> element (AudioBar does). */
  audioProps: AudioHTMLAttributes<HTMLAudioElement> & { ref: RefObject<HTMLAudioElement | null> };
  /** The meeting has a recording to play. */
  available: boolean;
  /** Seconds; follows playback smoothly (animation frames) so that the playing segment can be highlighted and followed. */
  currentTime: number;
  /** Seconds; 0 until the recording's header has been read. */
  duration: number;
  playing: boolean;
  rate: number;
  /** The recording could not be loaded or decoded (shown as audio.playback). */
  failed: boolean;
  /** Moves to `sec` and plays (clicking a segment). */
  playFrom(sec: number): void;
  /** Moves to `sec` without changing play/pause (the timeline). */
  seek(sec: number): void;
  toggle(): void;
  back(sec?: number): void;
  /** One of PLAYBACK_RATES (another value is taken to the nearest). */
  setRate(rate: number): void;
  faster(): void;
  slower(): void;
}

/** Smallest change of position worth a render while playing (about 15 per second). */
const FRAME_STEP_SEC = 1 / 15;

const nearestRate = (r: number) => PLAYBACK_RATES.reduce((best, x) => (Math.abs(x - r) < Math.abs(best - r) ? x : best), 1 as number);

type AudioRef = RefObject<HTMLAudioElement | null>;
type SetNumber = Dispatch<SetStateAction<number>>;

/**
 * timeupdate fires about 4 times a second: too coarse to follow words. While playing, read the
 * position every animation frame, rendering only when it moved enough to matter.
 */
function useFramePosition(ref: AudioRef, playing: boolean, setCurrentTime: SetNumber): void {
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = -1;
    const tick = () => {
      const el = ref.current;
      if (el && Math.abs(el.currentTime - last) >= FRAME_STEP_SEC) {
        last = el.currentTime;
        setCurrentTime(last);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}

/** The actions on the element: play, seek, pause, speed. */
function useControls(ref: AudioRef, rateRef: RefObject<number>, setRateState: SetNumber, setCurrentTime: SetNumber) {
  const play = useCallback(() => {
    // A play() interrupted by pause() or a new source rejects (AbortError); nothing to show.
    ref.current?.play().catch(() => undefined);
  }, []);
  const seek = useCallback((sec: number) => {
    const el = ref.current;
    if (!el) return;
    const end = Number.isFinite(el.duration) ? el.duration : Infinity;
    el.currentTime = Math.min(Math.max(0, sec), end);
    setCurrentTime(el.currentTime);
  }, []);
  const playFrom = useCallback(
    (sec: number) => {
      seek(sec);
      play();
    },
    [seek, play],
  );
  const toggle = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (el.paused) play();
    else el.pause();
  }, [play]);
  const back = useCallback((sec = 3) => seek((ref.current?.currentTime ?? 0) - sec), [seek]);
  const setRate = useCallback((r: number) => {
    const next = nearestRate(r);
    setRateState(next);
    const el = ref.current;
    if (el) {
      el.defaultPlaybackRate = next;
      el.playbackRate = next;
    }
  }, []);
  const step = useCallback(
    (dir: 1 | -1) => {
      const i = PLAYBACK_RATES.indexOf(nearestRate(rateRef.current) as (typeof PLAYBACK_RATES)[number]);
      setRate(PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, i + dir))]!);
    },
    [setRate],
  );
  const faster = useCallback(() => step(1), [step]);
  const slower = useCallback(() => step(-1), [step]);
  return { playFrom, seek, toggle, back, setRate, faster, slower };
}

/**
 * `version` (the audio file's name, or its hash) changes the address when the recording is
 * replaced, so that the element loads the new one instead of what it has buffered.
 */
export function usePlayer(meetingId: string, hasAudio: boolean, version?: string): Player {
  const ref = useRef<HTMLAudioElement | null>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  const [failed, setFailed] = useState(false);
  const rateRef = useRef(rate);
  rateRef.current = rate;
  const src = hasAudio ? mediaUrl(meetingId, version) : undefined;

  useEffect(() => {
    setCurrentTime(0);
    setDuration(0);
    setPlaying(false);
    setFailed(false);
  }, [src]);
  useFramePosition(ref, playing, setCurrentTime);
  const { playFrom, seek, toggle, back, setRate, faster, slower } = useControls(ref, rateRef, setRateState, setCurrentTime);

  const audioProps = useMemo<Player['audioProps']>(
    () => ({
      ref,
      src,
      preload: 'metadata',
      onLoadedMetadata: (e) => {
        const el = e.currentTarget;
        // A new source starts at the default rate: keep the one chosen.
        el.defaultPlaybackRate = rateRef.current;
        el.playbackRate = rateRef.current;
        setDuration(Number.isFinite(el.duration) ? el.duration : 0);
        setFailed(false);
      },
      onDurationChange: (e) => setDuration(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : 0),
      onTimeUpdate: (e) => setCurrentTime(e.currentTarget.currentTime),
      onSeeked: (e) => setCurrentTime(e.currentTarget.currentTime),
      onPlay: () => setPlaying(true),
      onPause: () => setPlaying(false),
      onEnded: () => setPlaying(false),
      onError: () => {
        setPlaying(false);
        setFailed(true);
      },
    }),
    [src],
  );

  return useMemo(
    () => ({ audioProps, available: hasAudio, currentTime, duration, playing, rate, failed, playFrom, seek, toggle, back, setRate, faster, slower }),
    [audioProps, hasAudio, currentTime, duration, playing, rate, failed, playFrom, seek, toggle, back, setRate, faster, slower],
  );
}
