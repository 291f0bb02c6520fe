// Clock ticks in BUSINESS_TZ. Each instance schedules every job; JobRun's unique slot lets
// only the first instance run a given tick.
import schedule from 'node-schedule';
import { dayIn } from '../domain/dates.ts';
import type { Logger } from '../log.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { JobDefinition } from './job-definition.ts';
import { runJob } from './run-job.ts';

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: ServiceDeps, jobs: readonly JobDefinition[], log: Logger): Scheduler {
  const handles = jobs.map((job) =>
    schedule.scheduleJob({ rule: job.cron, tz: deps.businessTz }, (fireDate: Date) => {
      const asOf = dayIn(deps.businessTz, fireDate);
      runJob(deps, job, { asOf, trigger: 'schedule', slot: `${asOf}@${fireDate.toISOString()}`, log }).catch((err: unknown) =>
        log.error({ err, job: job.name }, 'scheduled job failed; it will run again at its next tick'),
      );
    }),
  );
  log.info({ jobs: jobs.map((j) => `${j.name} (${j.cron})`), tz: deps.businessTz }, 'scheduler started');
  return {
    async stop() {
      for (const h of handles) h?.cancel();
    },
  };
}
