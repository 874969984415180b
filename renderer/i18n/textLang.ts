// The language of text the secretary typed or the engine transcribed (titles, names, segments),
// which need not be the interface's: a French title in the Arabic UI must be read by a screen
// reader with a French voice, not spelled out by the Arabic one. Pure, for the unit tests.
//
// The script is taken from the first letter, the same first-strong-character rule as dir="auto",
// so an element's language and direction always agree. A script says Arabic for certain; Latin
// letters do not say French or English, so:
//   - the meeting's own language when it is a Latin one (its minutes are written in it);
//   - otherwise the interface language when it is a Latin one (the secretary works in it);
//   - otherwise French: in the Arabic interface, Moroccan administrations' second working
//     language, and a French voice reads an English name far better than an Arabic one would.
// Tifinagh is Standard Moroccan Amazigh ('zgh'); any other script is 'und' (unknown, not the UI's).
import type { Language } from '../../shared/domain.ts';

const arabicLetter = /[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/u;
const latinLetter = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]/u;
const tifinaghLetter = /[\u2D30-\u2D7F]/u;
const anyLetter = /\p{L}/u;

/** The BCP 47 language of `text`, or undefined when it has no letter (digits, punctuation, empty): it then takes its parent's. */
export function textLang(text: string, ui: Language, meetingLanguage?: Language): string | undefined {
  const first = anyLetter.exec(text)?.[0];
  if (!first) return undefined;
  if (arabicLetter.test(first)) return 'ar';
  if (latinLetter.test(first)) {
    if (meetingLanguage && meetingLanguage !== 'ar') return meetingLanguage;
    return ui !== 'ar' ? ui : 'fr';
  }
  if (tifinaghLetter.test(first)) return 'zgh';
  return 'und';
}

/** Attributes for an element that shows user text: its language, and its own direction. */
export function userText(text: string, ui: Language, meetingLanguage?: Language): { lang?: string; dir: 'auto' } {
  const lang = textLang(text, ui, meetingLanguage);
  return lang ? { lang, dir: 'auto' } : { dir: 'auto' };
}
