// The Hijri day of a Gregorian day as Morocco counts it. The Ministry of Habous fixes each month
// by sighting the crescent, which can differ by a day from Umm al-Qura (the calendar ICU ships,
// Saudi): 17 October 2022 was 20 ربيع الأول 1444 in Morocco, 21 by Umm al-Qura. So the months
// announced by the Ministry (habous-month-starts.ts) come first; outside them the day is computed
// with Umm al-Qura and the meeting's hijriAdjust, and the secretary is asked to confirm it.
// Pure: days are calendar days at noon UTC, as in shared/minutes/dates.ts.
import { habousMonthStarts, type MonthStart } from './habous-month-starts.ts';

export interface HijriDay {
  year: number;
  /** 1 = محرم … 12 = ذو الحجة. */
  month: number;
  day: number;
}

/** Where the printed Hijri date comes from. */
export type HijriSource = 'table' | 'confirmed' | 'computed';

/** What a meeting records about its Hijri date (shared/domain.ts). */
export interface HijriFields {
  date: string;
  hijriAdjust?: number | undefined;
  hijriConfirmed?: { date: string; hijri: string } | undefined;
}

const DAY_MS = 86_400_000;

/** "2026-11-12" -> its noon UTC in ms, or null when empty or not a real calendar day. */
export function noonUtc(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d, 12);
  const date = new Date(t);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? t : null;
}

const starts = [...habousMonthStarts]
  .map((s) => ({ ...s, at: noonUtc(s.start)! }))
  .sort((a, b) => a.at - b.at);

const monthIndex = (s: Pick<MonthStart, 'year' | 'month'>) => s.year * 12 + s.month - 1;

/** The day from the Ministry's announcements, or null when the table does not settle it. */
function fromTable(at: number): HijriDay | null {
  let i = starts.length - 1;
  while (i >= 0 && starts[i]!.at > at) i--;
  if (i < 0) return null;
  const s = starts[i]!;
  const day = Math.round((at - s.at) / DAY_MS) + 1;
  const next = starts[i + 1];
  // Days 1 to 29 are certain once the month's start is known; the 30th only when the next
  // month's start is known too (otherwise it may be the 1st of the next month).
  const nextKnown = next !== undefined && monthIndex(next) === monthIndex(s) + 1;
  if (day > 30 || (day === 30 && !nextKnown)) return null;
  return { year: s.year, month: s.month, day };
}

const ummAlQura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });

function fromUmmAlQura(at: number): HijriDay {
  const parts = ummAlQura.formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/**
 * The Hijri day of `iso` in Morocco, with `adjust` days added by the secretary (-1, 0, +1), and
 * whether it comes from the Ministry's table unadjusted. Null when `iso` is not a calendar day.
 */
export function moroccanHijri(iso: string, adjust = 0): { day: HijriDay; fromTable: boolean } | null {
  const at = noonUtc(iso);
  if (at === null) return null;
  const shifted = at + adjust * DAY_MS;
  const table = fromTable(shifted);
  return { day: table ?? fromUmmAlQura(shifted), fromTable: table !== null && adjust === 0 };
}

/** "1444-03-20": how a confirmed Hijri day is stored (hijriConfirmed.hijri). */
export function hijriKey(d: HijriDay): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Where the meeting's printed Hijri date comes from: the Ministry's table, the secretary's
 * confirmation of this very day (a later change of the date or of the adjustment undoes it),
 * or the computation alone. Null when the meeting has no date.
 */
export function hijriSource(m: HijriFields): HijriSource | null {
  const h = moroccanHijri(m.date, m.hijriAdjust ?? 0);
  if (!h) return null;
  if (h.fromTable) return 'table';
  const c = m.hijriConfirmed;
  return c && c.date === m.date.trim() && c.hijri === hijriKey(h.day) ? 'confirmed' : 'computed';
}
