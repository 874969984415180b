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
