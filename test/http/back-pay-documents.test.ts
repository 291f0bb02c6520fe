// The back-pay documents over HTTP: HR generates each kind as a PDF that lands in the employee's
// evidence ledger with an audit event; finance and employees are refused; malformed input gets a
// Chinese 400; neither writes anything.
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/generated/prisma/enums.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2025-09-10T02:00:00.000Z') });
const { request } = createTestApp(t);
const as: Record<string, Record<string, string>> = {};
let employeeId = '';

const period = {
  from: '2025-01', to: null, baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: { pension: { employer: '0.16', employee: '0.08' }, medical: { employer: '0.09', employee: '0.02' } },
  rounding: 'fen', dueDay: 'last', lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
  averageMonthlyWageFen: 1243400, minimumWageFen: 274000, source: null, verified: false,
};

async function session(roles: Role[]) {
  const a = await makeActor(t.deps, roles);
  const { token } = await createSession(t.deps, { employeeId: a.employee.id, platform: 'sandbox', method: 'test' });
  return { Authorization: `Bearer ${token}` };
}

const written = async () => ({ evidence: await t.db.evidenceEntry.count(), audit: await t.db.auditEvent.count({ where: { type: 'money.document_issued' } }) });
const postBinary = (path: string, headers: Record<string, string>, send: object) =>
  request.post(path).set(headers).send(send).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

beforeAll(async () => {
  as.manager = await session(['HR_MANAGER']);
  as.specialist = await session(['HR_SPECIALIST']);
  as.finance = await session(['FINANCE']);
  as.employee = await session(['EMPLOYEE']);
  expect((await request.post('/api/v1/policies').set(as.manager).send({ city: '示例市', cityCode: '000000', periods: [period] })).status).toBe(200);
  employeeId = (await makeEmployee(t.deps, { startDate: '2025-03-01', insuredCity: '示例市', monthlyWage: 800_000 })).id;
});

const body = { from: '2025-05', to: '2025-07', payOn: '2025-09-10' };

describe('POST /api/v1/calc/back-pay/documents', () => {
  it.each(['declaration', 'letter', 'cross-year'] as const)('lets HR generate the %s as a PDF ledgered under the employee', async (kind) => {
    const before = await written();
    const r = await postBinary('/api/v1/calc/back-pay/documents', as.specialist!, { employeeId, ...body, kind, reason: '入职时未及时增员' });
    expect(r.status, r.body.toString()).toBe(201);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    const pdf = r.body as Buffer;
    expect((await PDFDocument.load(pdf)).getTitle()).toBe({ declaration: '社保补缴申报表', letter: '社保补缴说明函', 'cross-year': '跨年补缴影响说明' }[kind]);
    const sha = r.headers['x-document-sha256'];
    const entry = await t.db.evidenceEntry.findFirstOrThrow({ where: { type: 'money.document', payloadHash: sha } });
    expect(entry).toMatchObject({ subjectType: 'employee', subjectId: employeeId, employeeId });
    expect(entry.metadata).toMatchObject({ kind, from: '2025-05', to: '2025-07', payOn: '2025-09-10', verified: false });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'money.document_issued' }, orderBy: { seq: 'desc' } });
    expect(audit.data).toMatchObject({ kind, documentSha256: sha, verified: false });
    expect(await written()).toEqual({ evidence: before.evidence + 1, audit: before.audit + 1 });
  });

  it('refuses finance and employees and writes nothing', async () => {
    const before = await written();
    for (const who of ['finance', 'employee']) {
      const r = await request.post('/api/v1/calc/back-pay/documents').set(as[who]!).send({ employeeId, ...body, kind: 'letter' });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain('生成社保补缴文书');
    }
    expect(await written()).toEqual(before);
  });

  it.each([
    [{ city: '示例市', wageFen: 500000, ...body, kind: 'letter' }, '请先选择一名员工'],
    [{ employeeId: 'x', ...body, kind: 'letter' }, '请先选择一名员工'],
    [{ employeeId: '00000000-0000-4000-8000-000000000000', ...body, kind: 'poster' }, '文书类型应为'],
    [{ employeeId: '00000000-0000-4000-8000-000000000000', ...body, from: '2025-5', kind: 'letter' }, '应为月份'],
    [{ employeeId: '00000000-0000-4000-8000-000000000000', ...body, kind: 'letter', reason: '长'.repeat(201) }, '最多 200 字'],
    [{ employeeId: '00000000-0000-4000-8000-000000000000', ...body, kind: 'letter' }, '找不到该员工'],
    [{ employeeId: 'EMPLOYEE', ...body, from: '2025-08', to: '2025-05', kind: 'letter' }, '开始月份 2025-08 晚于结束月份 2025-05'],
    [{ employeeId: 'EMPLOYEE', ...body, from: '2024-12', kind: 'letter' }, '2024-12 没有示例市的社保政策'],
  ])('refuses %j with a Chinese 4xx and writes nothing', async (input, message) => {
    const before = await written();
    const send = 'employeeId' in input && input.employeeId === 'EMPLOYEE' ? { ...input, employeeId } : input;
    const r = await request.post('/api/v1/calc/back-pay/documents').set(as.specialist!).send(send);
    expect([400, 404]).toContain(r.status);
    expect(r.body.error.message).toContain(message);
    expect(await written()).toEqual(before);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await request.get('/api/v1/openapi.json')).body;
    expect(doc.paths['/calc/back-pay/documents'].post.requestBody.content['application/json'].schema.properties.kind.enum).toEqual(['declaration', 'letter', 'cross-year']);
  });
});

describe('POST /api/v1/calc/back-pay/xlsx', () => {
  it('streams the table to finance as a workbook with numbers in yuan and dates as dates', async () => {
    const input = { city: '示例市', wageFen: 500000, from: '2025-05', to: '2025-06', payOn: '2025-09-10' };
    const json = (await request.post('/api/v1/calc/back-pay').set(as.finance!).send(input)).body;
    const r = await postBinary('/api/v1/calc/back-pay/xlsx', as.finance!, input);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Uint8Array.from(r.body as Buffer).buffer);
    const ws = wb.getWorksheet('补缴测算')!;
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^政策数据未经核实：/);
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const may = rows.find((row) => row[1] instanceof Date && (row[1] as Date).toISOString().startsWith('2025-05-01'))!;
    // base 7,460 (floor) as a number; pension 1,193.60 / 596.80 as numbers; due day a date
    expect(may.slice(2, 5)).toEqual([7460, 1193.6, 596.8]);
    expect((may.find((v) => v instanceof Date && (v as Date).toISOString().startsWith('2025-05-31')))).toBeTruthy();
    const grand = rows.find((row) => row[1] === '应缴总额')!;
    expect(grand[2]).toBe(json.totals.grandTotalFen / 100);
    expect(ws.getRow(4).getCell(2).numFmt).toBe('#,##0.00');
  });

  it('refuses malformed input and an employee asking for an ad-hoc wage', async () => {
    const bad = await request.post('/api/v1/calc/back-pay/xlsx').set(as.finance!).send({ city: '示例市', wageFen: 500000, from: '2025-13', to: '2025-06', payOn: '2025-09-10' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('应为月份');
    const employee = await request.post('/api/v1/calc/back-pay/xlsx').set(as.employee!).send({ city: '示例市', wageFen: 500000, from: '2025-05', to: '2025-06', payOn: '2025-09-10' });
    expect(employee.status).toBe(403);
  });
});
