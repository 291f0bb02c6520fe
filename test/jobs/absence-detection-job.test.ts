// `job run absence-detection --as-of` over a scripted attendance history: exactly the expected
// cases, nothing twice, and an unanswered case goes to HR (the notice process starts) after the SLA.
import { describe, expect, it } from 'vitest';
import { ABSENCE_CONTACTED, ABSENCE_UNREACHABLE } from '../../cards/action-ids.ts';
import { absenceDetection } from '../../src/jobs/definitions/absence-detection.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { findAbsenceStreaks } from '../../src/services/absence/find-absence-streaks.ts';
import { findCheckedStreaks } from '../../src/services/absence/find-checked-streaks.ts';
import { loadAttendanceSettings } from '../../src/services/absence/load-attendance-settings.ts';
import { absenceCardKey } from '../../src/services/absence/open-absence-case.ts';
import { decideAbsenceCheck } from '../../src/services/absence/decide-absence-check.ts';
import { writeAuditEvent } from '../../src/services/audit/write-audit-event.ts';
import { recordLeave } from '../../src/services/leave/record-leave.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

let now = new Date('2026-10-10T12:00:00Z');
const t = await createTestDb({ now: () => now });
const { deps, outbox } = withRecordingOutbox(t.deps);
const log = createLogger('silent');
const run = (asOf: string) => runJob(deps, absenceDetection, { asOf, trigger: 'cli', log });

async function punch(employeeId: string, day: string, flags: string[] = [], source = 'h5') {
  const at = new Date(`${day}T01:00:00Z`);
  await t.db.attendanceRecord.create({ data: { employeeId, day: new Date(`${day}T00:00:00Z`), at, source, sourceId: `${employeeId}:${day}:${source}`, kind: '上班', flags } });
}

const manager = await makeActor(t.deps, ['EMPLOYEE'], { name: '王经理', employeeNo: 'M001', identities: { sandbox: 'mgr' } });
const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr' } });
const staff = { startDate: '2026-01-05', managerEmployeeNo: 'M001' };
const zhang = await makeEmployee(t.deps, { ...staff, name: '张三' }); // 09-30, then nothing: absent 10-08, 10-09, 10-10
const li = await makeEmployee(t.deps, { ...staff, name: '李四' }); // clocks in every workday
const wang = await makeEmployee(t.deps, { ...staff, name: '王五' }); // approved leave 10-08..10-09
const zhao = await makeEmployee(t.deps, { startDate: '2026-01-05', name: '赵六' }); // only 未打卡 rows from WeCom; no manager → HR
const sun = await makeEmployee(t.deps, { ...staff, name: '孙七' }); // clocks in on 10-09 only
const zhou = await makeEmployee(t.deps, { ...staff, name: '周八', status: 'UNPAID_LEAVE' }); // not ACTIVE
const wu = await makeEmployee(t.deps, { ...staff, name: '吴九', startDate: '2026-10-09' }); // new hire, 2 days
const feng = await makeEmployee(t.deps, { ...staff, name: '冯无卡' }); // never clocked in since the first day: flagged like anyone
for (const e of [zhang, li, wang, zhao, sun, zhou, manager.employee, hr.employee]) await punch(e.id, '2026-09-30');
for (const d of ['2026-10-08', '2026-10-09', '2026-10-10']) {
  for (const e of [li, manager.employee, hr.employee]) await punch(e.id, d);
  await punch(zhao.id, d, ['not_signed'], 'wecom');
}
await punch(sun.id, '2026-10-09');
await recordLeave(t.deps, { actor: testAdmin, employeeId: wang.id, fromDay: '2026-10-08', toDay: '2026-10-09', kind: '病假' });

const caseOf = (employeeId: string) => t.db.absenceCase.findFirst({ where: { employeeId } });

