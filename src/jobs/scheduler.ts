// Clock ticks in BUSINESS_TZ. Each instance schedules every job; a tick sends a pg-boss job
// (scheduled-job-queue.ts) that any instance's worker runs. Of the instances' identical ticks,
// JobRun's unique slot lets only the first run (run-job.ts); a tick that failed or whose process
// died is retried by pg-boss and takes over its unfinished slot.
import schedule from 'node-schedule';
import type { PgBoss } from 'pg-boss';
import { dayIn } from '../domain/dates.ts';
import type { Logger } from '../log.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { JobDefinition } from './job-definition.ts';
import { runJob } from './run-job.ts';
import { ensureScheduledJobQueue, SCHEDULED_JOB_QUEUE, type ScheduledJobData, type ScheduledJobPolicy } from './scheduled-job-queue.ts';

export interface Scheduler {
  /** Stops the ticks and waits up to `timeoutMs` for a run in progress; one still running then is retried elsewhere. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startScheduler(deps: ServiceDeps, jobs: readonly JobDefinition[], boss: PgBoss, log: Logger, policy?: ScheduledJobPolicy): Promise<Scheduler> {
  await ensureScheduledJobQueue(boss, policy);
  const workId = await boss.work<ScheduledJobData>(SCHEDULED_JOB_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([tick]) => {
    const job = jobs.find((j) => j.name === tick!.data.name);
    // During a rolling upgrade an older instance may take a newer job's tick: handed back, so
    // pg-boss retries it, by then on an instance that has the job.
    if (!job) throw new Error(`this instance has no job "${tick!.data.name}"; the tick is retried`);
    const { asOf, slot } = tick!.data;
    try {
      await runJob(deps, job, { asOf, trigger: 'schedule', slot, log, takeOver: tick!.retryCount > 0 });
    } catch (err) {
      log.error({ err, job: job.name, attempt: tick!.retryCount + 1 }, 'scheduled job failed; pg-boss runs it again after a delay');
      throw err;
    }
  });
  const handles = jobs.map((job) =>
    schedule.scheduleJob({ rule: job.cron, tz: deps.businessTz }, (fireDate: Date) => {
      sendTick(boss, job.name, dayIn(deps.businessTz, fireDate), fireDate).catch((err: unknown) =>
        log.error({ err, job: job.name }, 'could not queue the tick (is the database reachable?); another instance may have'),
      );
    }),
  );
  log.info({ jobs: jobs.map((j) => `${j.name} (${j.cron})`), tz: deps.businessTz }, 'scheduler started');
  return {
    async stop(timeoutMs = 10_000) {
      for (const h of handles) h?.cancel();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([boss.offWork(SCHEDULED_JOB_QUEUE, { id: workId, wait: true }), new Promise((ok) => (timer = setTimeout(ok, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}

/** Queues one tick of `name` as of `asOf`; every instance sends the same slot for the same fire time. */
export async function sendTick(boss: PgBoss, name: string, asOf: string, fireDate: Date): Promise<void> {
  const data: ScheduledJobData = { name, asOf, slot: `${asOf}@${fireDate.toISOString()}` };
  await boss.send(SCHEDULED_JOB_QUEUE, data);
}
