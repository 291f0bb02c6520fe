// `npm run bench`, contribution reconciliation: the `contribution-reconciliation` job (runJob, as
// `sentinel job run` does) over 10k and 100k employees (BENCH_SIZES, BENCH_MAX) with two months
// of pension and medical contributions (bench/contribution-seed.ts). The first run opens one task
// per planted mismatch and queues HR's digest card; the next three find nothing new. Baseline: every
// employee with the two months' contribution records, the rows the set-based checks must read.
import { contributionReconciliation } from '../src/jobs/definitions/contribution-reconciliation.ts';
import { runJob } from '../src/jobs/run-job.ts';
import { createLogger } from '../src/log.ts';
import { countRows, LOW_BASE_PER_CENT, seedContributions, STOPPED_PER_CENT } from './contribution-seed.ts';
import { runSweepSection } from './sweep-section.ts';
import { RECENT_PER_MILLE, seedRoster } from './sweep-seed.ts';

const AS_OF = '2026-12-05';
const [PREVIOUS, MONTH] = ['2026-10', '2026-11'];
const log = createLogger('silent');

await runSweepSection({
  job: 'reconciliation', key: 'reconciliation', asOf: AS_OF, now: new Date(`${AS_OF}T00:00:00Z`),
  describe: `set-based seed: ${RECENT_PER_MILLE / 10}% recent hires, the rest ACTIVE with pension + medical records for ${PREVIOUS} and ${MONTH}; ${STOPPED_PER_CENT}% not paid in ${MONTH}, ${LOW_BASE_PER_CENT}% paid on half the wage; one HR specialist on sandbox`,
  async seed(url, n) {
    const { recentHires } = await seedRoster(url, n, AS_OF);
    return { recentHires, ...(await seedContributions(url, PREVIOUS, MONTH)) };
  },
  baselineName: 'employees ⟕ 2 months of contributions',
  baselineSql: `SELECT e.id, e.status, e."startDate", e."exitDate", e."monthlyWageFen", e."contractEntity", c.month, c."insuranceType", c."baseFen", c."payerEntity"
    FROM "Employee" e LEFT JOIN "ContributionRecord" c ON c."employeeId" = e.id AND c.month IN ($1, $2)`,
  baselineParams: [PREVIOUS, MONTH],
  run: async (deps) => (await runJob(deps, contributionReconciliation, { asOf: AS_OF, trigger: 'cli', log })) ?? '',
  count: (deps) => countRows(deps.db, { tasks: `SELECT count(*) FROM "ReconciliationTask"`, cards: `SELECT count(*) FROM "CardInstance"` }),
});
