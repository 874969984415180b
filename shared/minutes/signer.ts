// The chairs and the secretary as the minutes name them, in the opening, the attendance sheet and
// under the signatures: matched with a participant when possible, for the honorific and the title.
import { chairsOf, sameName, type Meeting } from '../domain.ts';
import type { Gender, MinutesLabels } from './labels.ts';
import { personOf } from './people.ts';

export interface Signer {
  /** The name as typed, trimmed. */
  name: string;
  /** With the honorific ("السيدة فاطمة الزهراء بناني"); empty when no name was typed. */
  person: string;
  title: string;
  gender: Gender;
  /** The participant of the same name, or null. */
  participantId: string | null;
}

/**
 * A signer by the name typed on the meeting. The gender set on the meeting wins over the
 * participant's, and so does a title typed for them.
 */
export function signer(meeting: Meeting, name: string, gender: Gender | undefined, L: MinutesLabels, typedTitle = ''): Signer {
  const n = name.trim();
  const p = n ? meeting.participants.find((x) => sameName(x.name, n)) : undefined;
  const g: Gender = gender && gender !== 'unknown' ? gender : (p?.gender ?? 'unknown');
  const participantId = p?.id ?? null;
  if (!n) return { name: n, person: '', title: '', gender: g, participantId };
  const title = typedTitle.trim() || (p?.title.trim() ?? '');
  return { name: n, person: personOf({ name: n, gender: g, title }, L, ''), title, gender: g, participantId };
}

/** The chairs with a name, in order (co-chairs after the first). */
export function chairSigners(meeting: Meeting, L: MinutesLabels): Signer[] {
  return chairsOf(meeting)
    .map((c) => signer(meeting, c.name, c.gender, L, c.title))
    .filter((s) => s.person !== '');
}

/** A chair as written in the opening: "السيدة فاطمة الزهراء بناني، رئيسة المجلس". */
export function chairInSentence(s: Signer, L: MinutesLabels): string {
  return personOf(s, L, s.title);
}
