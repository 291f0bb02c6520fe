import { addDays, parseDay } from '../../domain/dates.ts';
import { deleteExpiredSessions } from '../../services/sessions/delete-expired-sessions.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Removes H5 sessions that expired before the end of asOf, so the table stays small. */
export const sessionCleanup: JobDefinition = {
  name: 'session-cleanup',
  description: '清理已过期的 H5 会话',
  cron: '30 3 * * *',
  async run({ deps, asOf }) {
    const count = await deleteExpiredSessions(deps, parseDay(addDays(asOf, 1)));
    return `removed ${count} expired session(s)`;
  },
};
