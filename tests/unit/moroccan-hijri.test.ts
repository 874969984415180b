// The Moroccan Hijri date: the Ministry of Habous's announced month starts first, then Umm
// al-Qura with the meeting's adjustment; and what the secretary's confirmation covers.
import { describe, expect, it } from 'vitest';
import { habousMonthStarts } from '../../shared/calendar/habous-month-starts.ts';
import { hijriKey, hijriSource, moroccanHijri } from '../../shared/calendar/moroccan-hijri.ts';
import { hijriDate } from '../../shared/minutes/dates.ts';

const key = (iso: string, adjust = 0) => {
  const h = moroccanHijri(iso, adjust);
  return h && hijriKey(h.day);
};
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the table of month starts', () => {
  it('gives day 1 of each announced month on its announced day, and the day before to the month before', () => {
    const announced = new Set(habousMonthStarts.map((s) => s.year * 12 + s.month));
    for (const s of habousMonthStarts) {
      expect(moroccanHijri(s.start), s.start).toEqual({ day: { year: s.year, month: s.month, day: 1 }, fromTable: true });
      if (!announced.has(s.year * 12 + s.month - 1)) continue;
      const before = moroccanHijri(addDays(s.start, -1))!;
      expect(before.fromTable, s.start).toBe(true);
      expect(before.day.year * 12 + before.day.month, s.start).toBe(s.year * 12 + s.month - 1);
      expect([29, 30], s.start).toContain(before.day.day);
    }
  });

  it('has months of 29 or 30 days where two announced months follow each other, and a source for each', () => {
    const sorted = [...habousMonthStarts].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((s, i) => {
      expect(s.source).toMatch(/^https?:\/\//);
      const next = sorted[i + 1];
      if (!next || next.year * 12 + next.month !== s.year * 12 + s.month + 1) return;
      const days = (Date.parse(next.start) - Date.parse(s.start)) / 86_400_000;
      expect([29, 30], `${s.year}-${s.month}`).toContain(days);
    });
  });

  it('agrees with the other days the same announcements name (the 29th before the sighting, the Mawlid, the Eid)', () => {
    const announced: [string, string][] = [
      // Issue 27: 17 October 2022 was 20 ربيع الأول 1444 in Morocco (21 by Umm al-Qura).
      ['2022-10-17', '1444-03-20'],
      ['2022-10-09', '1444-03-12'], // Mawlid 1444 (eljadidaexpress.ma/p/48164)
      ['2022-10-26', '1444-03-29'],
      ['2022-11-24', '1444-04-29'],
      ['2022-12-24', '1444-05-29'],
      ['2023-01-22', '1444-06-29'],
      ['2023-02-20', '1444-07-29'],
      ['2023-03-22', '1444-08-29'],
      ['2023-04-20', '1444-09-29'],
      ['2023-05-20', '1444-10-29'],
      ['2023-06-18', '1444-11-29'],
      ['2023-07-18', '1444-12-29'],
      ['2023-09-28', '1445-03-12'], // Mawlid 1445
      ['2023-12-13', '1445-05-29'],
      ['2024-01-12', '1445-06-29'],
      ['2024-06-17', '1445-12-10'], // Eid al-Adha 1445
      ['2025-07-25', '1447-01-29'],
      ['2025-09-05', '1447-03-12'], // Mawlid 1447
    ];
    for (const [iso, hijri] of announced) {
      expect(key(iso), iso).toBe(hijri);
      expect(moroccanHijri(iso)?.fromTable, iso).toBe(true);
    }
  });

  it('does not settle the 30th of a month whose end was not announced', () => {
    // رمضان 1447 began on 19 February 2026; شوال 1447 is not in the table.
    expect(moroccanHijri('2026-03-19')).toMatchObject({ day: { month: 9, day: 29 }, fromTable: true });
    expect(moroccanHijri('2026-03-20')?.fromTable).toBe(false);
  });
});

