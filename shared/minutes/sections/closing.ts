// The end of the minutes: the closing sentence, the annexes (those the secretary listed, then the
// transcript the document carries; nothing when none), the city (or the place) and date it was
// drawn up; then the signatures of the chairs and the secretary.
import { clean, section, type MinutesContext } from '../context.ts';
import type { MinutesSection } from '../model.ts';
import { signer, type Signer } from '../signer.ts';

/** `carried`: the title of the transcript annex printed after the signatures, or null when it holds no transcript. */
export function closingSection({ meeting, L, day }: MinutesContext, carried: string | null): MinutesSection {
  const drawnUp = L.drawnUp(meeting.city?.trim() || meeting.place.trim() || null, day?.gregorian ?? null);
  const annexes = [...(meeting.annexes ?? []).map((a) => clean(a.title)), carried ?? ''].filter(Boolean);
  return section('closing', null, [
    { kind: 'paragraph', align: 'justify', text: L.closing(meeting.endTime.trim() || null), keepWithNext: true },
    ...(annexes.length
      ? [
          { kind: 'paragraph' as const, align: 'start' as const, bold: true, text: L.annexes(annexes.length), keepWithNext: true },
          { kind: 'list' as const, ordered: true, items: annexes },
        ]
      : []),
    ...(drawnUp ? [{ kind: 'paragraph' as const, align: 'end' as const, text: drawnUp, keepWithNext: true }] : []),
  ]);
}

export function signaturesSection({ meeting, L, chairs }: MinutesContext): MinutesSection {
  const secretary = signer(meeting, meeting.secretary, meeting.secretaryGender, L);
  // Under a signature an unknown gender gives the bare name, not "السيد(ة)".
  const signed = (x: Signer) => (x.gender === 'unknown' && x.person ? x.name : x.person) || L.blankName;
  // One block per chair, each with the stamp's place (co-chairs as "La coprésidente de séance");
  // with no chair named, one block to fill in by hand.
  const chairRole = chairs.length > 1 ? L.coChairRole : L.chairRole;
  const signing = chairs.length ? chairs : [signer(meeting, '', meeting.chairGender, L)];
  return section('signatures', L.headings.signatures, [
    {
      kind: 'signatures',
      blocks: [
        ...signing.map((chair) => ({ role: chairRole[chair.gender], name: signed(chair), title: chair.title, stamp: L.stamp })),
        { role: L.secretaryRole[secretary.gender], name: signed(secretary), title: secretary.title, stamp: null },
      ],
    },
  ]);
}
