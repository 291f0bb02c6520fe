import { describe, expect, it } from 'vitest';
import { monthBounds } from '../../src/services/reconciliation/reconciliation-month.ts';

describe('monthBounds', () => {
  it('crosses year ends both ways', () => {
    expect(monthBounds('2026-12')).toEqual({ month: '2026-12', previous: '2026-11', start: '2026-12-01', nextStart: '2027-01-01' });
    expect(monthBounds('2027-01')).toEqual({ month: '2027-01', previous: '2026-12', start: '2027-01-01', nextStart: '2027-02-01' });
  });
});
