// `npm run bench`, exit task reminders: the `exit-task-reminders` job (runJob) over 10k and 100k
// employees (BENCH_SIZES, BENCH_MAX), 1 % of them leavers with open checklists (bench/exit-seed.ts).
// The first run reminds the owners of the due tasks and escalates the overdue ones, each once;
// the next three find nothing new. Baseline: the open tasks due by asOf with their exit day, and
// every employee not yet left with the birth date and sex the retirement check reads.
import { exitTaskReminders } from '../src/jobs/definitions/exit-task-reminders.ts';
import { runJob } from '../src/jobs/run-job.ts';
import { createLogger } from '../src/log.ts';
import { countRows } from './contribution-seed.ts';
import { EXIT_PER_CENT, seedExits } from './exit-seed.ts';
import { runSweepSection } from './sweep-section.ts';
import { seedRoster } from './sweep-seed.ts';

const AS_OF = '2026-12-14';
const log = createLogger('silent');

await runSweepSection({
  job: 'exit task reminders', key: 'exitTaskReminders', asOf: AS_OF, now: new Date(`${AS_OF}T01:30:00Z`),
  describe: `set-based seed: ${EXIT_PER_CENT}% of the roster left 10 days before asOf with four checklist tasks each (two overdue, one due, one later); birth dates 25–54 years back; one HR specialist and manager on sandbox`,
  async seed(url, n) {
    await seedRoster(url, n, AS_OF);
    return seedExits(url, AS_OF);
  },
  baselineName: 'due open tasks + roster birth dates',
  baselineSql: `SELECT t.id::text, t."dueOn"::text AS day, p."exitDate"::text AS extra FROM "ExitTask" t JOIN "ExitProcess" p ON p.id = t."processId" WHERE t.state = 'OPEN' AND t."dueOn" <= $1::date
    UNION ALL SELECT id::text, "birthDate"::text, sex::text FROM "Employee" WHERE status <> 'EXITED'`,
  baselineParams: [AS_OF],
  run: async (deps) => (await runJob(deps, exitTaskReminders, { asOf: AS_OF, trigger: 'cli', log })) ?? '',
  count: (deps) => countRows(deps.db, { reminded: `SELECT count("remindedAt") FROM "ExitTask"`, escalated: `SELECT count("escalatedAt") FROM "ExitTask"`, cards: `SELECT count(*) FROM "CardInstance"` }),
});
