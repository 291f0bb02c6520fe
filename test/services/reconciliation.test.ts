// The monthly reconciliation over a fixture with exactly one case of each mismatch among clean
// employees: one task each, nothing new on a second run, and a task closes once its data is fixed.
import { beforeAll, describe, expect, it } from 'vitest';
import { contributionReconciliation } from '../../src/jobs/definitions/contribution-reconciliation.ts';
import { createLogger } from '../../src/log.ts';
import { reconcileContributions } from '../../src/services/reconciliation/reconcile-contributions.ts';
import { makeActor, makeEmployee, validIdNumber } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-11-05T00:00:00Z') });
const { deps, outbox } = withRecordingOutbox(t.deps);
const asOf = '2026-11-05';
const ids: Record<string, string> = {};

/** One pension record per month at the given base (yuan); clean defaults (上海, A公司). */
async function pay(employeeId: string, months: string[], baseYuan = 10_000, payerEntity = 'A公司') {
  await t.db.contributionRecord.createMany({
    data: months.map((month) => ({
      employeeId, month, insuranceType: 'PENSION' as const, baseFen: baseYuan * 100, employerFen: baseYuan * 16, employeeFen: baseYuan * 8,
      city: '上海', payerEntity, sourceFile: 'test.xlsx',
    })),
  });
}

/** monthlyWage is in fen here: the factory passes the parsed input straight to createEmployee. */
async function person(key: string, o: Parameters<typeof makeEmployee>[1] = {}) {
  const e = await makeEmployee(t.deps, { name: key, startDate: '2026-01-05', insuredCity: '上海', contractEntity: 'A公司', monthlyWage: 1_000_000, ...o });
  ids[key] = e.id;
  return e.id;
}

beforeAll(async () => {
  const { employee: hr } = await makeActor(t.deps, ['HR_SPECIALIST'], { employeeNo: 'A0001', identities: { sandbox: 'hr-1' } });
  ids.hr = hr.id;
  await pay(hr.id, ['2026-10']);
  await t.db.cityPolicy.create({ data: { city: '上海', effectiveFrom: new Date('2025-07-01'), baseFloorFen: 746_000, baseCeilingFen: 3_730_200, sourceUrl: 'https://rsj.sh.gov.cn/' } });
  for (const n of [1, 2, 3]) await pay(await person(`clean${n}`), ['2026-09', '2026-10']);
  await pay(await person('withinTolerance', { monthlyWage: 1_030_000 }), ['2026-10']);
  await pay(await person('leftInOctober', { status: 'EXITED', exitDate: '2026-10-15' }), ['2026-10']);
  await person('hiredInOctober', { startDate: '2026-10-10' });
  await person('notInsured', { startDate: '2026-03-01' });
  await pay(await person('exitedPaid', { status: 'EXITED', exitDate: '2026-08-31' }), ['2026-08', '2026-09', '2026-10']);
  await pay(await person('stopped'), ['2026-09']);
  await pay(await person('belowFloor', { monthlyWage: 500_000 }), ['2026-10'], 5_000);
  await pay(await person('wageMismatch', { monthlyWage: 2_000_000 }), ['2026-10']);
  await pay(await person('otherEntity'), ['2026-10'], 10_000, 'B公司');
});

const openTasks = () => t.db.reconciliationTask.findMany({ where: { state: 'OPEN' }, orderBy: { kind: 'asc' } });

