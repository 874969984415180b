// How the minutes name a person: with the honorific of their gender (السيد / السيدة, M. / Mme),
// and their title when the sentence calls for it. Shared by the attendance, the interventions,
// the votes and the signatories, so a person is named the same way throughout.
import type { Participant } from '../domain.ts';
import type { MinutesLabels } from './labels.ts';

/** A name typed with its honorific already ("السيدة …", "Mme …") keeps it as typed. */
export const HONORIFIC_PREFIX = /^(السيد|السيدة|السادة|الأستاذ|الأستاذة|الدكتور|الدكتورة|M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pr\.?)(\s|$)/;

/** "السيد محمد العلمي، والي الجهة" for a participant (title: theirs unless another is given). */
export function personOf(p: Pick<Participant, 'name' | 'gender' | 'title'>, L: MinutesLabels, title = p.title.trim()): string {
  const name = p.name.trim();
  if (HONORIFIC_PREFIX.test(name)) return L.person('', name, title).trim();
  return L.person(L.honorific[p.gender], name, title);
}

/**
 * "السيد محمد العلمي" in a list of names (voters): the honorific without the title; a person of
 * unknown gender by name alone rather than "السيد(ة) …" repeated along the line. A no-break
 * space binds the honorific to the name: in a long list, a line must not end on "Mme".
 */
export function shortName(p: Participant, L: MinutesLabels): string {
  const name = p.name.trim();
  if (p.gender === 'unknown' || HONORIFIC_PREFIX.test(name)) return L.isolate(name);
  return `${L.honorific[p.gender]}\u00A0${L.isolate(name)}`;
}
