// The approval checks on the meeting's details (issue 27): what the minutes would print blank or
// unverified. Part of approvalCheck (approval.ts), in a block of its own.
import { hijriSource, moroccanHijri, type HijriDay } from '../calendar/moroccan-hijri.ts';
import type { Meeting } from '../domain.ts';

export interface DetailsCheck {
  /**
   * The Hijri day the minutes print, when it is neither in the Ministry of Habous's table nor
   * confirmed by the secretary for this date (shared/calendar/moroccan-hijri.ts).
   */
  hijriUnconfirmed: HijriDay | null;
  /** No secretary: the signature prints a blank «كاتب الجلسة ……». */
  secretaryMissing: boolean;
  /** No reference number: the letterhead prints no «المرجع». */
  referenceMissing: boolean;
}

export function detailsCheck(meeting: Meeting): DetailsCheck {
  const computed = hijriSource(meeting) === 'computed';
  return {
    hijriUnconfirmed: computed ? moroccanHijri(meeting.date, meeting.hijriAdjust ?? 0)!.day : null,
    secretaryMissing: meeting.secretary.trim() === '',
    referenceMissing: meeting.reference.trim() === '',
  };
}

export function detailsClean(c: DetailsCheck): boolean {
  return !c.hijriUnconfirmed && !c.secretaryMissing && !c.referenceMissing;
}
