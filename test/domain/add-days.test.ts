// addDays has an arithmetic fast path for four-digit years; it must agree with the ISO-string
// arithmetic it replaced on every day and offset, month ends, leap days and year ends included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';

/** The reference: parse the ISO day at UTC midnight, move by n days, print the ISO day. */
function viaIso(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const anyDay = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('addDays', () => {
  it('agrees with ISO-string arithmetic for any four-digit-year day and offset', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -4000, max: 4000 }), (day, n) => {
      const expected = viaIso(day, n);
      // Results outside four-digit years print as ±YYYYYY in ISO form; both paths agree there too.
      expect(addDays(day, n)).toBe(expected);
    }), { numRuns: 5000 });
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'], ['2024-02-29', 1, '2024-03-01'], ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'], ['2027-01-01', -1, '2026-12-31'], ['1000-01-01', -1, '0999-12-31'],
  ])('%s %s → %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it('throws on a day that is not one, as before', () => {
    expect(() => addDays('2026-13-45x', 1)).toThrow(RangeError);
    expect(() => addDays('not a day', 1)).toThrow(RangeError);
  });
});
