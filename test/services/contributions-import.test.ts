import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImportContributions } from '../../src/cli/import-contributions-command.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { importContributions } from '../../src/services/contributions/import-contributions.ts';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { makeActor, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name));
const run = (fileName: string, buffer: Buffer, actor: Actor = testAdmin) => importContributions(t.deps, { actor, fileName, buffer });
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const header = ['工号', '姓名', '身份证号', '所属期', '险种', '缴费基数', '单位缴纳', '个人缴纳'];
type Rejection = { code: string; status: number; message: string; details: { problems: { row: number; column: string; message: string }[] } };
const rejection = (fileName: string, buffer: Buffer) => run(fileName, buffer).then(() => expect.fail('import should have been rejected'), (err: Rejection) => err);
const pensionOf = async (employeeNo: string, month = '2026-01') =>
  t.db.contributionRecord.findFirstOrThrow({ where: { month, insuranceType: 'PENSION', employeeId: (await t.db.employee.findUniqueOrThrow({ where: { employeeNo } })).id } });

beforeAll(async () => {
  await importEmployees(t.deps, { actor: testAdmin, fileName: 'employees-sample.csv', buffer: fixture('employees-sample.csv') });
});

describe('importing the contribution sample', () => {
  it('creates one record per employee × month × insurance, amounts in exact fen', async () => {
    const progress: [number, number][] = [];
    const summary = await importContributions(t.deps, { actor: testAdmin, fileName: 'contributions-sample.csv', buffer: fixture('contributions-sample.csv'), onProgress: (d, n) => progress.push([d, n]) });
    expect(summary).toEqual({ rows: 15, created: 15, updated: 0, unchanged: 0 });
    expect(progress.at(-1)).toEqual([15, 15]);
    const pension = await pensionOf('E1001');
    expect(pension).toMatchObject({ baseFen: 3_654_900, employerFen: 584_784, employeeFen: 292_392, city: '上海', payerEntity: '上海示例科技有限公司', sourceFile: 'contributions-sample.csv' });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'contributions.imported' } });
    expect(event.data).toEqual({ file: 'contributions-sample.csv', rows: 15, created: 15, updated: 0, unchanged: 0, months: ['2026-01'] });
  });

  it('changes nothing when the same month is imported again, as .xlsx', async () => {
    const before = await pensionOf('E1002');
    expect(await run('contributions-sample.xlsx', fixture('contributions-sample.xlsx'))).toEqual({ rows: 15, created: 0, updated: 0, unchanged: 15 });
    expect(await pensionOf('E1002')).toEqual(before);
  });

  it('updates only the rows whose amounts changed', async () => {
    const rows = [header, ['E1003', '张伟', '', '2026/1', '养老保险', '12500', '2000', '1000'], ['E1003', '', '', '2026年1月', '医疗', '12000', '1080.00', '240']];
    expect(await run('corrected.csv', csv(rows))).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect(await pensionOf('E1003')).toMatchObject({ baseFen: 1_250_000, employerFen: 200_000, employeeFen: 100_000, sourceFile: 'corrected.csv' });
  });
});

describe('rejecting a bad file', () => {
  it('lists row, column and reason for every bad row and writes nothing', async () => {
    const before = await t.db.contributionRecord.count();
    const err = await rejection('contributions-bad.csv', fixture('contributions-bad.csv'));
    expect([err.code, err.status, err.message]).toEqual(['import_rejected', 422, '导入被拒绝：5 行有错误，未导入任何数据']);
    expect(err.details.problems).toEqual([
      { row: 3, column: '工号', message: '工号 E9999 在系统中不存在，请先导入员工名册' },
      { row: 4, column: '所属期', message: expect.stringMatching(/不是有效的所属期/) },
      { row: 5, column: '险种', message: expect.stringMatching(/未知险种「住房公积金」/) },
      { row: 6, column: '单位缴纳', message: expect.stringMatching(/最多两位小数/) },
      { row: 7, column: '险种', message: expect.stringMatching(/与第 2 行重复/) },
    ]);
    expect(await t.db.contributionRecord.count()).toBe(before);
  });

  it('rejects a name or ID number that is not the employee behind the 工号', async () => {
    const rows = [header, ['E1001', '王建军', '', '2026-02', '养老', '10000', '1600', '800'], ['E1002', '', '310101197803150114', '2026-02', '养老', '10000', '1600', '800']];
    const err = await rejection('mismatch.csv', csv(rows));
    expect(err.details.problems).toEqual([
      { row: 2, column: '姓名', message: '姓名「王建军」与工号 E1001 的档案姓名「王建国」不一致' },
      { row: 3, column: '身份证号', message: '身份证号与工号 E1002 的档案不一致' },
    ]);
  });

  it('names a missing required column in the header', async () => {
    const err = await rejection('short.csv', csv([['工号', '所属期', '险种', '缴费基数', '单位缴纳'], ['E1001', '2026-02', '养老', '1', '1']]));
    expect(err.details.problems).toEqual([{ row: 1, column: '个人缴纳', message: '缺少必填列「个人缴纳」（表头应在第 1 行）' }]);
  });

  it('refuses callers who may not import contributions', async () => {
    for (const role of ['EMPLOYEE', 'FINANCE'] as const) {
      const { actor } = await makeActor(t.deps, [role]);
      await expect(run('contributions-sample.csv', fixture('contributions-sample.csv'), actor)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('sentinel import contributions', () => {
  const capture = () => {
    let text = '';
    return { write: (s: string) => (text += s), isTTY: false, get text() { return text; } };
  };

  it('reports progress and the summary', async () => {
    const out = capture();
    expect(await runImportContributions(t.deps, fixturePath('contributions-sample.csv'), out)).toBe(0);
    expect(out.text).toContain('imported 15/15\n');
    expect(out.text).toContain('导入完成：新增 0，更新 1，未变 14（共 15 行）');
  });

  it('prints the problem table and exits 1 for a bad file', async () => {
    const out = capture();
    expect(await runImportContributions(t.deps, fixturePath('contributions-bad.csv'), out)).toBe(1);
    expect(out.text.split('\n')[2]).toMatch(/^3 +工号 +工号 E9999 在系统中不存在/);
  });
});
