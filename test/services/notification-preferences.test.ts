// Notification preferences in the jobs (docs/notifications.md): the audience HR chose per alert
// kind, and quiet hours that hold an ordinary alert but never a legal deadline due today. The
// real pg-boss outbox: a held message is a queued job that starts later, not a dropped one.
import { beforeEach, describe, expect, it } from 'vitest';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { NOTIFICATION_PREFERENCES_KEY, defaultNotificationPreferences, type NotificationPreferences } from '../../src/domain/notifications/notification-preferences.ts';
import { createLogger } from '../../src/log.ts';
import { findHrRecipients } from '../../src/services/cards/find-hr-recipients.ts';
import { findExitRecipients } from '../../src/services/exits/exit-recipients.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { clearAlertState } from '../helpers/alert-audience.ts';

let clock = new Date('2026-12-11T02:00:00Z'); // 10:00 in Shanghai
const t = await createTestDb({ now: () => clock });
const log = createLogger('silent');

beforeEach(async () => {
  await clearAlertState(t.db);
});

async function setup() {
  const boss = await makeEmployee(t.deps, { name: '周主管', identities: { sandbox: 'lead' }, enrolledOn: '2026-01-05' });
  await makeEmployee(t.deps, { name: '李专员', roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
  await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });
  const hire = await makeEmployee(t.deps, { name: '张三', status: 'ONBOARDING', startDate: '2026-11-20', managerEmployeeNo: boss.employeeNo });
  return { hire, boss };
}

const store = (p: NotificationPreferences) => t.db.appMeta.create({ data: { key: NOTIFICATION_PREFERENCES_KEY, value: JSON.stringify(p) } });
const sweep = (asOf: string) => runJob({ ...t.deps, chatPlatforms: ['sandbox'] }, enrolmentDeadlineSweep, { asOf, trigger: 'cli', log });
const messages = () => t.db.outboxMessage.findMany({ orderBy: { createdAt: 'asc' }, select: { dedupeKey: true, recipients: true, availableAt: true } });
const jobStarts = async () => (await t.db.$queryRawUnsafe<{ start_after: Date }[]>(`SELECT start_after FROM pgboss.job WHERE name = 'outbox' ORDER BY created_on`)).map((j) => j.start_after.toISOString());

