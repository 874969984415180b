// The Hijri day of a Gregorian day as Morocco counts it. The Ministry of Habous fixes each month
// by sighting the crescent, which can differ by a day from Umm al-Qura (the calendar ICU ships,
// Saudi): 17 October 2022 was 20 ربيع الأول 1444 in Morocco, 21 by Umm al-Qura. So the months
// announced by the Ministry (habous-month-starts.ts) come first; outside them the day is computed
// with Umm al-Qura, kept within what the announced months around it allow, and the meeting's
// hijriAdjust, and the secretary is asked to confirm it.
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

const ummAlQura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });

function fromUmmAlQura(at: number): HijriDay {
  const parts = ummAlQura.formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

const dayNumber = (start: number, at: number) => Math.round((at - start) / DAY_MS) + 1;

function dayIn(month: number, start: number, at: number): HijriDay {
  return { year: Math.floor(month / 12), month: (month % 12) + 1, day: dayNumber(start, at) };
}

interface Settled {
  day: HijriDay;
  /** The announcements alone settle it (no computation). */
  fromTable: boolean;
}

type Start = (typeof starts)[number];

/** The day from the Ministry's announcements, or bounded by them; null: Umm al-Qura's. */
function fromTable(at: number): Settled | null {
  let i = starts.length - 1;
  while (i >= 0 && starts[i]!.at > at) i--;
  const s = starts[i];
  const next = starts[i + 1];
  if (s) {
    const day = dayNumber(s.at, at);
    // Days 1 to 29 are certain once the month's start is known; the 30th only when the next
    // month's start is known too (otherwise it may be the 1st of the next month).
    const nextKnown = next !== undefined && monthIndex(next) === monthIndex(s) + 1;
    if (day <= 29 || (day === 30 && nextKnown)) return { day: dayIn(monthIndex(s), s.at, at), fromTable: true };
  }
  return (s && afterAnnounced(at, s, next)) ?? (next ? beforeAnnounced(at, next, s) : null);
}

// Outside the announced months, Umm al-Qura may count a day in another month than the table's
// neighbours allow: it began رمضان 1446 on 1 March 2025, and Morocco on 2 March (so 1 March was
// 30 شعبان), and شوال on 30 March, a day before Morocco (so 31 March was 1 شوال, not 2). A month
// has 29 or 30 days, so a month next to an announced one began 29 or 30 days from it (from both
// sides when both neighbours are announced: then one day is left and the table settles it).
// Within that bound the start is Umm al-Qura's, month by month away from the announced one,
// until Umm al-Qura starts a month on the same day: from there on its own days agree.
const MAX_MONTHS_AWAY = 12;

/** Month `month` began on `lo` or `hi` (the same day or the next): Umm al-Qura's choice, or the bound nearer to it. */
function startWithin(month: number, lo: number, hi: number): number {
  return lo === hi || monthIndex(fromUmmAlQura(lo)) >= month ? lo : hi;
}

function ummAlQuraStarts(month: number, at: number): boolean {
  const u = fromUmmAlQura(at);
  return monthIndex(u) === month && u.day === 1;
}

/** A day from the 30th of announced month `s` on, before `next` (if any) is announced. */
function afterAnnounced(at: number, s: Start, next: Start | undefined): Settled | null {
  let start = s.at;
  let month = monthIndex(s);
  let certain = true;
  for (let away = 0; away < MAX_MONTHS_AWAY; away++) {
    month += 1;
    const nextAfter = next !== undefined && monthIndex(next) === month + 1;
    const lo = Math.max(start + 29 * DAY_MS, nextAfter ? next.at - 30 * DAY_MS : -Infinity);
    const hi = Math.min(start + 30 * DAY_MS, nextAfter ? next.at - 29 * DAY_MS : Infinity);
    if (lo > hi) return null;
    const before = start;
    start = startWithin(month, lo, hi);
    certain &&= lo === hi;
    // The 30th of the month before: the bound says whether it had one.
    if (at < start) return { day: dayIn(month - 1, before, at), fromTable: certain };
    if (dayNumber(start, at) <= 29 || nextAfter) return { day: dayIn(month, start, at), fromTable: certain };
    if (ummAlQuraStarts(month, start)) return null;
  }
  return null;
}

/** A day before announced month `next` whose own month is not in the table (`s`: the announced month before, if any). */
function beforeAnnounced(at: number, next: Start, s: Start | undefined): Settled | null {
  let start = next.at;
  let month = monthIndex(next);
  let certain = true;
  for (let away = 0; away < MAX_MONTHS_AWAY; away++) {
    month -= 1;
    const sBefore = s !== undefined && monthIndex(s) === month - 1;
    const lo = Math.max(start - 30 * DAY_MS, sBefore ? s.at + 29 * DAY_MS : -Infinity);
    const hi = Math.min(start - 29 * DAY_MS, sBefore ? s.at + 30 * DAY_MS : Infinity);
    if (lo > hi) return null;
    start = startWithin(month, lo, hi);
    certain &&= lo === hi;
    if (at >= start) return { day: dayIn(month, start, at), fromTable: certain };
    if (sBefore) return { day: dayIn(month - 1, s.at, at), fromTable: certain };
    if (ummAlQuraStarts(month, start)) return null;
  }
  return null;
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
  return { day: table?.day ?? fromUmmAlQura(shifted), fromTable: table !== null && table.fromTable && adjust === 0 };
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
