// POST /api/v1/contributions/import through the real Koa stack: multipart, the 422 problem
// list, media types and who may call it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, testAdmin } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const upload = (buffer: Buffer, fileName: string, headers: Record<string, string> = auth) =>
  request.post('/api/v1/contributions/import').set(headers).attach('file', buffer, fileName);

const sessions: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  await importEmployees(t.deps, { actor: testAdmin, fileName: 'employees-sample.csv', buffer: fixture('employees-sample.csv') });
  for (const role of ['EMPLOYEE', 'FINANCE', 'HR_SPECIALIST'] as const) {
    const { employee } = await makeActor(t.deps, [role]);
    const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
    sessions[role] = { Authorization: `Bearer ${token}` };
  }
});

describe('POST /api/v1/contributions/import', () => {
  it('imports the sample workbook for an HR specialist and answers with the counts', async () => {
    const res = await upload(fixture('contributions-sample.xlsx'), '2026年1月缴费.xlsx', sessions.HR_SPECIALIST);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ rows: 15, created: 15, updated: 0, unchanged: 0 });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'contributions.imported' } });
    expect(event.data).toMatchObject({ file: '2026年1月缴费.xlsx', months: ['2026-01'] });
  });

  it('answers a re-import of the CSV with every row unchanged', async () => {
    const res = await upload(fixture('contributions-sample.csv'), 'contributions-sample.csv');
    expect(res.body).toEqual({ rows: 15, created: 0, updated: 0, unchanged: 15 });
  });

  it('rejects a bad file with 422 naming row, column and reason, and imports nothing', async () => {
    const before = await t.db.contributionRecord.count();
    const res = await upload(fixture('contributions-bad.csv'), 'contributions-bad.csv');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'import_rejected', details: { problemCount: 5 } });
    expect(res.body.error.details.problems).toContainEqual({ row: 4, column: '所属期', message: expect.stringMatching(/应写成 2026-01 这样的年月/) });
    expect(await t.db.contributionRecord.count()).toBe(before);
  });

  it('answers 415 for a file that is not a spreadsheet', async () => {
    const res = await upload(Buffer.from('hello'), 'notes.txt');
    expect(res.status).toBe(415);
  });

  it('answers 400 when no file is attached', async () => {
    const res = await request.post('/api/v1/contributions/import').set(auth).field('note', 'x');
    expect(res.status).toBe(400);
  });

  it('refuses employees and finance before reading the upload', async () => {
    for (const role of ['EMPLOYEE', 'FINANCE']) {
      const res = await upload(fixture('contributions-sample.csv'), 'c.csv', sessions[role]);
      expect(res.status).toBe(403);
    }
  });
});
