// A statement push the server never finished (down right after the contribution import) is caught
// up by the next run of the monthly contributions job, once per employee and month (社会保险法 第六十条).
import { describe, expect, it } from 'vitest';
import { contributionReconciliation } from '../../src/jobs/definitions/contribution-reconciliation.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { importContributions } from '../../src/services/contributions/import-contributions.ts';
import { makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-05T02:00:00Z') });
const header = '工号,姓名,身份证号,所属期,险种,缴费基数,单位缴纳,个人缴纳';
const log = createLogger('silent');
const run = (asOf: string) => runJob(t.deps, contributionReconciliation, { asOf, trigger: 'cli', log });
const pushed = () => t.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'statement:' } }, select: { dedupeKey: true } });

describe('statement pushes caught up by the monthly job', () => {
  it('queues the statements an outage left unsent on the next run, and nothing on the run after', async () => {
    const a = await makeEmployee(t.deps, { name: '赵一', identities: { sandbox: 'zhao' } });
    const b = await makeEmployee(t.deps, { name: '钱二', identities: { sandbox: 'qian' } });
    const rows = [a, b].map((e) => `${e.employeeNo},,,2026-11,养老保险,10000,1600,800`);
    await importContributions(t.deps, { actor: testAdmin, fileName: '2026-11.csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    // The import committed, then the server stopped before the push: nothing was queued.
    await t.db.outboxMessage.deleteMany({ where: { dedupeKey: { startsWith: 'statement:' } } });
    await t.db.statementNotice.deleteMany();

    expect(await run('2026-12-05')).toContain('statements queued 2 (2026-10 – 2026-12)');
    expect((await pushed()).map((m) => m.dedupeKey).sort()).toEqual([`statement:${a.id}:2026-11:sandbox`, `statement:${b.id}:2026-11:sandbox`].sort());
    expect(await run('2026-12-05')).toContain('statements queued 0');
    expect(await run('2027-01-05')).toContain('statements queued 0');
    expect(await pushed()).toHaveLength(2);
    expect(await t.db.statementNotice.count()).toBe(2);
  });
});
