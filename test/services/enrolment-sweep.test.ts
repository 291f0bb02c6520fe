import { beforeEach, describe, expect, it } from 'vitest';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { addDays, parseDay } from '../../src/domain/dates.ts';
import { createLogger } from '../../src/log.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const log = createLogger('silent');

beforeEach(async () => {
  await t.db.alert.deleteMany();
  await t.db.cardInstance.deleteMany();
  await t.db.enrolment.deleteMany();
  await t.db.employee.deleteMany();
});

async function setup() {
  await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
  await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });
  const hire = await makeEmployee(t.deps, { name: '张三', status: 'ONBOARDING', startDate: '2026-11-20', department: '销售部' });
  // Not due: enrolled on the roster, enrolled by a record, or gone.
  await makeEmployee(t.deps, { name: '老员工', startDate: '2026-11-20', enrolledOn: '2026-11-25' });
  const recorded = await makeEmployee(t.deps, { name: '已登记', startDate: '2026-11-20' });
  await t.db.enrolment.create({ data: { employeeId: recorded.id, insuranceType: 'PENSION', enrolledOn: parseDay('2026-11-30'), source: 'import' } });
  // Left on day 10 without being enrolled: registration and November's contributions are still owed.
  const left = await makeEmployee(t.deps, { name: '赵六', startDate: '2026-11-20', status: 'EXITED', exitDate: '2026-11-30' });
  // Offer withdrawn before the first day (入职中 → 离职): nothing is owed.
  const never = await makeEmployee(t.deps, { name: '未到岗', startDate: '2026-11-20', status: 'EXITED', exitDate: '2026-11-19' });
  await t.db.statusChange.create({ data: { employeeId: never.id, fromStatus: 'ONBOARDING', toStatus: 'EXITED', reason: '未到岗', actorId: 'test', actorName: 'test' } });
  const { deps, outbox } = withRecordingOutbox({ ...t.deps, chatPlatforms: ['sandbox'], publicBaseUrl: 'https://hr.example.com' });
  const sweep = async (asOf: string) => {
    outbox.messages.length = 0;
    await runJob(deps, enrolmentDeadlineSweep, { asOf, trigger: 'cli', log });
    return outbox.messages.map((m) => `${m.payload.kind === 'card' ? m.payload.card.key.split('-').at(-2) : '?'}→${m.recipients.join('+')}`);
  };
  return { hire, left, sweep, deps, outbox };
}

// Two hires are due: 张三 and 赵六 (who left before day 30).
const expected: Record<string, string[]> = {
  '2026-12-11': ['day23→hr-s', 'day23→hr-s'], // day 23 is Sunday 12-13: sent on the Friday before
  '2026-12-18': ['day28→hr-m+hr-s', 'day28→hr-m+hr-s'],
  '2026-12-22': ['1→hr-m+hr-s', '1→hr-m+hr-s'], // overdue-1: first working day after the 12-21 deadline
};