describe('the days the table leaves open', () => {
  it('counts a day before an announced month in the month before it, and says it is computed', () => {
    // رمضان 1446 began on 2 March 2025 in Morocco, after 29 شعبان = 28 February (habous-month-starts.ts);
    // شعبان is not in the table, and Umm al-Qura began رمضان on 1 March.
    expect(moroccanHijri('2025-02-28')).toEqual({ day: { year: 1446, month: 8, day: 29 }, fromTable: false });
    expect(moroccanHijri('2025-03-01')).toEqual({ day: { year: 1446, month: 8, day: 30 }, fromTable: false });
    expect(hijriDate('2025-03-01', 'ar')).toBe('30 شعبان 1446 هـ');
    expect(hijriSource({ date: '2025-03-01' })).toBe('computed');
  });

  it('begins the month after an announced one on its 30th day at the soonest', () => {
    // Umm al-Qura began شوال 1446 on 30 March 2025, the 29th of Morocco's رمضان: 31 March is 1 شوال, not 2.
    expect(moroccanHijri('2025-03-30')).toEqual({ day: { year: 1446, month: 9, day: 29 }, fromTable: true });
    expect(moroccanHijri('2025-03-31')).toEqual({ day: { year: 1446, month: 10, day: 1 }, fromTable: false });
  });

  it('settles a month between two announced ones 60 days apart: both had 30 days', () => {
    // محرم 1445 began on 19 July 2023, ربيع الأول on 17 September: صفر began on 18 August.
    expect(moroccanHijri('2023-08-17')).toEqual({ day: { year: 1445, month: 1, day: 30 }, fromTable: true });
    expect(moroccanHijri('2023-08-18')).toEqual({ day: { year: 1445, month: 2, day: 1 }, fromTable: true });
    expect(hijriSource({ date: '2023-08-18' })).toBe('table');
  });

  it('prints each day once and skips none, from 1440 to 1448', () => {
    const skips: string[] = [];
    let before = moroccanHijri('2019-01-01')!.day;
    for (let n = 1; n < 365 * 9; n++) {
      const iso = addDays('2019-01-01', n);
      const h = moroccanHijri(iso)!.day;
      const nextDay = h.year === before.year && h.month === before.month && h.day === before.day + 1;
      const nextMonth = h.day === 1 && h.year * 12 + h.month === before.year * 12 + before.month + 1 && before.day >= 29;
      if (!nextDay && !nextMonth) skips.push(`${iso}: ${hijriKey(before)} then ${hijriKey(h)}`);
      before = h;
    }
    expect(skips).toEqual([]);
  });
});

describe('the Moroccan Hijri date', () => {
  it('prints the announced day, not the Umm al-Qura one', () => {
    expect(hijriDate('2022-10-17', 'ar')).toBe('20 ربيع الأول 1444 هـ');
    expect(hijriDate('2022-10-17', 'fr')).toBe('20 rabii I 1444\u00A0H');
    expect(hijriDate('2023-06-18', 'ar')).toBe('29 ذي القعدة 1444 هـ');
    expect(hijriDate('2025-06-27', 'en')).toBe('1 Muharram 1447 AH');
  });

  it('computes Umm al-Qura outside the table, moved by the adjustment', () => {
    expect(hijriDate('2026-11-12', 'ar')).toBe('2 جمادى الآخرة 1448 هـ');
    expect(hijriDate('2026-11-12', 'ar', -1)).toBe('1 جمادى الآخرة 1448 هـ');
    expect(moroccanHijri('2026-11-12')?.fromTable).toBe(false);
  });

  it('lets the secretary move an announced day too, and then it is no longer the table’s', () => {
    expect(moroccanHijri('2022-10-17', 1)).toEqual({ day: { year: 1444, month: 3, day: 21 }, fromTable: false });
  });
});

describe('where the date comes from', () => {
  it('is the table, a confirmation of this very day, or the computation', () => {
    expect(hijriSource({ date: '2022-10-17' })).toBe('table');
    expect(hijriSource({ date: '2026-11-12' })).toBe('computed');
    const confirmed = { date: '2026-11-12', hijri: '1448-06-02' };
    expect(hijriSource({ date: '2026-11-12', hijriConfirmed: confirmed })).toBe('confirmed');
    // A later change of the date or of the adjustment is not covered by the confirmation.
    expect(hijriSource({ date: '2026-11-13', hijriConfirmed: confirmed })).toBe('computed');
    expect(hijriSource({ date: '2026-11-12', hijriAdjust: -1, hijriConfirmed: confirmed })).toBe('computed');
    expect(hijriSource({ date: '' })).toBeNull();
  });
});
