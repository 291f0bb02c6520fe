// `npm run bench`, transfer reminders: the `transfer-reminders` job (runJob) over 10k and 100k
// employees (BENCH_SIZES, BENCH_MAX), 2 % of them with an open pension transfer (bench/transfer-seed.ts).
// The first run sends each step's 今日到期 / 已逾期 reminder once; the next three find nothing new.
// Baseline: every open transfer started by asOf with its steps, the rows the schedule needs.
import { transferReminders } from '../src/jobs/definitions/transfer-reminders.ts';
import { runJob } from '../src/jobs/run-job.ts';
import { createLogger } from '../src/log.ts';
import { countRows } from './contribution-seed.ts';
import { runSweepSection } from './sweep-section.ts';
import { seedRoster } from './sweep-seed.ts';
import { seedTransfers, TRANSFER_PER_CENT } from './transfer-seed.ts';

/** A Friday with no statutory holiday in the 90 days before it but 国庆. */
const AS_OF = '2026-11-20';
const log = createLogger('silent');

await runSweepSection({
  job: 'transfer reminders', key: 'transferReminders', asOf: AS_OF, now: new Date(`${AS_OF}T01:30:00Z`),
  describe: `set-based seed: ${TRANSFER_PER_CENT}% of the roster with an open pension transfer started 0–89 days before asOf, step 1 done; one HR specialist on sandbox`,
  async seed(url, n) {
    await seedRoster(url, n, AS_OF);
    return seedTransfers(url, AS_OF);
  },
  baselineName: 'open transfers with their steps',
  baselineSql: `SELECT t.id, t."employeeId", t."fromCity", t."toCity", t."startedOn", s.step, s."doneOn" FROM "PensionTransfer" t JOIN "PensionTransferStep" s ON s."transferId" = t.id WHERE t.state = 'OPEN' AND t."startedOn" <= $1::date`,
  baselineParams: [AS_OF],
  run: async (deps) => (await runJob(deps, transferReminders, { asOf: AS_OF, trigger: 'cli', log })) ?? '',
  count: (deps) => countRows(deps.db, { alerts: `SELECT count(*) FROM "Alert"`, cards: `SELECT count(*) FROM "CardInstance"` }),
});
