import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runImportEmployees } from '../../src/cli/import-employees-command.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { listZipEntries } from '../../scripts/list-zip-entries.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { makeActor, makeEmployee, testAdmin, validIdNumber, validMobile } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const sampleXlsx = fixture('employees-sample.xlsx');
const sampleCsv = fixture('employees-sample.csv');
const run = (fileName: string, buffer: Buffer, actor: Actor = testAdmin) => importEmployees(t.deps, { actor, fileName, buffer });
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const byNo = (employeeNo: string) =>
  t.db.employee.findUniqueOrThrow({ where: { employeeNo }, include: { manager: true, roles: true, identities: true, department: true } });
const rejection = (fileName: string, buffer: Buffer) =>
  run(fileName, buffer).then(
    () => expect.fail('import should have been rejected'),
    (err: { code: string; status: number; details: { problems: { row: number; column: string; message: string }[] } }) => err,
  );

describe('importing the sample roster', () => {
  it('creates every employee from the workbook, Excel date cells included', async () => {
    const progress: [number, number][] = [];
    const summary = await importEmployees(t.deps, { actor: testAdmin, fileName: 'employees-sample.xlsx', buffer: sampleXlsx, onProgress: (d, n) => progress.push([d, n]) });
    expect(summary).toEqual({ rows: 12, created: 12, updated: 0, unchanged: 0 });
    expect(progress.at(-1)).toEqual([12, 12]);

    const cto = await byNo('E1005');
    expect(cto.manager?.employeeNo).toBe('E1001');
    expect(cto.startDate.toISOString().slice(0, 10)).toBe('2018-11-12');
    expect(cto.roles.map((r) => r.role)).toEqual(['EMPLOYEE']);
    expect((await byNo('E1006')).manager?.employeeNo).toBe('E1005');
    expect((await byNo('E1003')).roles.map((r) => r.role).sort()).toEqual(['EMPLOYEE', 'HR_SPECIALIST']);
    expect((await byNo('E1002')).department.name).toBe('人力资源部');
    const ceo = await byNo('E1001');
    expect(ceo.identities.map((i) => [i.platform, i.userId]).sort()).toEqual([['dingtalk', 'ding-e1001'], ['wecom', 'WangJianGuo']]);
    expect(ceo.enrolledOn?.toISOString().slice(0, 10)).toBe('2016-04-01');
    const enrolments = await t.db.enrolment.findMany({ where: { employeeId: ceo.id }, include: { changes: true } });
    expect(enrolments.map((e) => [e.source, e.enrolledOn.toISOString().slice(0, 10)])).toEqual(Array(5).fill(['import', '2016-04-01']));
    expect(enrolments.every((e) => e.changes.length === 1 && e.changes[0]!.reason === '导入（名册社保增员日期）')).toBe(true);
    expect((await byNo('E1004')).monthlyWageFen).toBe(2_200_050);
    expect((await byNo('E1009')).status).toBe('ONBOARDING');
    // The contract columns, aligned by header: a 3-year term with six months' probation (第十九条),
    // an open-ended one (empty 合同结束日期), and 退休类别 still in its own column.
    const term = async (no: string) => {
      const e = await byNo(no);
      return [e.contractStart, e.contractEnd, e.probationEnd].map((d) => d?.toISOString().slice(0, 10) ?? null);
    };
    expect(await term('E1009')).toEqual(['2026-07-01', '2029-06-30', '2026-12-31']);
    expect(await term('E1001')).toEqual(['2016-04-01', null, null]);
    expect((await byNo('E1009')).retirementCategory).toBe('female_worker');
    expect(sampleCsv.toString('utf8').split('\r\n')[0]).toContain('合同开始日期,合同结束日期,试用期截止日期');
    const exited = await byNo('E1012');
    expect([exited.status, exited.exitDate?.toISOString().slice(0, 10)]).toEqual(['EXITED', '2025-12-31']);
    expect(await t.db.statusChange.count({ where: { employeeId: exited.id, reason: '导入', toStatus: 'EXITED' } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'employee.created' } })).toBe(12);
    expect(await t.db.auditEvent.count({ where: { type: 'employees.imported' } })).toBe(1);
  });

  it('stores mobile and ID numbers encrypted, never in plaintext', async () => {
    const ceo = await byNo('E1001');
    expect(t.deps.cipher.decrypt(ceo.mobileEnc ?? '')).toBe('13801001001');
    expect(ceo.idNumberLast4).toBe('0114');
    const rows = await t.db.$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM "Employee" e`;
    const dump = rows.map((r) => r.row).join('\n');
    expect(dump).not.toContain('13801001001');
    expect(dump).not.toContain('310101197803150114');
  });

  it('changes nothing when the same roster is imported again, as .xlsx or as .csv with a BOM', async () => {
    const before = { audit: await t.db.auditEvent.count(), history: await t.db.statusChange.count() };
    const versions = await t.db.employee.findMany({ select: { employeeNo: true, version: true }, orderBy: { employeeNo: 'asc' } });
    expect(await run('employees-sample.xlsx', sampleXlsx)).toEqual({ rows: 12, created: 0, updated: 0, unchanged: 12 });
    expect(sampleCsv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await run('employees-sample.csv', sampleCsv)).toEqual({ rows: 12, created: 0, updated: 0, unchanged: 12 });
    expect(await t.db.auditEvent.count()).toBe(before.audit + 2);
    expect(await t.db.auditEvent.count({ where: { type: 'employees.imported' } })).toBe(3);
    expect(await t.db.statusChange.count()).toBe(before.history);
    expect(await t.db.employee.findMany({ select: { employeeNo: true, version: true }, orderBy: { employeeNo: 'asc' } })).toEqual(versions);
  });

  it('leaves stored values alone for columns the file does not have', async () => {
    const minimal = csv([['工号', '姓名', '入职日期', '部门'], ['E1001', '王建国', '2016-04-01', '总经办']]);
    expect(await run('minimal.csv', minimal)).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1 });
    expect((await byNo('E1001')).mobileLast4).toBe('1001');
  });

  it('updates only the rows that changed, recording a status change made by the roster', async () => {
    const text = sampleCsv.toString('utf8').replace('后端工程师', '高级后端工程师').replace('前端工程师,深圳,深圳示例信息技术有限公司,21000,ZhaoMin,,,停薪留职', '前端工程师,深圳,深圳示例信息技术有限公司,21000,ZhaoMin,,,在职');
    expect(await run('employees-sample.csv', Buffer.from(text))).toEqual({ rows: 12, created: 0, updated: 2, unchanged: 10 });
    const [backend, frontend] = [await byNo('E1006'), await byNo('E1007')];
    expect([backend.position, backend.version]).toEqual(['高级后端工程师', 1]);
    expect([frontend.status, frontend.version]).toEqual(['ACTIVE', 1]);
    expect((await byNo('E1008')).version).toBe(0);
    const updates = await t.db.auditEvent.findMany({ where: { type: 'employee.updated' }, orderBy: { subjectId: 'asc' } });
    expect(updates.map((e) => e.data).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { employeeNo: 'E1006', fields: ['position'], source: 'import' },
      { employeeNo: 'E1007', fields: ['status'], source: 'import' },
    ]);
    const history = await t.db.statusChange.findFirstOrThrow({ where: { employeeId: frontend.id, fromStatus: 'UNPAID_LEAVE' } });
    expect([history.toStatus, history.reason]).toEqual(['ACTIVE', '导入（名册状态）']);
    expect(await t.db.auditEvent.count({ where: { type: 'employee.status_changed', subjectId: frontend.id } })).toBe(1);
  });
});

describe('rejecting a bad roster', () => {
  it('lists every bad row with its column and reason, and imports nothing', async () => {
    const count = await t.db.employee.count();
    const audits = await t.db.auditEvent.count();
    const err = await rejection('employees-bad.csv', fixture('employees-bad.csv'));
    expect([err.code, err.status]).toEqual(['import_rejected', 422]);
    const where = err.details.problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual(['3:身份证号', '4:入职日期', '5:姓名', '6:直属上级工号', '7:工号', '8:手机号', '9:角色']);
    expect(err.details.problems[0]?.message).toMatch(/校验位/);
    expect(err.details.problems[1]?.message).toMatch(/真实存在的日期/);
    expect(err.details.problems[3]?.message).toMatch(/E9999/);
    expect(err.details.problems[4]?.message).toBe('与第 2 行重复');
    expect(await t.db.employee.count()).toBe(count);
    expect(await t.db.employee.count({ where: { employeeNo: 'B2001' } })).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it('names an unknown column and a missing required one', async () => {
    const err = await rejection('x.csv', csv([['工号', '姓名', '入职日期', '备注'], ['X1', '甲', '2026-01-05', '无']]));
    expect(err.details.problems.map((p) => [p.row, p.column])).toEqual([[1, '备注'], [1, '部门']]);
    expect(err.details.problems[0]?.message).toMatch(/未知的列「备注」/);
  });

  it('refuses a mobile, ID number or chat account that belongs to another employee', async () => {
    const other = await makeEmployee(t.deps, { identities: { wecom: 'taken-user' } });
    const owner = await t.db.employee.findUniqueOrThrow({ where: { id: other.id } });
    const mobile = t.deps.cipher.decrypt(owner.mobileEnc ?? '');
    const err = await rejection('dup.csv', csv([
      ['工号', '姓名', '手机号', '入职日期', '部门', '企业微信UserID'],
      ['D1', '甲', mobile, '2026-01-05', '研发部', 'taken-user'],
    ]));
    expect(err.details.problems.map((p) => [p.row, p.column])).toEqual([[2, '手机号'], [2, '企业微信UserID']]);
    expect(err.details.problems[0]?.message).toContain(other.employeeNo);
  });

  it('refuses reporting lines that loop', async () => {
    const err = await rejection('loop.csv', csv([
      ['工号', '姓名', '入职日期', '部门', '直属上级工号'],
      ['L1', '甲', '2026-01-05', '研发部', 'L2'],
      ['L2', '乙', '2026-01-05', '研发部', 'L1'],
    ]));
    expect(err.details.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['2:直属上级工号', '3:直属上级工号']);
  });

  it.each([
    ['a PNG named .xlsx', 'roster.xlsx', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'unsupported_media_type'],
    ['random bytes named .csv', 'roster.csv', Buffer.from([0, 1, 2, 3, 250, 251]), 'unsupported_media_type'],
    ['a GBK-encoded CSV', 'roster.csv', Buffer.from('b9a4bac52cd0d5c3fb', 'hex'), 'unsupported_media_type'],
    ['a legacy .xls', 'roster.xls', Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'unsupported_media_type'],
    ['a text file', 'roster.txt', Buffer.from('工号,姓名'), 'unsupported_media_type'],
    ['a file over 10 MB', 'roster.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'payload_too_large'],
    ['a CSV with an unclosed quote', 'roster.csv', Buffer.from('工号,姓名\n"X1,甲\n'), 'import_rejected'],
  ])('refuses %s with a clear error', async (_name, fileName, buffer, code) => {
    await expect(run(fileName, buffer)).rejects.toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('refuses a workbook that would inflate past 100 MB, and a file over 20,000 rows', async () => {
    const bomb = Buffer.from(sampleXlsx);
    const sheet = listZipEntries(bomb)?.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    bomb.writeUInt32LE(300 * 1024 * 1024, (sheet?.centralOffset ?? 0) + 24);
    await expect(run('bomb.xlsx', bomb)).rejects.toMatchObject({ code: 'payload_too_large' });
    const huge = csv([['工号', '姓名', '入职日期', '部门'], ...Array.from({ length: 20_001 }, (_, i) => [`H${i}`, '甲', '2026-01-05', '研发部'])]);
    await expect(run('huge.csv', huge)).rejects.toMatchObject({ code: 'import_rejected', message: expect.stringContaining('20000') });
  });

  it('refuses callers whose role may not import', async () => {
    const boss = await makeActor(t.deps, ['EMPLOYEE']);
    await makeEmployee(t.deps, { managerEmployeeNo: boss.employee.employeeNo });
    const manager = await loadEmployeeActor(t.db, boss.employee.id);
    expect(manager?.roles).toContain('MANAGER');
    for (const actor of [manager as Actor, (await makeActor(t.deps, ['EMPLOYEE'])).actor, (await makeActor(t.deps, ['FINANCE'])).actor]) {
      await expect(run('employees-sample.xlsx', sampleXlsx, actor)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    }
    const hr = await makeActor(t.deps, ['HR_SPECIALIST']);
    expect((await run('employees-sample.xlsx', sampleXlsx, hr.actor)).created).toBe(0);
  });
});

describe('spreadsheet values', () => {
  it('reads numbers, rich text, formulas and date cells, and flags an ID number Excel stored as a number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['工号', '姓名', '手机号', '入职日期', '部门', '月工资', '身份证号']);
    ws.addRow([3001, { richText: [{ text: '欧阳' }, { text: '娜娜' }] }, 13911112222, new Date(Date.UTC(2025, 6, 14)), { formula: '"市场"&"部"', result: '市场部' }, 8800, null]);
    ws.addRow(['3002', '赵六', null, 45852, '市场部', null, Number('110101199001011237')]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const err = await rejection('values.xlsx', buffer);
    expect(err.details.problems).toEqual([{ row: 3, column: '身份证号', message: expect.stringMatching(/存成了数字/) }]);

    ws.getRow(3).getCell(7).value = null;
    expect(await run('values.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).toMatchObject({ created: 2 });
    const first = await byNo('3001');
    expect([first.name, first.department.name, first.mobileLast4, first.monthlyWageFen]).toEqual(['欧阳娜娜', '市场部', '2222', 880_000]);
    expect(first.startDate.toISOString().slice(0, 10)).toBe('2025-07-14');
    expect((await byNo('3002')).startDate.toISOString().slice(0, 10)).toBe('2025-07-14');
  });

  it('clears a field whose cell is empty, but keeps status, roles and chat accounts', async () => {
    const header = ['工号', '姓名', '入职日期', '部门', '岗位', '企业微信UserID', '角色', '状态'];
    await run('first.csv', csv([header, ['K1', '清空测试', '2026-01-05', '研发部', '专员', 'k-1', '财务', '停薪留职']]));
    expect(await run('second.csv', csv([header, ['K1', '清空测试', '2026-01-05', '研发部', '', '', '', '']]))).toMatchObject({ updated: 1 });
    const k1 = await byNo('K1');
    expect([k1.position, k1.status, k1.roles.map((r) => r.role), k1.identities.map((i) => i.userId)]).toEqual([null, 'UNPAID_LEAVE', ['FINANCE'], ['k-1']]);
  });

  it('skips an instructions sheet in front of the roster', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['请按模板填写，工号必填']);
    const ws = wb.addWorksheet('名册');
    ws.addRow(['工号*', ' 姓名 ', '入职日期（必填）', '部门']);
    ws.addRow(['S1', '说明页', '2026-01-05', '研发部']);
    expect(await run('two-sheets.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).toMatchObject({ created: 1 });
  });

  it('writes a large roster in bounded batches, managers before their reports', async () => {
    const n = 1100;
    const no = (i: number) => `L${String(i).padStart(4, '0')}`;
    const rows = (position: string) => [
      ['工号', '姓名', '手机号', '身份证号', '入职日期', '部门', '直属上级工号', '岗位'],
      // Each reports to the next row: every manager comes after its report in the file.
      ...Array.from({ length: n }, (_, i) => [no(i), `批量${i}`, validMobile(3000 + i), validIdNumber(3000 + i), '2026-01-05', '批量部', i + 1 < n ? no(i + 1) : '', position]),
    ];
    const calls: number[] = [];
    const summary = await importEmployees(t.deps, { actor: testAdmin, fileName: 'big.csv', buffer: csv(rows('专员')), onProgress: (d) => calls.push(d) });
    // Half of these ID numbers are women's without a 退休类别: accepted, with a note each.
    expect(summary).toMatchObject({ rows: n, created: n, updated: 0, unchanged: 0, notes: expect.any(Array) });
    expect(calls).toEqual([0, 500, 1000, 1100, 1100]);
    expect((await byNo(no(0))).manager?.employeeNo).toBe(no(1));
    expect(await run('big.csv', csv(rows('高级专员')))).toMatchObject({ rows: n, created: 0, updated: n, unchanged: 0 });
    expect(await t.db.employee.count({ where: { position: '高级专员' } })).toBe(n);
  });
});

describe('sentinel import employees', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-import-'));
  const capture = (isTTY: boolean) => {
    const out = { text: '', isTTY, write: (s: string) => void (out.text += s) };
    return out;
  };

  it('prints progress lines and the summary, and exits 0', async () => {
    const file = join(dir, '新员工.csv');
    writeFileSync(file, csv([['工号', '姓名', '入职日期', '部门'], ['C1', '命令行', '2026-01-05', '研发部']]));
    const out = capture(false);
    expect(await runImportEmployees(t.deps, file, out)).toBe(0);
    expect(out.text).toBe('imported 1/1\n导入完成：新增 1，更新 0，未变 0（共 1 行）\n');
    expect(await t.db.auditEvent.findFirst({ where: { type: 'employees.imported', data: { path: ['file'], equals: '新员工.csv' } } })).not.toBeNull();
  });

  it('draws a progress bar on a terminal', async () => {
    const out = capture(true);
    expect(await runImportEmployees(t.deps, join(dir, '新员工.csv'), out)).toBe(0);
    expect(out.text).toContain('导入员工 [');
    expect(out.text).toContain('1/1 行');
    expect(out.text).toContain('未变 1');
  });

  it('prints the problems as a 行 / 列 / 原因 table and exits 1', async () => {
    const out = capture(false);
    expect(await runImportEmployees(t.deps, fileURLToPath(new URL('../fixtures/employees-bad.csv', import.meta.url)), out)).toBe(1);
    const lines = out.text.split('\n');
    expect(lines[0]).toBe('导入被拒绝：7 行有错误，未导入任何数据');
    expect(lines[1]).toMatch(/^行 +列 +原因$/);
    expect(lines[2]).toMatch(/^3 +身份证号 +身份证号校验位错误/);
  });

  it('says what to do when the file is missing or a folder, without an errno code', async () => {
    const out = capture(false);
    expect(await runImportEmployees(t.deps, join(dir, 'missing.xlsx'), out)).toBe(1);
    expect(out.text).toBe(`找不到文件 ${join(dir, 'missing.xlsx')}，请检查路径\n`);
    const folder = capture(false);
    expect(await runImportEmployees(t.deps, dir, folder)).toBe(1);
    expect(folder.text).toContain('是一个文件夹');
    expect(folder.text).not.toMatch(/E[A-Z]{3,}/);
  });
});
