// A hire or roster row insured elsewhere before gets HR a 「建议办理养老保险关系转移接续」 card, once;
// a man ≥ 50 or woman ≥ 40 from another hukou province is flagged (暂行办法 第六条).
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../src/domain/id-number.ts';
import { createEmployeeInput } from '../../src/services/employees/employee-input.ts';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-01T02:00:00Z') });
const { deps, outbox } = withRecordingOutbox(t.deps);
const idOf = (birth: string, sex: 'm' | 'f', seq: string) => {
  const first17 = `430102${birth.replaceAll('-', '')}${seq}${sex === 'm' ? 1 : 2}`;
  return first17 + checkDigitOf(first17);
};
const suggestions = () => outbox.messages.flatMap((m) => (m.payload.kind === 'card' && m.payload.card.type === 'transfer.suggested' ? [{ ...m.payload.card, to: m.recipients }] : []));
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' } });

describe('suggested transfer cases', () => {
  it('sends HR a card for a hire whose previous insured city differs, flagging a man of 50 from another hukou province', async () => {
    const zhou = await makeEmployee(deps, { name: '周建国', idNumber: idOf('1975-03-15', 'm', '01'), startDate: '2026-12-01', insuredCity: '上海', previousInsuredCity: '长沙', hukouProvince: '湖南' });
    const [card] = suggestions();
    expect(card).toMatchObject({ title: '建议办理养老保险关系转移接续', subtitle: '周建国此前在长沙参保，现在上海参保', to: ['hr-s'], tone: 'urgent' });
    expect(card?.rows).toContainEqual({ label: '注意', value: '建临时缴费账户，关系暂不转入' });
    expect(card?.legalBasis).toContain('第六条');
    expect(card?.legalBasis).toContain('湖南省');
    expect(await t.db.auditEvent.count({ where: { type: 'transfer.suggested', subjectId: zhou.id } })).toBe(1);
  });

  it('does not flag a woman of 39, and sends nothing when the cities are the same', async () => {
    await makeEmployee(deps, { name: '吴敏', idNumber: idOf('1987-06-01', 'f', '02'), startDate: '2026-12-01', insuredCity: '上海', previousInsuredCity: '深圳', hukouProvince: '广东' });
    await makeEmployee(deps, { name: '郑同城', startDate: '2026-12-01', insuredCity: '上海', previousInsuredCity: '上海市' });
    expect(suggestions().map((c) => [c.subtitle, c.tone])).toEqual([['周建国此前在长沙参保，现在上海参保', 'urgent'], ['吴敏此前在深圳参保，现在上海参保', 'normal']]);
  });

  it('takes a province name with or without 省 and refuses one it cannot place', () => {
    const base = { employeeNo: 'X1', name: '钱', startDate: '2026-12-01', department: '研发部' };
    expect(createEmployeeInput.parse({ ...base, hukouProvince: '广西' }).hukouProvince).toBe('广西壮族自治区');
    const bad = createEmployeeInput.safeParse({ ...base, hukouProvince: '火星' });
    expect(bad.error?.issues[0]?.message).toBe('户籍省份无法识别，请写省份名称，如「湖南」或「湖南省」');
  });

  it('suggests from a roster import with the optional columns, once however often it is imported', async () => {
    const file = csv([
      ['工号', '姓名', '入职日期', '部门', '参保城市', '上一参保城市', '户籍省份'],
      ['T9001', '王导入', '2026-11-20', '研发部', '苏州', '杭州', '浙江'],
      ['T9002', '赵本地', '2026-11-20', '研发部', '苏州', '', ''],
    ]);
    await importEmployees(deps, { actor: testAdmin, fileName: 'roster.csv', buffer: file });
    await importEmployees(deps, { actor: testAdmin, fileName: 'roster.csv', buffer: file });
    const imported = suggestions().filter((c) => c.subtitle?.startsWith('王导入'));
    expect(imported).toHaveLength(1);
    expect(imported[0]?.subtitle).toBe('王导入此前在杭州参保，现在苏州参保');
    expect(suggestions().some((c) => c.subtitle?.startsWith('赵本地'))).toBe(false);
    expect((await t.db.employee.findUniqueOrThrow({ where: { employeeNo: 'T9001' } })).hukouProvince).toBe('浙江省');
  });
});
