// A meeting's audio bar with its keys, for a screen that needs only to listen (the transcript
// tab). The review editor uses usePlayer, usePlayerKeys and AudioBar directly, to also play a
// segment on click and highlight the one playing.
import type { Meeting } from '../../../../shared/domain.ts';
import { AudioBar } from './AudioBar.tsx';
import { usePlayer } from './usePlayer.ts';
import { usePlayerKeys } from './usePlayerKeys.ts';

/** Distinct on the grey timeline and for common colour blindness (Okabe–Ito). */
export const SPEAKER_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'] as const;

/** Speaker id → colour, in the order of the participants list. */
export function speakerColours(participants: readonly { id: string }[]): Record<string, string> {
  return Object.fromEntries(participants.map((p, i) => [p.id, SPEAKER_PALETTE[i % SPEAKER_PALETTE.length]!]));
}

/**
 * The version follows the recording's file and length: a new import gets a new file, and a
 * recording continued later grows; either way the player loads it again.
 */
export const audioVersion = (audio: Meeting['audio']) => (audio ? `${audio.file}-${audio.durationSec}` : undefined);

export function MeetingAudioBar({ meeting }: { meeting: Pick<Meeting, 'id' | 'audio' | 'segments' | 'participants'> }) {
  const player = usePlayer(meeting.id, !!meeting.audio, audioVersion(meeting.audio));
  usePlayerKeys(player);
  return <AudioBar player={player} segments={meeting.segments} speakerColours={speakerColours(meeting.participants)} durationHint={meeting.audio?.durationSec} />;
}
