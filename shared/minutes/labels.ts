// All the wording of the minutes, per language. build.ts composes the model only from these;
// adding a language is adding one file like labels-ar.ts (its words for the patterns of
// wording.ts) and an entry here, and its locales in dates.ts.
import type { Language } from '../domain.ts';
import { ar } from './labels-ar.ts';
import { en } from './labels-en.ts';
import { fr } from './labels-fr.ts';
import type { MinutesLabels } from './wording.ts';

export { arabicOrdinalFeminine } from './labels-ar.ts';
export { agree, type AgreeingForms, type Gender, type MinutesLabels, type OpeningParts } from './wording.ts';

export const minutesLabels: Record<Language, MinutesLabels> = { ar, fr, en };
