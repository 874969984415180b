// Dates for the minutes: Gregorian and Hijri, per language. Gregorian with Intl (Node and
// browsers ship full ICU); Hijri as Morocco counts it (shared/calendar/moroccan-hijri.ts).
// Pure: no clock, no time zone of the machine (dates are calendar days, computed at noon UTC so
// no zone can move them to the day before).
import { moroccanHijri, noonUtc, type HijriDay } from '../calendar/moroccan-hijri.ts';
import type { Language } from '../domain.ts';

/** Locales per minutes language. ar-MA gives Moroccan month names (نونبر, غشت) and Latin digits. */
const gregorianLocale: Record<Language, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB' };

/**
 * Hijri month names as Moroccan usage writes them in dates: Arabic as in the Ministry of Habous's
 * announcements («29 ذي القعدة 1444 هـ», habous-month-starts.ts), French as in the Bulletin officiel
 * («du 1 safar 1433», «du 27 chaabane 1432»), English as ICU writes them.
 */
const hijriMonths: Record<Language, readonly string[]> = {
  ar: ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذي القعدة', 'ذي الحجة'],
  fr: ['moharrem', 'safar', 'rabii I', 'rabii II', 'joumada I', 'joumada II', 'rejeb', 'chaabane', 'ramadan', 'chaoual', 'kaada', 'hija'],
  en: ['Muharram', 'Safar', 'Rabiʻ I', 'Rabiʻ II', 'Jumada I', 'Jumada II', 'Rajab', 'Shaʻban', 'Ramadan', 'Shawwal', 'Dhuʻl-Qiʻdah', 'Dhuʻl-Hijjah'],
};
const hijriEra: Record<Language, string> = { ar: 'هـ', fr: 'H', en: 'AH' };

/** "2026-11-12" -> a Date at noon UTC, or null when empty or not a real calendar day. */
export function parseIsoDate(iso: string): Date | null {
  const t = noonUtc(iso);
  return t === null ? null : new Date(t);
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

/** "2 جمادى الآخرة 1448 هـ" / "2 joumada II 1448 H" / "2 Jumada II 1448 AH": the Moroccan day (moroccan-hijri.ts). */
export function hijriDate(iso: string, lang: Language, adjust = 0): string {
  const h = moroccanHijri(iso, adjust);
  return h ? formatHijri(h.day, lang) : '';
}

export function formatHijri(d: HijriDay, lang: Language): string {
  // French typography: a no-break space keeps "1448 H" on one line.
  const gap = lang === 'fr' ? '\u00A0' : ' ';
  return `${d.day} ${hijriMonths[lang][d.month - 1]} ${d.year}${gap}${hijriEra[lang]}`;
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
