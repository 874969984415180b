// The top of the minutes: letterhead, reference, date and title; then the opening (the
// convocation and legal basis when given, and the sentence saying who met, when and where).
import { gregorianDate } from '../dates.ts';
import { clean, section, type MinutesContext } from '../context.ts';
import type { MinutesImage, MinutesSection } from '../model.ts';
import { chairInSentence } from '../signer.ts';
import { sheetCount } from './attendance.ts';

export function headerSection({ meeting, L, name, day }: MinutesContext, logo: MinutesImage | null): MinutesSection {
  return section('header', null, [
    {
      kind: 'letterhead',
      lines: meeting.letterhead.map((l) => l.trim()).filter(Boolean),
      logo,
      reference: meeting.reference.trim() ? L.reference(meeting.reference.trim()) : null,
      date: day ? L.date(day.gregorian, day.hijri) : null,
    },
    { kind: 'title', text: L.documentTitle(name.title), subtitle: L.documentSubtitle(meeting.title.trim() || name.title) },
  ]);
}

export function openingSection(c: MinutesContext): MinutesSection {
  const { meeting, language, L, name, day, chairs } = c;
  const convocation = L.convocation({
    reference: meeting.convocationReference?.trim() || null,
    date: meeting.convocationDate ? gregorianDate(meeting.convocationDate, language) : null,
    legalBasis: clean(meeting.legalBasis ?? '') || null,
  });
  return section('opening', null, [
    ...(convocation ? [{ kind: 'paragraph' as const, align: 'justify' as const, text: convocation }] : []),
    {
      kind: 'paragraph',
      align: 'justify',
      text: L.opening({
        weekday: day?.weekday ?? null,
        gregorian: day?.gregorian ?? null,
        hijri: day?.hijri ?? null,
        startTime: meeting.startTime.trim() || null,
        place: meeting.place.trim() || null,
        what: name.inSentence,
        chairs: chairs.map((s) => ({ text: chairInSentence(s, L), titled: s.title.trim() !== '' })),
        // Those the attendance sheet lists, with a chair who is not among the participants present.
        attendees: sheetCount(c),
      }),
    },
  ]);
}
