import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, formatTime24, parseDayMonthYear, parseTime24 } from '../../renderer/features/meeting/localDate.ts';

describe('the form’s dd/mm/yyyy and 24 h fields', () => {
  it('shows a stored date day first and reads it back', () => {
    expect(formatDayMonthYear('2026-11-12')).toBe('12/11/2026');
    expect(parseDayMonthYear('12/11/2026')).toBe('2026-11-12');
    expect(parseDayMonthYear(' 1-2-2026 ')).toBe('2026-02-01');
    expect(parseDayMonthYear('')).toBe('');
  });

  it('refuses what is not a real day, rather than storing a wrong one', () => {
    expect(parseDayMonthYear('31/02/2026')).toBeNull();
    expect(parseDayMonthYear('12/13/2026')).toBeNull();
    expect(parseDayMonthYear('2026-11-12')).toBeNull();
    expect(parseDayMonthYear('12/11')).toBeNull();
  });

  it('reads times on 24 h, refuses AM/PM and out-of-range hours', () => {
    expect(parseTime24('14:30')).toBe('14:30');
    expect(parseTime24('9h05')).toBe('09:05');
    expect(parseTime24('')).toBe('');
    expect(parseTime24('24:00')).toBeNull();
    expect(parseTime24('2:30 PM')).toBeNull();
    expect(formatTime24('14:30')).toBe('14:30');
  });
});
