// `npm run bench`, exit task reminders: the `exit-task-reminders` job (runJob) over 10k and 100k
// employees (BENCH_SIZES, BENCH_MAX), 1 % of them leavers with open checklists (bench/exit-seed.ts).
// The first run reminds the owners of the due tasks and escalates the overdue ones, each once;
// the next three find nothing new. Baseline: the open tasks due by asOf with their exit day, and
// the employees not yet left born in the ranges the retirement reminders read (retiring-around.ts).
import { birthDaysRetiringAround } from '../src/domain/retirement/retiring-around.ts';
import { exitTaskReminders } from '../src/jobs/definitions/exit-task-reminders.ts';
import { runJob } from '../src/jobs/run-job.ts';
import { createLogger } from '../src/log.ts';
import { countRows } from './contribution-seed.ts';
import { EXIT_PER_CENT, seedExits } from './exit-seed.ts';
import { runSweepSection } from './sweep-section.ts';
import { seedRoster } from './sweep-seed.ts';

const AS_OF = '2026-12-14';
const log = createLogger('silent');
const RETIRING = birthDaysRetiringAround(AS_OF);

await runSweepSection({
  job: 'exit task reminders', key: 'exitTaskReminders', asOf: AS_OF, now: new Date(`${AS_OF}T01:30:00Z`),
  describe: `set-based seed: ${EXIT_PER_CENT}% of the roster left 10 days before asOf with four checklist tasks each (two overdue, one due, one later); birth dates 22–63 years back, women with a 退休类别; one HR specialist and manager on sandbox`,
  async seed(url, n) {
    await seedRoster(url, n, AS_OF);
    return seedExits(url, AS_OF);
  },
  baselineName: 'due open tasks + birth dates retiring now',
  baselineSql: `SELECT t.id::text, t."dueOn"::text AS day, p."exitDate"::text AS extra FROM "ExitTask" t JOIN "ExitProcess" p ON p.id = t."processId" WHERE t.state = 'OPEN' AND t."dueOn" <= $1::date
    UNION ALL SELECT id::text, "birthDate"::text, sex::text FROM "Employee" WHERE status <> 'EXITED' AND (${RETIRING.map((_, i) => `"birthDate" BETWEEN $${i * 2 + 2}::date AND $${i * 2 + 3}::date`).join(' OR ')})`,
  baselineParams: [AS_OF, ...RETIRING.flatMap((r) => [r.from, r.to])],
  run: async (deps) => (await runJob(deps, exitTaskReminders, { asOf: AS_OF, trigger: 'cli', log })) ?? '',
  count: (deps) => countRows(deps.db, { reminded: `SELECT count("remindedAt") FROM "ExitTask"`, escalated: `SELECT count("escalatedAt") FROM "ExitTask"`, retiring: `SELECT count(*) FROM "Alert" WHERE kind = 'retirement'`, cards: `SELECT count(*) FROM "CardInstance"` }),
});
