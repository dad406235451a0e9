import { describe, expect, it } from 'vitest';
import { addCalendarDays, berlinDate, calendarDaysBetween, formatDateDe } from '../../../src-shared/dates.ts';

describe('Europe/Berlin calendar dates', () => {
  it('uses the Berlin date late in the evening UTC', () => {
    expect(berlinDate('2026-06-30T22:30:00Z')).toBe('2026-07-01');
    expect(berlinDate('2026-12-31T22:59:59Z')).toBe('2026-12-31');
    expect(berlinDate('2026-12-31T23:00:00Z')).toBe('2027-01-01');
  });

  it('adds calendar days across daylight saving changes', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 14)).toBe('2026-11-07');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts days between dates', () => {
    expect(calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(calendarDaysBetween('2026-10-30', '2026-10-24')).toBe(-6);
  });

  it('formats German dates and rejects garbage', () => {
    expect(formatDateDe('2026-02-03')).toBe('03.02.2026');
    expect(() => addCalendarDays('03.02.2026', 1)).toThrow(/expected YYYY-MM-DD/);
  });
});
