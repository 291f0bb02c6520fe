// A scheduler instance that dies mid-run: it takes the tick it queues, prints RUNNING from inside
// the job and hangs until the test SIGKILLs it (the JobRun slot stays claimed and unfinished).
// Usage: node test/jobs/scheduler-kill-child.ts '<json {databaseUrl, name, asOf, fireDate}>'
import { createDb } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { sendTick, startScheduler } from '../../src/jobs/scheduler.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { TEST_SCHEDULED_JOB_POLICY } from './scheduler-kit.ts';

const args = JSON.parse(process.argv[2] as string) as { databaseUrl: string; name: string; asOf: string; fireDate: string };
const db = createDb(args.databaseUrl, 2);
const boss = await openOutboxBoss({ databaseUrl: args.databaseUrl, log: createLogger('silent'), max: 2, superviseIntervalSeconds: 1 });
// runJob reads only the database and the clock.
const deps = { db, now: () => new Date() } as unknown as ServiceDeps;
const hangs = { name: args.name, description: 'hangs', cron: '0 0 1 1 *', run: () => (process.stdout.write('RUNNING\n'), new Promise<string>(() => {})) };
await startScheduler(deps, [hangs], boss, createLogger('silent'), TEST_SCHEDULED_JOB_POLICY);
await sendTick(boss, args.name, args.asOf, new Date(args.fireDate));
setInterval(() => {}, 60_000); // hang until killed
