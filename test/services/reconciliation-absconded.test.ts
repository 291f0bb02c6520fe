// 自离 is not a legal ending (劳动合同法 第三十九条 needs a lawful termination): an ABSCONDED
// employee is still employed, so November without contributions is a reconciliation task.
import { describe, expect, it } from 'vitest';
import { reconcileContributions } from '../../src/services/reconciliation/reconcile-contributions.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-05T00:00:00Z') });
const { deps } = withRecordingOutbox(t.deps);

async function pay(employeeId: string, months: string[]) {
  await t.db.contributionRecord.createMany({
    data: months.map((month) => ({ employeeId, month, insuranceType: 'PENSION' as const, baseFen: 1_000_000, employerFen: 160_000, employeeFen: 80_000, city: '上海', payerEntity: 'A公司', sourceFile: 'test.xlsx' })),
  });
}

describe('reconciliation of 自离 employees', () => {
  it('opens a task for an ABSCONDED employee without November contributions', async () => {
    const { employee: hr } = await makeActor(t.deps, ['HR_SPECIALIST'], { employeeNo: 'H0001', identities: { sandbox: 'hr-1' } });
    await pay(hr.id, ['2026-10', '2026-11']);
    const gone = await makeEmployee(t.deps, { name: '自离者', startDate: '2026-01-05', insuredCity: '上海', contractEntity: 'A公司', status: 'ABSCONDED' });
    await pay(gone.id, ['2026-10']);
    const r = await reconcileContributions(deps, { asOf: '2026-12-05' });
    expect(r.month).toBe('2026-11');
    const task = await t.db.reconciliationTask.findFirstOrThrow({ where: { employeeId: gone.id } });
    expect(task).toMatchObject({ kind: 'active_not_insured', state: 'OPEN', month: '2026-11' });
    expect(await t.db.reconciliationTask.count({ where: { employeeId: hr.id } })).toBe(0);
  });
});