describe('reconcileContributions', () => {
  it('opens exactly one task per mismatch, owned by the HR specialist, due in 5 days, with one digest card', async () => {
    const r = await reconcileContributions(deps, { asOf });
    expect(r).toMatchObject({ month: '2026-10', opened: 6, closed: 0, cardsQueued: 1 });
    const tasks = await openTasks();
    expect(tasks.map((x) => [x.kind, x.employeeId])).toEqual([
      ['active_not_insured', ids.notInsured], ['base_below_floor', ids.belowFloor], ['base_mismatch_wage', ids.wageMismatch],
      ['entity_mismatch', ids.otherEntity], ['exited_still_insured', ids.exitedPaid], ['stopped_while_active', ids.stopped],
    ]);
    expect(new Set(tasks.map((x) => x.ownerId))).toEqual(new Set([ids.hr]));
    expect(tasks[0]?.dueOn.toISOString().slice(0, 10)).toBe('2026-11-10');
    expect(tasks.find((x) => x.kind === 'exited_still_insured')?.details).toMatchObject({ monthsPaidAfterExit: ['2026-09', '2026-10'] });
    expect(tasks[0]?.uniqueKey).toBe(`active_not_insured:${ids.notInsured}:2026-10`);
    expect(outbox.messages).toHaveLength(1);
    expect(outbox.messages[0]).toMatchObject({ platform: 'sandbox', recipients: ['hr-1'], payload: { kind: 'card', card: { type: 'reconciliation.digest' } } });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'insurance.stopped_while_active' } });
    expect(event.data).toEqual({ employeeId: ids.stopped, month: '2026-10', lastPaidMonth: '2026-09' });
  });

  it('creates nothing and sends nothing on a second run', async () => {
    const summary = await contributionReconciliation.run({ deps, asOf, log: createLogger('silent') });
    expect(summary).toBe('month 2026-10: found 6 mismatch(es) (active_not_insured 1, exited_still_insured 1, stopped_while_active 1, '
      + 'base_below_floor 1, base_mismatch_wage 1, entity_mismatch 1), opened 0 task(s), closed 0; statements queued 1 (2026-09 – 2026-11)');
    expect(await t.db.reconciliationTask.count()).toBe(6);
    // No new task card; the one statement queued is the October push the records (inserted, not imported) never had.
    expect(outbox.messages.filter((m) => !m.dedupeKey.startsWith('statement:'))).toHaveLength(1);
    expect(await t.db.auditEvent.count({ where: { type: 'insurance.stopped_while_active' } })).toBe(1);
  });

  it('closes the task whose data was fixed, with an audit event', async () => {
    await pay(ids.notInsured as string, ['2026-10']);
    const r = await reconcileContributions(deps, { asOf });
    expect(r).toMatchObject({ opened: 0, closed: 1 });
    const task = await t.db.reconciliationTask.findUniqueOrThrow({ where: { uniqueKey: `active_not_insured:${ids.notInsured}:2026-10` } });
    expect(task).toMatchObject({ state: 'CLOSED', closedAt: new Date('2026-11-05T00:00:00Z') });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'reconciliation.task_closed' } });
    expect(event).toMatchObject({ subjectType: 'employee', subjectId: ids.notInsured, data: { kind: 'active_not_insured', month: '2026-10' } });
    expect(await openTasks()).toHaveLength(5);
  });

  it('reopens a closed task when its condition comes back, with a new digest card', async () => {
    await t.db.contributionRecord.deleteMany({ where: { employeeId: ids.notInsured, month: '2026-10' } });
    const r = await reconcileContributions(deps, { asOf });
    expect(r).toMatchObject({ opened: 1, closed: 0, cardsQueued: 1 });
    expect(await openTasks()).toHaveLength(6);
    expect(await t.db.auditEvent.count({ where: { type: 'reconciliation.task_reopened', subjectId: ids.notInsured } })).toBe(1);
    expect(outbox.messages.filter((m) => !m.dedupeKey.startsWith('statement:'))).toHaveLength(2);
  });

  it('cannot hold the same ID number on two employee records: the unique index refuses it', async () => {
    const idNumber = validIdNumber(424_242);
    await makeEmployee(t.deps, { idNumber });
    await expect(makeEmployee(t.deps, { idNumber })).rejects.toThrow();
    const hash = (await t.db.employee.findFirstOrThrow({ where: { idNumberHash: { not: null } }, select: { idNumberHash: true } })).idNumberHash;
    await expect(t.db.employee.update({ where: { id: ids.clean1 }, data: { idNumberHash: hash } })).rejects.toThrow(/Unique constraint/);
  });
});
