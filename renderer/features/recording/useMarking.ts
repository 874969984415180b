// Marking while recording: who has the floor, a decision being taken, the next agenda item. Each
// mark is saved at once with its time on the recording's clock (RecordingSession.addMark), and
// said in a polite live region for the screen reader.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { newId, type Meeting, type Participant } from '../../../shared/domain.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { clock } from '../common/time.ts';
import type { Phase, RecordingSession } from './recorder.ts';

/** The last mark of a kind in the meeting, to show where a continued recording stands. */
function lastMark(m: Meeting, kind: 'floor' | 'agenda') {
  const marks = (m.marks ?? []).filter((k) => k.kind === kind);
  return marks[marks.length - 1] ?? null;
}

/** Who may take the floor: the participants present (an absent or excused member gets no key). */
export function presentParticipants(participants: readonly Participant[]): Participant[] {
  return participants.filter((p) => (p.attendance ?? 'present') === 'present');
}

export interface Marking {
  /** Marks may be made from the moment the microphone is asked for: its audio is kept. */
  marking: boolean;
  /** The participants who may take the floor, in rank order (key 1 for the first). */
  present: Participant[];
  /** The participant who has the floor, and the current agenda item (ids). */
  speaker: string | null;
  item: string | null;
  /** The last mark as a sentence, for the live region. */
  announce: string;
  floor(participantId: string): void;
  /** The participant of this rank (0 for the first) takes the floor; false when there is none. */
  floorOfRank(rank: number): boolean;
  decision(): void;
  /** The decision just marked, whose text she may type now (null once saved or closed). */
  typing: { markId: string; time: string } | null;
  /** Saves the text typed for that decision (nothing when empty) and closes the field. */
  decisionText(text: string): void;
  nextItem(): void;
}

export function useMarking(session: RecordingSession, meeting: Meeting, phase: Phase): Marking {
  const { t } = useI18n();
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [item, setItem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [typing, setTyping] = useState<Marking['typing']>(null);
  const marking = phase === 'recording' || phase === 'paused' || phase === 'starting';
  const present = useMemo(() => presentParticipants(meeting.participants), [meeting.participants]);

  // A continued recording goes on from the last speaker and agenda item marked.
  useEffect(() => {
    if (phase !== 'starting') return;
    setSpeaker(lastMark(meeting, 'floor')?.participantId ?? null);
    setItem(lastMark(meeting, 'agenda')?.agendaItemId ?? null);
    setTyping(null);
    // Only when a recording starts (not on each meeting refresh): later marks are this page's own.
  }, [phase]); // eslint-disable-line

  const floor = useCallback(
    (participantId: string) => {
      if (!marking) return;
      setSpeaker(participantId);
      const time = clock(Math.floor(session.addMark({ kind: 'floor', participantId })));
      setAnnounce(t('recFloorTo', { name: meeting.participants.find((x) => x.id === participantId)?.name ?? '', time }));
    },
    [marking, session, meeting.participants, t],
  );

  const floorOfRank = useCallback(
    (rank: number) => {
      const p = present[rank];
      if (p) floor(p.id);
      return !!p;
    },
    [present, floor],
  );

  const decision = useCallback(() => {
    if (!marking) return;
    // Its id chosen here, so that the text typed next goes to this mark.
    const markId = newId('k');
    const time = clock(Math.floor(session.addMark({ id: markId, kind: 'decision' })));
    setAnnounce(t('recDecisionAt', { time }));
    setTyping({ markId, time });
  }, [marking, session, t]);

  const decisionText = useCallback(
    (text: string) => {
      if (typing && text.trim()) void session.edit({ type: 'setMarkText', markId: typing.markId, text });
      setTyping(null);
    },
    [typing, session],
  );

  const agendaItem = useCallback(
    (agendaItemId: string) => {
      if (!marking) return;
      setItem(agendaItemId);
      const time = clock(Math.floor(session.addMark({ kind: 'agenda', agendaItemId })));
      const i = meeting.agenda.findIndex((a) => a.id === agendaItemId);
      setAnnounce(t('recItemAt', { n: i + 1, title: meeting.agenda[i]?.title ?? '', time }));
    },
    [marking, session, meeting.agenda, t],
  );

  const nextItem = useCallback(() => {
    const i = item ? meeting.agenda.findIndex((a) => a.id === item) : -1;
    const next = meeting.agenda[i + 1];
    if (next) agendaItem(next.id);
    else setAnnounce(t(meeting.agenda.length ? 'recLastItem' : 'recNoAgenda'));
  }, [item, meeting.agenda, agendaItem, t]);

  return { marking, present, speaker, item, announce, floor, floorOfRank, decision, typing, decisionText, nextItem };
}
