import type { ScheduledJobPolicy } from '../../src/jobs/scheduled-job-queue.ts';

/** Retries within seconds; a dead worker's run is noticed after pg-boss's minimum heartbeat (10 s). */
export const TEST_SCHEDULED_JOB_POLICY: ScheduledJobPolicy = { retryLimit: 3, retryDelay: 1, retryDelayMax: 2, expireInSeconds: 600, heartbeatSeconds: 10 };
