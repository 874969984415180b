// Who chaired a meeting: one official or several (a consultation chaired by a minister with the
// wali of the region), in the order the minutes name them. Files written before co-chairs hold
// one chair in `chair` and `chairGender`; they read as a list of one.
import { z } from 'zod';
import { idSchema, shortText } from './fields.ts';

export const chairGenders = ['m', 'f', 'unknown'] as const;

export const chairSchema = z.strictObject({
  id: idSchema,
  name: shortText,
  /** Their title ("والي الجهة"); absent or blank: the title of the participant of the same name. */
  title: shortText.optional(),
  /** For رئيس / رئيسة الجلسة and the honorific; absent or 'unknown': the matching participant's. */
  gender: z.enum(chairGenders).optional(),
});
export type Chair = z.infer<typeof chairSchema>;

interface ChairFields {
  chair: string;
  chairGender?: Chair['gender'];
  chairs?: Chair[];
}

/** The id the one chair of an older file takes in the list. */
export const LEGACY_CHAIR_ID = 'chair-1';

/** The chairs in order: `chairs` when it lists any, else the one chair of `chair` (none when blank). */
export function chairsOf(m: ChairFields): Chair[] {
  if (m.chairs?.length) return m.chairs;
  return m.chair.trim() ? [{ id: LEGACY_CHAIR_ID, name: m.chair, gender: m.chairGender }] : [];
}

/** The fields a new list of chairs sets: the list, and its first chair in the older fields. */
export function chairFields(chairs: Chair[]): Required<ChairFields> {
  const first = chairs[0];
  return { chairs, chair: first?.name ?? '', chairGender: first?.gender ?? 'unknown' };
}

/** The same name, ignoring case and spacing; toLowerCase (not toLocaleLowerCase) so every machine agrees. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return n(a) !== '' && n(a) === n(b);
}

/**
 * The participants who chair the meeting (matched by name, as the minutes match them). A chair
 * chairs: the minutes count them present and they may vote, whatever their attendance says.
 */
export function chairParticipantIds(m: ChairFields & { participants: readonly { id: string; name: string }[] }): Set<string> {
  const names = chairsOf(m).map((c) => c.name);
  return new Set(m.participants.filter((p) => names.some((n) => sameName(p.name, n))).map((p) => p.id));
}
