// The chair and the secretary as the minutes name them, in the opening and under the signatures:
// matched with a participant when possible, for the honorific and the title.
import type { Meeting } from '../domain.ts';
import type { Gender, MinutesLabels } from './labels.ts';
import { HONORIFIC_PREFIX } from './people.ts';

export interface Signer {
  /** With the honorific ("السيدة فاطمة الزهراء بناني"); empty when no name was typed. */
  person: string;
  title: string;
  gender: Gender;
}

/** The same name, ignoring case and spacing; toLowerCase (not toLocaleLowerCase) so every machine agrees. */
function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return n(a) !== '' && n(a) === n(b);
}

/** A signer by the name typed on the meeting. The gender set on the meeting wins over the participant's. */
export function signer(meeting: Meeting, name: string, gender: Gender | undefined, L: MinutesLabels): Signer {
  const n = name.trim();
  const p = n ? meeting.participants.find((x) => sameName(x.name, n)) : undefined;
  const g: Gender = gender && gender !== 'unknown' ? gender : (p?.gender ?? 'unknown');
  if (!n) return { person: '', title: '', gender: g };
  const title = p?.title.trim() ?? '';
  if (HONORIFIC_PREFIX.test(n)) return { person: n, title, gender: g };
  return { person: L.person(L.honorific[g], n, '').trim(), title, gender: g };
}

/** The chair as written in the opening: "السيدة فاطمة الزهراء بناني، رئيسة المجلس". */
export function chairOf(meeting: Meeting, L: MinutesLabels): string | null {
  const s = signer(meeting, meeting.chair, meeting.chairGender, L);
  if (!s.person) return null;
  return s.title ? `${s.person}${L.comma}${s.title}` : s.person;
}
