// The roster's 退休类别 column and the identity rules on import: derived 男, recorded categories,
// a note (not a guess) for a woman without one, the child-labour alarm as its own problem, a
// 未成年工 note, passports by their leading letter, and the 15-digit upgrade.
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../src/domain/id-number.ts';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-06T20:00:00Z') }); // 2026-12-07 in Shanghai
const id = (birth: string, sex: 'm' | 'f') => {
  const first17 = `440305${birth.replaceAll('-', '')}01${sex === 'm' ? 1 : 2}`;
  return first17 + checkDigitOf(first17);
};
const header = ['工号', '姓名', '身份证号', '入职日期', '部门', '退休类别'];
const csv = (rows: string[][]) => Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n'));
const run = (rows: string[][]) => importEmployees(t.deps, { actor: testAdmin, fileName: 'r.csv', buffer: csv(rows) });
const rejection = (rows: string[][]) => run(rows).then(() => expect.fail('should be rejected'), (e: { details: { problems: unknown[] } }) => e.details.problems);
const byNo = (employeeNo: string) => t.db.employee.findUniqueOrThrow({ where: { employeeNo } });

describe('the 退休类别 column', () => {
  it('records categories, derives men, notes a woman without one, and flags a 未成年工 and a passport', async () => {
    const summary = await run([
      ['R1', '男甲', id('1966-03-15', 'm'), '2026-12-01', '研发部', ''],
      ['R2', '女乙', id('1976-05-20', 'f'), '2026-12-01', '研发部', '女职工（原50岁）'],
      ['R3', '女丙', id('1971-01-02', 'f'), '2026-12-01', '研发部', '女干部(原55岁)'],
      ['R4', '女丁', id('1980-02-02', 'f'), '2026-12-01', '研发部', ''],
      ['R5', '少年', id('2010-12-07', 'm'), '2026-12-01', '研发部', '男'],
      ['R6', 'Smith', 'E12345678', '2026-12-01', '研发部', '男'],
    ]);
    expect(summary).toMatchObject({ rows: 6, created: 6 });
    expect(summary.notes).toEqual([
      { row: 5, column: '退休类别', message: expect.stringContaining('请填写退休类别') },
      { row: 6, column: '身份证号', message: expect.stringContaining('未成年工') },
      { row: 7, column: '身份证号', message: expect.stringContaining('按护照号码登记') },
    ]);
    expect(await byNo('R1')).toMatchObject({ sex: 'male', retirementCategory: null, idType: 'resident_id' });
    expect((await byNo('R1')).birthDate?.toISOString().slice(0, 10)).toBe('1966-03-15');
    expect(await byNo('R2')).toMatchObject({ sex: 'female', retirementCategory: 'female_worker' });
    expect(await byNo('R3')).toMatchObject({ retirementCategory: 'female_cadre' });
    expect(await byNo('R4')).toMatchObject({ sex: 'female', retirementCategory: null });
    expect(await byNo('R6')).toMatchObject({ idType: 'passport', birthDate: null, sex: null, retirementCategory: 'male', idNumberLast4: '5678' });
  });

  it('updates a category on re-import and counts it as a change; the same file again changes nothing', async () => {
    const rows = [['R4', '女丁', id('1980-02-02', 'f'), '2026-12-01', '研发部', '女干部（原55岁）']];
    expect(await run(rows)).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0 });
    expect(await byNo('R4')).toMatchObject({ retirementCategory: 'female_cadre' });
    expect(await run(rows)).toEqual({ rows: 1, created: 0, updated: 0, unchanged: 1 });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'employee.updated' }, orderBy: { seq: 'desc' } });
    expect(event.data).toMatchObject({ employeeNo: 'R4', fields: ['retirementCategory'] });
  });

  it('rejects an unknown label, a contradicting category, a child and a 15-digit number, each with its reason', async () => {
    const before = await t.db.employee.count();
    const problems = await rejection([
      ['X1', '甲', id('1990-01-01', 'm'), '2026-12-01', '研发部', '工人'],
      ['X2', '乙', id('1990-01-01', 'm'), '2026-12-01', '研发部', '女职工（原50岁）'],
      ['X3', '丙', id('2010-12-08', 'f'), '2026-12-01', '研发部', '女职工（原50岁）'],
      ['X4', '丁', '110105491231002', '2026-12-01', '研发部', ''],
    ]);
    expect(problems).toEqual([
      { row: 2, column: '退休类别', message: expect.stringContaining('未知退休类别「工人」') },
      { row: 3, column: '退休类别', message: '退休类别与身份证号显示的性别不一致，请核对' },
      { row: 4, column: '身份证号', message: expect.stringContaining('未满16周岁'), problem: 'child_labour' },
      { row: 5, column: '身份证号', message: '这是15位旧身份证号，请改用18位号码：11010519491231002X' },
    ]);
    expect(await t.db.employee.count()).toBe(before);
  });
});
