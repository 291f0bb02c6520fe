// POST /api/v1/employees/import through the real Koa stack: multipart parsing, limits,
// sniffing, the 422 problem list and who may call it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const upload = (buffer: Buffer, fileName: string, headers: Record<string, string> = auth) =>
  request.post('/api/v1/employees/import').set(headers).attach('file', buffer, fileName);

const sessions: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  for (const role of ['EMPLOYEE', 'FINANCE', 'HR_MANAGER'] as const) {
    const { employee } = await makeActor(t.deps, [role]);
    const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
    sessions[role] = { Authorization: `Bearer ${token}` };
  }
});

describe('POST /api/v1/employees/import', () => {
  it('imports the sample workbook and answers with the counts', async () => {
    const res = await upload(fixture('employees-sample.xlsx'), '员工名册.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ rows: 12, created: 12, updated: 0, unchanged: 0 });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'employees.imported' } });
    expect(event.data).toMatchObject({ file: '员工名册.xlsx', created: 12 });
    expect(event.actor).toMatchObject({ kind: 'admin' });
  });

  it('answers a re-import of the CSV sample with every row unchanged', async () => {
    const res = await upload(fixture('employees-sample.csv'), 'employees-sample.csv', sessions.HR_MANAGER);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ rows: 12, created: 0, updated: 0, unchanged: 12 });
  });

  it('rejects a bad file with 422 naming row, column and reason, and imports nothing', async () => {
    const before = await t.db.employee.count();
    const res = await upload(fixture('employees-bad.csv'), 'employees-bad.csv');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'import_rejected', message: '导入被拒绝：7 行有错误，未导入任何数据' });
    expect(res.body.error.details.problems).toContainEqual({ row: 3, column: '身份证号', message: expect.stringMatching(/校验位/) });
    expect(res.body.error.details.problems).toContainEqual({ row: 4, column: '入职日期', message: expect.any(String) });
    expect(res.body.error.details.problems).toContainEqual({ row: 5, column: '姓名', message: '必填，不能为空' });
    expect(res.body.error.details.problemCount).toBe(7);
    expect(await t.db.employee.count()).toBe(before);
  });

  it('rejects an unknown column with 422 naming it', async () => {
    const res = await upload(Buffer.from('工号,姓名,入职日期,部门,工资卡号\nU1,甲,2026-01-05,研发部,6222\n'), 'extra.csv');
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems).toEqual([{ row: 1, column: '工资卡号', message: expect.stringMatching(/未知的列/) }]);
  });

  it('answers 413 for a file over 10 MB', async () => {
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'big.csv');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('10 MB') });
  });

  it.each([
    ['a PNG named .xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'photo.xlsx'],
    ['random bytes named .xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'broken.xlsx'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'roster.pdf'],
  ])('answers 415 for %s', async (_name, buffer, fileName) => {
    const res = await upload(buffer, fileName);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/xlsx/) });
  });

  it('answers 400 when the form has no file field', async () => {
    const res = await request.post('/api/v1/employees/import').set(auth).field('note', 'x');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message: expect.stringContaining('没有收到文件'), details: { field: 'file' } });
  });

  it('answers 415 for a JSON body', async () => {
    const res = await request.post('/api/v1/employees/import').set(auth).send({ file: 'x' });
    expect(res.status).toBe(415);
  });

  it('answers 401 without credentials and 403 for roles that may not import', async () => {
    expect((await upload(fixture('employees-sample.csv'), 'x.csv', {})).status).toBe(401);
    for (const role of ['EMPLOYEE', 'FINANCE']) {
      const res = await upload(fixture('employees-sample.csv'), 'x.csv', sessions[role]);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('is described in openapi.json as a multipart upload', async () => {
    const res = await request.get('/api/v1/openapi.json').set(auth);
    const op = res.body.paths['/employees/import'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(op.description).toContain('HR_SPECIALIST, HR_MANAGER, ADMIN');
  });
});
