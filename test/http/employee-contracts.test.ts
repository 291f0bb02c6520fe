// The contract term and probation through REST and the roster: 劳动合同法 第十九条 refuses a
// probation longer than the term allows, with the limit named, and nothing is stored.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);

const hire = (employeeNo: string, contract: Record<string, unknown>) => ({ employeeNo, name: '合同测试', startDate: '2026-11-02', department: '研发部', ...contract });
const upload = (csv: string) => request.post('/api/v1/employees/import').set(auth).attach('file', Buffer.from(`\uFEFF${csv}`), 'roster.csv');

describe('contract terms over REST', () => {
  it('refuses a probation longer than 第十九条 allows, naming the limit, and stores nothing', async () => {
    const res = await request.post('/api/v1/employees').set(auth).send(hire('C1001', { contractStart: '2026-11-02', contractEnd: '2027-11-01', probationEnd: '2027-02-01' }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('合同期限一年以上不满三年的，试用期不得超过二个月');
    expect(JSON.stringify(res.body)).toContain('2027-01-01');
    expect(await t.db.employee.count({ where: { employeeNo: 'C1001' } })).toBe(0);
  });

  it('stores a lawful term, shows it, and refuses an edit that makes the probation unlawful', async () => {
    const res = await request.post('/api/v1/employees').set(auth).send(hire('C1002', { contractStart: '2026-11-02', contractEnd: '2029-11-01', probationEnd: '2027-05-01' }));
    expect(res.status).toBe(201);
    const got = await request.get(`/api/v1/employees/${res.body.id}`).set(auth);
    expect(got.body).toMatchObject({ contractStart: '2026-11-02', contractEnd: '2029-11-01', probationEnd: '2027-05-01' });
    const shorter = await request.patch(`/api/v1/employees/${res.body.id}`).set(auth).send({ contractEnd: '2027-11-01' });
    expect(shorter.status).toBe(400);
    expect(shorter.body.error.message).toContain('第十九条');
    expect((await request.get(`/api/v1/employees/${res.body.id}`).set(auth)).body.contractEnd).toBe('2029-11-01');
    const openEnded = await request.patch(`/api/v1/employees/${res.body.id}`).set(auth).send({ contractEnd: null });
    expect(openEnded.status).toBe(200);
    expect(openEnded.body).toMatchObject({ contractEnd: null, probationEnd: '2027-05-01' });
  });

  it('refuses a probation without a contract start', async () => {
    const res = await request.post('/api/v1/employees').set(auth).send(hire('C1003', { probationEnd: '2026-12-01' }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('合同开始日期');
  });
});

describe('contract terms in the roster', () => {
  it('reports a too-long probation as a row problem in 试用期截止日期', async () => {
    const res = await upload('工号,姓名,入职日期,部门,合同开始日期,合同结束日期,试用期截止日期\r\nR1,甲,2026-11-02,研发部,2026-11-02,2027-05-01,2026-12-15\r\n');
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([expect.objectContaining({ row: 2, column: '试用期截止日期', message: expect.stringContaining('试用期不得超过一个月') })]);
    expect(await t.db.employee.count({ where: { employeeNo: 'R1' } })).toBe(0);
  });

  it('reads an empty 合同结束日期 as 无固定期限', async () => {
    const res = await upload('工号,姓名,入职日期,部门,合同开始日期,合同结束日期,试用期截止日期\r\nR2,乙,2026-11-02,研发部,2026-11-02,,2027-05-01\r\n');
    expect(res.status).toBe(200);
    const row = await t.db.employee.findUniqueOrThrow({ where: { employeeNo: 'R2' } });
    expect([row.contractStart?.toISOString().slice(0, 10), row.contractEnd, row.probationEnd?.toISOString().slice(0, 10)]).toEqual(['2026-11-02', null, '2027-05-01']);
  });

  it('checks a file with only 试用期截止日期 against the stored contract of an existing employee', async () => {
    // R3: a one-year contract on record (第十九条: at most two months of probation).
    expect((await upload('工号,姓名,入职日期,部门,合同开始日期,合同结束日期\r\nR3,丙,2026-11-02,研发部,2026-11-02,2027-11-01\r\n')).status).toBe(200);
    const tooLong = await upload('工号,姓名,入职日期,部门,试用期截止日期\r\nR3,丙,2026-11-02,研发部,2027-03-01\r\n');
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details.problems).toEqual([expect.objectContaining({ row: 2, column: '试用期截止日期', message: expect.stringContaining('试用期不得超过二个月') })]);
    expect((await t.db.employee.findUniqueOrThrow({ where: { employeeNo: 'R3' } })).probationEnd).toBeNull();
    // Within the limit of the stored term: accepted, although the file has no 合同开始日期.
    expect((await upload('工号,姓名,入职日期,部门,试用期截止日期\r\nR3,丙,2026-11-02,研发部,2027-01-01\r\n')).status).toBe(200);
    expect((await t.db.employee.findUniqueOrThrow({ where: { employeeNo: 'R3' } })).probationEnd?.toISOString().slice(0, 10)).toBe('2027-01-01');
  });

  it('checks a shortened contract in the file against the stored probation', async () => {
    expect((await upload('工号,姓名,入职日期,部门,合同开始日期,合同结束日期,试用期截止日期\r\nR4,丁,2026-11-02,研发部,2026-11-02,2029-11-01,2027-03-01\r\n')).status).toBe(200);
    const shortened = await upload('工号,姓名,入职日期,部门,合同结束日期\r\nR4,丁,2026-11-02,研发部,2027-05-01\r\n');
    expect(shortened.status).toBe(422);
    expect(shortened.body.error.details.problems).toEqual([expect.objectContaining({ row: 2, column: '试用期截止日期', message: expect.stringContaining('试用期不得超过一个月') })]);
  });
});
