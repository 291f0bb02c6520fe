// Before any contribution export is imported there is nothing to reconcile against: the job
// says so instead of reporting every employee as not insured.
import { describe, expect, it } from 'vitest';
import { contributionReconciliation } from '../../src/jobs/definitions/contribution-reconciliation.ts';
import { createLogger } from '../../src/log.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();

describe('contribution-reconciliation without contributions', () => {
  it('reconciles nothing and opens no task', async () => {
    await makeEmployee(t.deps, { startDate: '2026-01-05' });
    const summary = await contributionReconciliation.run({ deps: t.deps, asOf: '2026-11-05', log: createLogger('silent') });
    expect(summary).toBe('no contributions imported up to 2026-11: nothing reconciled; statements queued 0 (2026-09 – 2026-11)');
    expect(await t.db.reconciliationTask.count()).toBe(0);
  });
});
