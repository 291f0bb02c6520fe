import { describe, expect, it } from 'vitest';
import { heldUntil } from '../../src/domain/notifications/quiet-hours.ts';

const tz = 'Asia/Shanghai';
const night = { enabled: true, start: '22:00', end: '08:00' };
// Shanghai is UTC+8: 23:30 local on 12-07 is 15:30Z.
const at = (iso: string) => new Date(iso);

describe('heldUntil', () => {
  it('holds an ordinary alert queued late in the evening until 08:00 the next morning', () => {
    expect(heldUntil(night, at('2026-12-07T15:30:00Z'), tz, { legalDeadlineToday: false })?.toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });

  it('holds one queued after midnight until 08:00 the same morning', () => {
    expect(heldUntil(night, at('2026-12-07T19:00:00Z'), tz, { legalDeadlineToday: false })?.toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });

  it('sends at once outside quiet hours, at their exact end, when they are off, and for a legal deadline due today', () => {
    expect(heldUntil(night, at('2026-12-07T06:00:00Z'), tz, { legalDeadlineToday: false })).toBeNull(); // 14:00
    expect(heldUntil(night, at('2026-12-08T00:00:00Z'), tz, { legalDeadlineToday: false })).toBeNull(); // 08:00
    expect(heldUntil({ ...night, enabled: false }, at('2026-12-07T15:30:00Z'), tz, { legalDeadlineToday: false })).toBeNull();
    expect(heldUntil(night, at('2026-12-07T15:30:00Z'), tz, { legalDeadlineToday: true })).toBeNull();
  });

  it('handles quiet hours within one day (12:00–13:30)', () => {
    const lunch = { enabled: true, start: '12:00', end: '13:30' };
    expect(heldUntil(lunch, at('2026-12-07T04:10:00Z'), tz, { legalDeadlineToday: false })?.toISOString()).toBe('2026-12-07T05:30:00.000Z');
    expect(heldUntil(lunch, at('2026-12-07T05:30:00Z'), tz, { legalDeadlineToday: false })).toBeNull();
  });
});
