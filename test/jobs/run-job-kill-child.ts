// A `job run --once` process that dies mid-run: it claims the day's slot, prints RUNNING from
// inside the job, renews its heartbeat every 100 ms and hangs until the test SIGKILLs it.
// Usage: node test/jobs/run-job-kill-child.ts '<json {databaseUrl, name, slot}>'
import { createDb } from '../../src/db/client.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';

const args = JSON.parse(process.argv[2] as string) as { databaseUrl: string; name: string; slot: string };
// runJob reads only the database and the clock.
const deps = { db: createDb(args.databaseUrl, 2), now: () => new Date() } as unknown as ServiceDeps;
const hangs = { name: args.name, description: 'hangs', cron: '0 0 1 1 *', run: () => (process.stdout.write('RUNNING\n'), new Promise<string>(() => {})) };
await runJob(deps, hangs, { asOf: '2026-12-07', trigger: 'cli', slot: args.slot, liveness: { heartbeatMs: 100, staleAfterMs: 1000 }, log: createLogger('silent') });
