// Dates for the minutes: Gregorian and Hijri, per language, with Intl only (Node and browsers
// ship full ICU). Pure: no clock, no time zone of the machine (dates are calendar days, computed
// at noon UTC so no zone can move them to the day before).
import type { Language } from '../domain.ts';

/** Locales per minutes language. ar-MA gives Moroccan month names (نونبر, غشت) and Latin digits. */
const gregorianLocale: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB' };
/**
 * Hijri dates use the Umm al-Qura calendar, the one ICU ships. The Moroccan Ministry of Habous
 * fixes months by sighting, which can differ from it by a day: the meeting's hijriAdjust (-1, 0,
 * +1) moves the Hijri day to the official one.
 */
const hijriLocale: Record<Language, string> = {
  ar: 'ar-MA-u-ca-islamic-umalqura-nu-latn',
  fr: 'fr-FR-u-ca-islamic-umalqura',
  en: 'en-GB-u-ca-islamic-umalqura',
};

/** "2026-11-12" -> a Date at noon UTC, or null when empty or not a real calendar day. */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d, 12));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

function fmt(locale: string, options: Intl.DateTimeFormatOptions, date: Date): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

/** "12 نونبر 2026" / "12 novembre 2026" / "12 November 2026". */
export function gregorianDate(iso: string, lang: Language): string {
  const d = parseIsoDate(iso);
  return d ? fmt(gregorianLocale[lang], { day: 'numeric', month: 'long', year: 'numeric' }, d) : iso;
}

/** "الخميس" / "jeudi" / "Thursday". */
export function weekday(iso: string, lang: Language): string {
  const d = parseIsoDate(iso);
  return d ? fmt(gregorianLocale[lang], { weekday: 'long' }, d) : '';
}

/** "2 جمادى الآخرة 1448 هـ" / "2 joumada ath-thania 1448 AH" / "2 Jumada II 1448 AH". */
export function hijriDate(iso: string, lang: Language, adjust = 0): string {
  const d = parseIsoDate(iso);
  if (!d) return '';
  // The Hijri day of the Gregorian day `adjust` days later: +1 when the Moroccan month began a day
  // earlier than Umm al-Qura's (the official date is one day further on), -1 when it began later.
  const shifted = new Date(d.getTime() + adjust * 86_400_000);
  return fmt(hijriLocale[lang], { day: 'numeric', month: 'long', year: 'numeric' }, shifted);
}

/** Both calendars, with the weekday, as the opening paragraph wants them. */
export interface MeetingDay {
  weekday: string;
  gregorian: string;
  hijri: string;
}

export function meetingDay(iso: string, lang: Language, hijriAdjust = 0): MeetingDay | null {
  if (!parseIsoDate(iso)) return null;
  return { weekday: weekday(iso, lang), gregorian: gregorianDate(iso, lang), hijri: hijriDate(iso, lang, hijriAdjust) };
}

/** "2026-12-31" becomes a written date; any other deadline text ("فوري", "Q1 2027") is kept. */
export function formatDeadline(text: string, lang: Language): string {
  const t = text.trim();
  return parseIsoDate(t) ? gregorianDate(t, lang) : t;
}
