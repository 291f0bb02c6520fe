// Quiet hours: an alert queued inside them is held (its outbox message becomes available when they
// end), never dropped; an alert protecting a legal deadline due today goes at once.
import { addDays, dayIn, formatDateTime, startOfDayIn } from '../dates.ts';
import type { QuietHours } from './notification-preferences.ts';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The instant a message queued at `now` may be delivered, or null for at once.
 * @example heldUntil({ enabled: true, start: '22:00', end: '08:00' }, new Date('2026-12-07T15:30:00Z'), 'Asia/Shanghai', { legalDeadlineToday: false })
 *   // → 2026-12-08T00:00:00.000Z (08:00 in Shanghai)
 */
export function heldUntil(quiet: QuietHours, now: Date, tz: string, o: { legalDeadlineToday: boolean }): Date | null {
  if (!quiet.enabled || o.legalDeadlineToday) return null;
  const day = dayIn(tz, now);
  const local = minutes(formatDateTime(tz, now).slice(11));
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const at = (d: string, m: number) => new Date(startOfDayIn(tz, d).getTime() + m * 60_000);
  if (start < end) return local >= start && local < end ? at(day, end) : null;
  // Spans midnight: late evening waits for tomorrow's end, early morning for today's.
  if (local >= start) return at(addDays(day, 1), end);
  if (local < end) return at(day, end);
  return null;
}