describe('absence-detection job', () => {
  it('opens exactly the expected cases on 2026-10-10 and asks the line manager (HR when there is none)', async () => {
    const summary = await run('2026-10-10');
    expect(summary).toContain('3 absence streak(s) of 3+ workdays, opened 3 case(s)');
    const cases = await t.db.absenceCase.findMany({ orderBy: { createdAt: 'asc' } });
    expect(cases.map((c) => c.employeeId).sort()).toEqual([zhang.id, zhao.id, feng.id].sort());
    for (const e of [li, wang, sun, zhou, wu]) expect(await caseOf(e.id), e.name).toBeNull();
    const z = await caseOf(zhang.id);
    expect(z).toMatchObject({ trigger: 'attendance', state: 'OPEN', absentDays: 3, days: ['2026-10-08', '2026-10-09', '2026-10-10'], managerDueAt: new Date('2026-10-11T16:00:00Z') });
    const cards = outbox.messages.filter((m) => m.payload.kind === 'card');
    const to = Object.fromEntries(cards.map((m) => [m.payload.kind === 'card' ? m.payload.card.subtitle : '', m.recipients]));
    expect(to).toMatchObject({ '张三 已连续3个工作日未打卡': ['mgr'], '赵六 已连续3个工作日未打卡': ['hr'] });
    const detected = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'absence.detected', subjectId: zhang.id } });
    expect(detected.data).toMatchObject({ absentDays: 3, days: ['2026-10-08', '2026-10-09', '2026-10-10'] });
  });

  it('opens nothing twice: the same as-of again, and the next day (same streaks, extended)', async () => {
    outbox.messages.length = 0;
    expect(await run('2026-10-10')).toContain('opened 0 case(s)');
    expect(await t.db.absenceCase.count()).toBe(3);
    expect(outbox.messages).toEqual([]);
  });

  it('skips, without a transaction, exactly the streaks already checked up to the as-of day', async () => {
    const settings = await loadAttendanceSettings(deps.db);
    const streaksOn = (asOf: string) => findAbsenceStreaks(deps, { asOf, settings });
    expect([...(await findCheckedStreaks(deps, { streaks: await streaksOn('2026-10-10'), asOf: '2026-10-10' }))].sort()).toEqual([zhang.id, zhao.id, feng.id].sort());
    // The next day the same cases must be extended, so nothing is skipped.
    expect(await findCheckedStreaks(deps, { streaks: await streaksOn('2026-10-12'), asOf: '2026-10-12' })).toEqual(new Set());
  });

  it('finds the same streaks whatever the batch size: batches of one candidate miss nobody and add nobody', async () => {
    const settings = await loadAttendanceSettings(deps.db);
    const ids = async (batchSize?: number) => (await findAbsenceStreaks(deps, { asOf: '2026-10-10', settings, ...(batchSize && { batchSize }) })).map((s) => s.employeeId);
    expect(await ids(1)).toEqual(await ids());
    expect((await ids(2)).sort()).toEqual([zhang.id, zhao.id, feng.id].sort());
  });

  it('answers insurance.stopped_while_active for someone who clocks in every day with one 核实在岗 task, never an absence case', async () => {
    await t.db.$transaction((tx) => writeAuditEvent(tx, testAdmin, { type: 'insurance.stopped_while_active', data: { employeeId: li.id, month: '2026-10', lastPaidMonth: '2026-09' } }, { type: 'employee', id: li.id }));
    expect(await run('2026-10-10')).toContain('1 核实在岗 task(s) from insurance.stopped_while_active');
    expect(await caseOf(li.id)).toBeNull();
    const tasks = await t.db.complianceTask.findMany({ where: { employeeId: li.id } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: 'attendance.verify_on_duty', title: '核实在岗：李四（2026-10 社保未缴，最后打卡 2026-10-10）', state: 'OPEN', ownerId: hr.employee.id });
    expect(await run('2026-10-10')).toContain('0 核实在岗 task(s) from insurance.stopped_while_active');
    expect(await t.db.absenceCase.count({ where: { employeeId: li.id } })).toBe(0);
    expect(await t.db.complianceTask.count({ where: { employeeId: li.id } })).toBe(1);
  });

  it('closes a case on 已联系上 from the manager, refuses other clickers, and escalates the unanswered ones after the SLA', async () => {
    const zCase = await caseOf(zhang.id);
    const key = absenceCardKey(zCase?.id ?? '', 'sandbox');
    const stranger = await makeActor(t.deps, ['EMPLOYEE'], { name: '路人', startDate: '2026-10-11', identities: { sandbox: 'x' } });
    expect((await decideAbsenceCheck(deps, { cardKey: key, actionId: ABSENCE_UNREACHABLE, actor: stranger.actor, platform: 'sandbox', platformUserId: 'x' })).text).toBe('你不是这张卡片的处理人');
    now = new Date('2026-10-11T02:00:00Z');
    const reply = await decideAbsenceCheck(deps, { cardKey: key, actionId: ABSENCE_CONTACTED, actor: manager.actor, platform: 'sandbox', platformUserId: 'mgr' });
    expect(reply.text).toContain('已联系上 张三');
    expect(await caseOf(zhang.id)).toMatchObject({ state: 'CONTACTED', decidedByName: '王经理' });
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey: key } })).state).toBe('DECIDED');
    const again = await decideAbsenceCheck(deps, { cardKey: key, actionId: ABSENCE_UNREACHABLE, actor: manager.actor, platform: 'sandbox', platformUserId: 'mgr' });
    expect(again.text).toContain('已由 王经理 于 2026-10-11 10:00 处理：已联系上');

    // 2026-10-11 ends at 16:00Z, exactly the SLA of the cases opened on 10-10: 赵六 and 冯无卡 go to HR.
    now = new Date('2026-10-11T17:00:00Z');
    const summary = await run('2026-10-11');
    expect(summary).toContain('escalated 2 unanswered case(s) to HR');
    expect(await caseOf(zhao.id)).toMatchObject({ state: 'UNREACHABLE', decidedById: 'job:absence-detection' });
    expect(await caseOf(zhang.id)).toMatchObject({ state: 'CONTACTED' });
    const unreachable = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'absence.unreachable', subjectId: zhao.id } });
    expect(unreachable.data).toMatchObject({ reason: 'sla_expired' });
    // The return-to-work notice process (services/exits) started for 赵六, once.
    expect(await t.db.exitProcess.count({ where: { employeeId: zhao.id } })).toBe(1);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: zhao.id } })).status).toBe('ABSCONDED');
    expect(await run('2026-10-12')).toContain('escalated 0 unanswered case(s)');
    expect(await t.db.exitProcess.count({ where: { employeeId: zhao.id } })).toBe(1);
  });

  it('closes an open case when the employee clocks in again, so the SLA never escalates a returned employee', async () => {
    const zheng = await makeEmployee(t.deps, { ...staff, name: '郑十' });
    await punch(zheng.id, '2026-10-09');
    now = new Date('2026-10-14T13:00:00Z');
    await run('2026-10-14');
    expect(await caseOf(zheng.id)).toMatchObject({ state: 'OPEN', days: ['2026-10-10', '2026-10-12', '2026-10-13', '2026-10-14'] });
    await punch(zheng.id, '2026-10-15');
    now = new Date('2026-10-15T13:00:00Z');
    expect(await run('2026-10-15')).toContain('closed 1 case(s) of employees back at work');
    const closed = await caseOf(zheng.id);
    expect(closed).toMatchObject({ state: 'CLOSED', decidedById: 'job:absence-detection' });
    const card = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: closed?.id } });
    expect(card).toMatchObject({ state: 'DECIDED', decision: 'absence.returned' });
    expect(await t.db.exitProcess.count({ where: { employeeId: zheng.id } })).toBe(0);
    expect(await run('2026-10-16')).toContain('closed 0 case(s)');
  });

  it('warns HR once when the as-of year has no State Council notice', async () => {
    outbox.messages.length = 0;
    expect(await run('2027-01-05')).toContain('missing years: 2027 (no State Council notice: fixed holidays only, 1 HR card(s) queued)');
    expect(await run('2027-01-05')).toContain('missing years: 2027 (no State Council notice: fixed holidays only, 0 HR card(s) queued)');
    expect(await t.db.cardInstance.count({ where: { type: 'calendar.missing_year' } })).toBe(1);
  });
});
