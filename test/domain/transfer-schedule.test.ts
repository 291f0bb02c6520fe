import { describe, expect, it } from 'vitest';
import { createLegalCalendar } from '../../src/domain/calendar/work-calendar.ts';
import { provinceOf, sameCity } from '../../src/domain/transfer/city-province.ts';
import { temporaryAccountFlag } from '../../src/domain/transfer/temporary-account.ts';
import { transferApplicationContent } from '../../src/domain/transfer/transfer-application.ts';
import { transferRemindersDue, transferSchedule } from '../../src/domain/transfer/transfer-schedule.ts';

const calendar = createLegalCalendar();
const dues = (start: string, done: (string | null)[] = [null, null, null]) => transferSchedule(start, done, calendar).map((s) => s.dueOn);

describe('transferSchedule (国办发〔2009〕66号 第八条: 15 working days per step)', () => {
  it.each([
    // The example: 中秋 09-25 and 国庆 10-01…07 are not working days, Saturday 10-10 is.
    ['started Thursday 2026-09-24, nothing done', '2026-09-24', [null, null, null], ['2026-09-24', '2026-10-22', '2026-11-12', '2026-12-03']],
    ['plain weeks', '2026-03-02', [null, null, null], ['2026-03-02', '2026-03-23', '2026-04-14', '2026-05-08']],  // 劳动节 05-01…05
    ['started on a Saturday: counting starts Monday', '2026-11-14', [null, null, null], ['2026-11-14', '2026-12-04', '2026-12-25', '2027-01-18']],
    ['a step done early moves the next due day earlier', '2026-09-24', ['2026-09-30', null, null], ['2026-09-24', '2026-10-22', '2026-10-27', '2026-11-17']],
    ['a step done late moves the next due day later', '2026-09-24', ['2026-10-27', '2026-10-28', null], ['2026-09-24', '2026-10-22', '2026-11-17', '2026-11-18']],
    ['Spring Festival 2026 (02-15…23 off, Saturdays 02-14 and 02-28 worked; 清明 04-06 off)', '2026-02-02', [null, null, null], ['2026-02-02', '2026-02-28', '2026-03-20', '2026-04-13']],
  ])('%s', (_name, start, done, expected) => {
    expect(dues(start, done)).toEqual(expected);
  });

  it('flags a year without the State Council notice (2027) so the caveat can be shown', () => {
    const cal = createLegalCalendar();
    transferSchedule('2026-12-01', [null, null, null], cal);
    expect([...cal.missingYears]).toEqual([2027]);
  });

  it('marks the first working day after a due day as the overdue day', () => {
    const steps = transferSchedule('2026-09-24', [null, null, null], calendar);
    expect(steps[1]).toMatchObject({ step: 2, dueOn: '2026-10-22', overdueOn: '2026-10-23', doneOn: null });
    expect(steps[2]?.overdueOn).toBe('2026-11-13');
  });
});

describe('transferRemindersDue', () => {
  const steps = transferSchedule('2026-09-24', [null, null, null], calendar);
  it.each([
    ['before the due day', '2026-10-21', []],
    ['on the due day', '2026-10-22', [{ step: 2, kind: 'due', dueOn: '2026-10-22' }]],
    ['the working day after', '2026-10-23', [{ step: 2, kind: 'overdue', dueOn: '2026-10-22' }]],
    ['a later day with two steps past due', '2026-11-12', [{ step: 2, kind: 'overdue', dueOn: '2026-10-22' }, { step: 3, kind: 'due', dueOn: '2026-11-12' }]],
  ])('%s (%s)', (_name, asOf, expected) => {
    expect(transferRemindersDue(steps, asOf)).toEqual(expected);
  });

  it('owes nothing for a step that is done', () => {
    const done = transferSchedule('2026-09-24', ['2026-10-20', null, null], calendar);
    expect(transferRemindersDue(done, '2026-10-23')).toEqual([]);
  });
});

describe('provinceOf and sameCity', () => {
  it.each([
    ['上海', '31'], ['上海市', '31'], ['深圳', '44'], ['苏州市', '32'], ['湖南', '43'], ['广西壮族自治区', '45'], ['延边', '22'], ['吉林', '22'],
  ])('%s → %s', (place, code) => {
    expect(provinceOf(place)?.code).toBe(code);
  });
  it('answers undefined for what it cannot place', () => {
    expect(provinceOf('火星')).toBeUndefined();
    expect(provinceOf('')).toBeUndefined();
  });
  it('treats 上海 and 上海市 as one city', () => {
    expect(sameCity('上海', '上海市')).toBe(true);
    expect(sameCity('苏州', '无锡')).toBe(false);
  });
});

describe('temporaryAccountFlag (《城镇企业职工基本养老保险关系转移接续暂行办法》第六条)', () => {
  const base = { hukouProvince: provinceOf('湖南'), insuredCity: '上海', previousInsuredCity: '长沙', on: '2026-12-01' };
  it.each([
    ['man of 50 from another province', { sex: 'male', birthDate: '1976-12-01' }, true],
    ['man one day short of 50', { sex: 'male', birthDate: '1976-12-02' }, false],
    ['woman of 40', { sex: 'female', birthDate: '1986-06-01' }, true],
    ['woman of 39', { sex: 'female', birthDate: '1987-06-01' }, false],
  ] as const)('%s', (_name, person, flagged) => {
    const flag = temporaryAccountFlag({ ...base, ...person });
    expect(flag !== undefined).toBe(flagged);
    if (flag) expect(flag).toContain('第六条');
  });
  it('does not flag someone whose hukou is in the insured province', () => {
    expect(temporaryAccountFlag({ ...base, sex: 'male', birthDate: '1960-01-01', hukouProvince: provinceOf('上海') })).toBeUndefined();
  });
  it('does not flag a move within one province', () => {
    expect(temporaryAccountFlag({ ...base, sex: 'male', birthDate: '1960-01-01', insuredCity: '深圳', previousInsuredCity: '广州' })).toBeUndefined();
  });
});

describe('transferApplicationContent (基本养老保险关系转移接续申请表)', () => {
  it('prefills the person, both cities and each step with its due day, blanks what is unknown', () => {
    const steps = transferSchedule('2026-09-24', [null, null, null], calendar).map((s) => ({ ...s, title: `步骤${s.step}` }));
    const c = transferApplicationContent({
      name: '张三', employeeNo: 'E1', idNumber: null, sex: 'male', birthDate: '1980-01-01', hukouProvince: '湖南省', employer: null,
      fromCity: '长沙', toCity: '上海', directionLabel: '转入本单位参保地', startedOn: '2026-09-24', steps, caveat: null,
    });
    expect(c.title).toBe('基本养老保险关系转移接续申请表');
    expect(c.facts).toEqual(expect.arrayContaining([{ label: '公民身份号码', value: '（待填写）' }, { label: '性别', value: '男' }, { label: '原参保地（转出地）', value: '长沙' }]));
    expect(c.paragraphs).toEqual(expect.arrayContaining(['第1步 步骤1：已于 2026-09-24 办结', '第2步 步骤2：应于 2026-10-22 前办结']));
    expect(c.paragraphs.join('')).toContain('国办发〔2009〕66号');
  });
});
