import { addDays, parseDay } from '../../domain/dates.ts';
import { deleteExpiredRateLimits } from '../../services/rate-limits/delete-expired-rate-limits.ts';
import { deleteExpiredSessions } from '../../services/sessions/delete-expired-sessions.ts';
import type { JobDefinition } from '../job-definition.ts';

/**
 * Removes H5 sessions that expired before the end of asOf, and rate-limit counters whose window
 * has passed (by the real clock: they count requests, not business days), so both tables stay small.
 */
export const sessionCleanup: JobDefinition = {
  name: 'session-cleanup',
  description: '清理已过期的 H5 会话和限流计数',
  cron: '30 3 * * *',
  async run({ deps, asOf }) {
    const count = await deleteExpiredSessions(deps, parseDay(addDays(asOf, 1)));
    const counters = await deleteExpiredRateLimits(deps, deps.now());
    return `removed ${count} expired session(s) and ${counters} expired rate-limit counter(s)`;
  },
};
