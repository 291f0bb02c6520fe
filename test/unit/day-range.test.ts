// Calendar arithmetic on 'YYYY-MM-DD' days for the H5's date pickers: no time zone involved.
import { describe, expect, it } from 'vitest';
import { addDays, calendarDay, calendarMonth, clampDay } from '../../src/h5/day-range.ts';

describe('day range', () => {
  it('adds days across months, years and a leap February', () => {
    expect(addDays('2026-12-07', 30)).toBe('2027-01-06');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('formats UTC-built dates as calendar days and months', () => {
    expect(calendarDay(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(calendarMonth(new Date(Date.UTC(2026, 12, 1)))).toBe('2027-01');
    expect(calendarMonth(new Date(Date.UTC(2026, -1, 1)))).toBe('2025-12');
  });

  it('keeps a day inside its bounds', () => {
    expect(clampDay('2026-01-01', '2026-02-01', '2026-03-01')).toBe('2026-02-01');
    expect(clampDay('2026-04-01', '2026-02-01', '2026-03-01')).toBe('2026-03-01');
  });
});