describe('enrolment-deadline-sweep', () => {
  it('sends each stage exactly once on its day from start+18 to start+33, and nothing on a second run', async () => {
    const s = await setup();
    for (let n = 18; n <= 33; n++) {
      const day = addDays('2026-11-20', n);
      expect([day, await s.sweep(day)]).toEqual([day, expected[day] ?? []]);
      expect([day, await s.sweep(day)]).toEqual([day, []]);
    }
    const alerts = await t.db.alert.findMany({ where: { employeeId: s.hire.id }, orderBy: { createdAt: 'asc' } });
    expect(alerts.map((a) => a.uniqueKey)).toEqual(['day23', 'day28', 'overdue-1'].map((st) => `enrolment:${s.hire.id}:${st}`));
    expect(await t.db.alert.count()).toBe(6);
    expect(await t.db.alert.count({ where: { employeeId: s.left.id } })).toBe(3);
    expect(alerts.map((a) => [a.cardKey?.split('-').slice(2).join('-'), a.dueOn.toISOString().slice(0, 10), a.state])).toEqual([
      ['day23-sandbox', '2026-12-21', 'OPEN'], ['day28-sandbox', '2026-12-21', 'OPEN'], ['overdue-1-sandbox', '2026-12-21', 'OPEN'],
    ]);
  });

  it('shows the facts, the law and the exposure on the card, urgent from day 28', async () => {
    const s = await setup();
    await s.sweep('2026-12-11');
    const cards = s.outbox.messages.map((m) => (m.payload.kind === 'card' ? m.payload.card : undefined));
    const card = cards.find((c) => c?.rows[0]?.value === '张三');
    expect(card).toMatchObject({
      title: '社保增员提醒',
      subtitle: '张三 入职已满21天 · 距法定截止日还有10天，尚未办理社保增员',
      tone: 'normal',
      rows: [
        { label: '姓名', value: '张三' }, { label: '部门', value: '销售部' }, { label: '入职日期', value: '2026-11-20' },
        { label: '法定截止', value: '12-21' },
      ],
      buttons: [{ kind: 'action', actionId: 'enrolment.recorded', text: '已增员', style: 'primary' }, { kind: 'link', text: '详情', url: `https://hr.example.com/app/enrolment?employee=${s.hire.id}` }],
    });
    expect(card?.rows).toHaveLength(4);
    expect(cards.find((c) => c?.rows[0]?.value.startsWith('赵六'))?.rows[0]).toEqual({ label: '姓名', value: '赵六（已离职）' });
    const payload = { kind: 'card', card };
    expect(payload.card?.legalBasis).toContain('《社会保险法》第八十四条');
    await s.sweep('2026-12-18');
    expect(s.outbox.messages[0]?.payload).toMatchObject({ card: { title: '社保增员即将到期', tone: 'urgent' } });
  });

  it('sends nothing twice when two instances sweep the same day at once', async () => {
    const s = await setup();
    s.outbox.messages.length = 0;
    await Promise.all([1, 2, 3].map(() => runJob(s.deps, enrolmentDeadlineSweep, { asOf: '2026-12-14', trigger: 'cli', log })));
    expect(s.outbox.messages).toHaveLength(2);
  });
});

describe('enrolment-deadline-sweep before a long holiday', () => {
  it('sends the warning and the escalation as two cards on 09-30 for a 09-08 hire, before 国庆 swallows both', async () => {
    await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
    await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });
    const hire = await makeEmployee(t.deps, { name: '国庆前入职', startDate: '2026-09-08', status: 'PENDING_EXIT' });
    const { deps, outbox } = withRecordingOutbox({ ...t.deps, chatPlatforms: ['sandbox'], publicBaseUrl: 'https://hr.example.com' });
    expect(await runJob(deps, enrolmentDeadlineSweep, { asOf: '2026-09-29', trigger: 'cli', log })).toContain('new alerts: 0 day-23, 0 day-28');
    expect(await runJob(deps, enrolmentDeadlineSweep, { asOf: '2026-09-30', trigger: 'cli', log })).toContain('new alerts: 1 day-23, 1 day-28, 0 overdue; queued 2 card(s)');
    const titles = outbox.messages.map((m) => (m.payload.kind === 'card' ? [m.payload.card.title, m.payload.card.subtitle] : []));
    expect(titles).toEqual([
      ['社保增员提醒', '国庆前入职 入职已满22天 · 距法定截止日还有8天，尚未办理社保增员'],
      ['社保增员即将到期', '国庆前入职 入职已满22天 · 距法定截止日还有8天，尚未办理社保增员'],
    ]);
    for (const day of ['2026-10-01', '2026-10-08']) await runJob(deps, enrolmentDeadlineSweep, { asOf: day, trigger: 'cli', log });
    expect(await t.db.alert.count({ where: { employeeId: hire.id } })).toBe(2);
  });

  it('reports the years without the State Council notice in its summary and tells HR once', async () => {
    await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
    await makeEmployee(t.deps, { name: '跨年入职', startDate: '2026-12-02' });
    const { deps, outbox } = withRecordingOutbox({ ...t.deps, chatPlatforms: ['sandbox'], publicBaseUrl: 'https://hr.example.com' });
    const summary = await runJob(deps, enrolmentDeadlineSweep, { asOf: '2026-12-25', trigger: 'cli', log });
    expect(summary).toContain('missing years: 2027');
    const card = outbox.messages.find((m) => m.payload.kind === 'card' && m.payload.card.type === 'enrolment.deadline');
    expect(card?.payload.kind === 'card' && card.payload.card.rows).toContainEqual({ label: '日期提示', value: '2027年放假安排未公布，日期可能顺延' });
    expect(card?.payload.kind === 'card' && card.payload.card.rows).toContainEqual({ label: '法定截止', value: '2027-01-04' });
    expect(outbox.messages.filter((m) => m.payload.kind === 'card' && m.payload.card.type === 'calendar.missing_year')).toHaveLength(1);
  });
});