describe('who receives an alert kind', () => {
  it('keeps the behaviour before the setting: specialists first, escalations to every HR person, absences to the line manager', async () => {
    const { boss } = await setup();
    const byDefault = await findHrRecipients(t.db, ['sandbox'], { kind: 'enrolment', now: clock, businessTz: 'Asia/Shanghai' });
    expect(byDefault.answering('sandbox').map((r) => r.userId)).toEqual(['hr-s']);
    expect(byDefault.everyone('sandbox').map((r) => r.userId)).toEqual(['hr-m', 'hr-s']);
    expect(byDefault.availableAt({ legalDeadlineToday: false })).toBeUndefined();
    const absence = await findHrRecipients(t.db, ['sandbox'], { kind: 'absence', now: clock, businessTz: 'Asia/Shanghai' });
    expect(absence.answering('sandbox', { managerId: boss.id }).map((r) => r.userId)).toEqual(['lead']);
    expect(absence.answering('sandbox', { managerId: null }).map((r) => r.userId)).toEqual(['hr-s']);
    // A detection batch loads only its own subjects' managers (not every manager's identity per batch).
    const other = await makeEmployee(t.deps, { name: '吴主管', identities: { sandbox: 'lead-2' }, enrolledOn: '2026-01-05' });
    await makeEmployee(t.deps, { name: '钱四', enrolledOn: '2026-01-05', managerEmployeeNo: other.employeeNo });
    const batch = await findHrRecipients(t.db, ['sandbox'], { kind: 'absence', now: clock, businessTz: 'Asia/Shanghai', managerIds: [boss.id] });
    expect(batch.answering('sandbox', { managerId: boss.id }).map((r) => r.userId)).toEqual(['lead']);
    // 吴主管 is not among the batch's managers: not loaded, so the HR fallback; unrestricted, asked.
    expect(batch.answering('sandbox', { managerId: other.id }).map((r) => r.userId)).toEqual(['hr-s']);
    const all = await findHrRecipients(t.db, ['sandbox'], { kind: 'absence', now: clock, businessTz: 'Asia/Shanghai' });
    expect(all.answering('sandbox', { managerId: other.id }).map((r) => r.userId)).toEqual(['lead-2']);
    await sweep('2026-12-11');
    expect((await messages()).map((m) => m.recipients)).toEqual([['hr-s']]);
  });

  it('sends a kind switched to HR managers only to the managers, escalations included', async () => {
    await setup();
    await store({ ...defaultNotificationPreferences, kinds: { ...defaultNotificationPreferences.kinds, enrolment: { hrSpecialists: false, hrManagers: true, employeeManager: false, groupChatId: null } } });
    await sweep('2026-12-11');
    await sweep('2026-12-18');
    expect((await messages()).map((m) => m.recipients)).toEqual([['hr-m'], ['hr-m']]);
  });

  it('adds the hire\'s line manager when HR ticks it', async () => {
    await setup();
    await store({ ...defaultNotificationPreferences, kinds: { ...defaultNotificationPreferences.kinds, enrolment: { hrSpecialists: true, hrManagers: false, employeeManager: true, groupChatId: null } } });
    await sweep('2026-12-11');
    expect((await messages()).map((m) => m.recipients)).toEqual([['hr-s', 'lead']]);
  });

  it('sends exit and transfer cards addressed to HR as chosen for 离职待办 and 转移接续, each on its own', async () => {
    await setup();
    await store({ ...defaultNotificationPreferences, kinds: { ...defaultNotificationPreferences.kinds, transfer: { hrSpecialists: false, hrManagers: true, employeeManager: false, groupChatId: null } } });
    const clockOpts = { now: clock, businessTz: 'Asia/Shanghai' };
    const ids = async (alertKind?: 'exitTasks' | 'transfer') => (await findExitRecipients(t.db, ['sandbox'], { kind: 'hr', ...(alertKind && { alertKind }) }, clockOpts)).get('sandbox')?.map((r) => r.userId);
    expect(await ids('transfer')).toEqual(['hr-m']);
    expect(await ids('exitTasks')).toEqual(['hr-s']);
    expect(await ids()).toEqual(['hr-s']);
    expect((await findExitRecipients(t.db, ['sandbox'], { kind: 'hrManagers' }, clockOpts)).get('sandbox')?.map((r) => r.userId)).toEqual(['hr-m']);
  });
});

describe('quiet hours 22:00–08:00', () => {
  const quiet = { ...defaultNotificationPreferences, quietHours: { enabled: true, start: '22:00', end: '08:00' } };

  it('hold an ordinary alert queued at 23:30 until 08:00, once, even when the sweep runs again in the night', async () => {
    await setup();
    await store(quiet);
    clock = new Date('2026-12-11T15:30:00Z'); // 23:30 in Shanghai
    await sweep('2026-12-11');
    clock = new Date('2026-12-11T17:00:00Z'); // 01:00: a rerun
    await sweep('2026-12-11');
    const held = await messages();
    expect(held.map((m) => [m.recipients, m.availableAt?.toISOString()])).toEqual([[['hr-s'], '2026-12-12T00:00:00.000Z']]);
    expect(await jobStarts()).toEqual(['2026-12-12T00:00:00.000Z']);
  });

  it('let an alert whose legal deadline has come (overdue enrolment, 社会保险法 第五十八条) through at once', async () => {
    await setup();
    await store(quiet);
    clock = new Date('2026-12-22T15:30:00Z'); // 23:30 on the first day after the 12-21 deadline
    await sweep('2026-12-22');
    const sent = await messages();
    expect(sent.map((m) => [m.dedupeKey.includes('overdue'), m.availableAt])).toEqual([[true, null]]);
    // pg-boss starts it at once: its start is the (real) time of queueing, not a morning.
    const [start] = await jobStarts();
    expect(Date.parse(start!)).toBeLessThanOrEqual(Date.now() + 1000);
  });
});
