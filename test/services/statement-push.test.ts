// The monthly statement (《社会保险法》第六十条): a contribution import pushes each employee's
// statement once per month through the outbox; delivery and the first reading in the H5 are
// ledgered, and HR sees the counts.
import { describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../src/outbox/deliver-outbox-message.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { importContributions } from '../../src/services/contributions/import-contributions.ts';
import { createDeliveryHooks } from '../../src/services/delivery-hooks.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { recordStatementRead } from '../../src/services/statements/record-statement-read.ts';
import { summarizeStatementNotices } from '../../src/services/statements/summarize-statement-notices.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-03T02:00:00Z') });
const header = '工号,姓名,身份证号,所属期,险种,缴费基数,单位缴纳,个人缴纳';
const csv = (rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const importMonth = (rows: string[]) => importContributions(t.deps, { actor: testAdmin, fileName: '2026-11.csv', buffer: csv(rows) });
const delivery = { db: t.db, platforms: { sandbox: createSandboxChatPlatform(t.db) }, files: t.deps.files, now: t.deps.now, hooks: createDeliveryHooks({ businessTz: 'Asia/Shanghai' }) };

describe('the monthly statement push', () => {
  it('reaches every employee with contributions once a month, records delivery and first read in the ledger', async () => {
    const a = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵一', identities: { sandbox: 'zhao' } });
    const b = await makeEmployee(t.deps, { name: '钱二', identities: { sandbox: 'qian' } });
    const noChat = await makeEmployee(t.deps, { name: '孙三' });
    const idle = await makeEmployee(t.deps, { name: '李四', identities: { sandbox: 'li' } });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '周人事' });
    const rows = [a.employee, b, noChat].flatMap((e) => [`${e.employeeNo},,,2026-11,养老保险,10000,1600,800`, `${e.employeeNo},,,2026-11,医疗保险,10000,900,200`]);

    await importMonth(rows);
    const sent = await t.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'statement:' } }, orderBy: { dedupeKey: 'asc' } });
    expect(sent.map((m) => m.dedupeKey).sort()).toEqual([`statement:${a.employee.id}:2026-11:sandbox`, `statement:${b.id}:2026-11:sandbox`].sort());
    const toA = sent.find((m) => m.dedupeKey.includes(a.employee.id))!;
    expect(toA.recipients).toEqual(['zhao']);
    const text = (toA.payload as { text: string }).text;
    expect(text).toContain('2026年11月');
    expect(text).toContain('单位缴纳 ¥2,500.00，个人缴纳 ¥1,000.00');
    expect(text).toContain('http://localhost:3000/app/statement?month=2026-11');
    expect(text).toContain('《社会保险法》第六十条');
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { contains: idle.id } } })).toBe(0);

    // The same month again (a correction): no second message.
    await importMonth(rows.map((r) => r.replace(',1600,', ',1700,')));
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'statement:' } } })).toBe(2);
    expect(await t.db.statementNotice.count()).toBe(2);

    for (const m of sent) expect(await deliverOutboxMessage(delivery, m.id)).toBe('sent');
    for (const m of sent) expect(await deliverOutboxMessage(delivery, m.id)).toBe('already-done');
    const delivered = await t.db.evidenceEntry.findMany({ where: { type: 'statement.delivered' } });
    expect(delivered.map((e) => e.employeeId).sort()).toEqual([a.employee.id, b.id].sort());
    expect(delivered[0]?.metadata).toMatchObject({ month: '2026-11', platform: 'sandbox' });

    expect(await recordStatementRead(t.deps, { actor: a.actor, month: '2026-11' })).toEqual({ firstRead: true });
    expect(await recordStatementRead(t.deps, { actor: a.actor, month: '2026-11' })).toEqual({ firstRead: false });
    expect(await recordStatementRead(t.deps, { actor: a.actor, month: '2026-10' })).toEqual({ firstRead: false });
    const reads = await t.db.evidenceEntry.findMany({ where: { type: 'statement.read' } });
    expect(reads.map((e) => [e.employeeId, e.subjectType])).toEqual([[a.employee.id, 'employee']]);
    expect((await verifyLedger(t.deps)).ok).toBe(true);

    expect(await summarizeStatementNotices(t.deps, { actor: hr.actor, from: '2026-11', to: '2026-11' })).toEqual([
      { month: '2026-11', withContributions: 3, sent: 2, delivered: 2, read: 1 },
    ]);
    await expect(summarizeStatementNotices(t.deps, { actor: a.actor, from: '2026-11', to: '2026-11' })).rejects.toMatchObject({ status: 403 });
  }, 60_000);

  it('does not push a back-filled month older than the last three', async () => {
    const c = await makeEmployee(t.deps, { name: '周五', identities: { sandbox: 'zhou' } });
    await importMonth([`${c.employeeNo},,,2026-06,养老保险,10000,1600,800`]);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { contains: c.id } } })).toBe(0);
  });
});
