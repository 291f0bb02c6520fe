// WeCom end to end against the loopback fakes: check-in data pulled by the attendance-sync job
// lands in the attendance table with its exception flags, absence detection sends the manager a
// card, and the manager's signed 无法联系 click starts the return-to-work notice process.
import { describe, expect, it } from 'vitest';
import { ABSENCE_UNREACHABLE } from '../../cards/action-ids.ts';
import { absenceDetection } from '../../src/jobs/definitions/absence-detection.ts';
import { attendanceSync } from '../../src/jobs/definitions/attendance-sync.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { absenceCardKey } from '../../src/services/absence/open-absence-case.ts';
import { recountAbsence } from '../../src/services/absence/recount-absence.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';

const t = await createTestDb();
const kit = await wecomDeployment(t);
const run = (job: typeof attendanceSync, asOf: string) => runJob(kit.deps, job, { asOf, trigger: 'cli', log: kit.log });
/** Seconds since epoch of a Beijing wall-clock time. */
const at = (local: string) => Date.parse(`${local}+08:00`) / 1000;

await makeEmployee(t.deps, { name: '王经理', employeeNo: 'M1', identities: { wecom: 'wangjl' } });
await makeEmployee(t.deps, { name: '李人事', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-a' } });
const zhang = await makeEmployee(t.deps, { name: '张三', managerEmployeeNo: 'M1', identities: { wecom: 'zhangsan' } });
const li = await makeEmployee(t.deps, { name: '李四', managerEmployeeNo: 'M1', identities: { wecom: 'lisi' } });

describe('WeCom attendance end to end', () => {
  it('pulls getcheckindata for every linked user into AttendanceRecord with source wecom and exception flags, once', async () => {
    kit.fake.checkins.push(
      { userid: 'zhangsan', checkin_type: '上班打卡', exception_type: '', checkin_time: at('2026-10-09T08:55:00') },
      { userid: 'lisi', checkin_type: '上班打卡', exception_type: '时间异常;地点异常', checkin_time: at('2026-10-09T09:20:00') },
      { userid: 'lisi', checkin_type: '下班打卡', exception_type: '未打卡', checkin_time: at('2026-10-09T18:00:00') },
      { userid: 'stranger', checkin_type: '上班打卡', exception_type: '', checkin_time: at('2026-10-09T09:00:00') },
    );
    expect(await run(attendanceSync, '2026-10-09')).toBe('pulled 3 record(s) from wecom; inserted 3, duplicates 0');
    const rows = await t.db.attendanceRecord.findMany({ orderBy: { at: 'asc' } });
    expect(rows.map((r) => [r.employeeId, r.source, r.kind, r.flags])).toEqual([
      [zhang.id, 'wecom', '上班', []],
      [li.id, 'wecom', '上班', ['time', 'location']],
      [li.id, 'wecom', '下班', ['not_signed']],
    ]);
    expect(rows[0]?.sourceId).toBe(`zhangsan:${at('2026-10-09T08:55:00')}:上班打卡`);
    const calls = kit.fake.requests.filter((r) => r.path === '/cgi-bin/checkin/getcheckindata');
    expect((calls.at(-1)?.body as { useridlist: string[] }).useridlist.sort()).toEqual(['hr-a', 'lisi', 'wangjl', 'zhangsan']);
    // A sync over the same days again (cursor reset) stores nothing twice.
    await t.db.attendanceSyncCursor.deleteMany();
    expect(await run(attendanceSync, '2026-10-09')).toBe('pulled 3 record(s) from wecom; inserted 0, duplicates 3');
    expect(await t.db.attendanceRecord.count()).toBe(3);
    // A backfill of an earlier day pulls that whole day and leaves the cursor where it was.
    const cursor = await t.db.attendanceSyncCursor.findUniqueOrThrow({ where: { platform: 'wecom' } });
    kit.fake.checkins.push({ userid: 'zhangsan', checkin_type: '上班打卡', exception_type: '', checkin_time: at('2026-10-02T10:00:00') });
    expect(await run(attendanceSync, '2026-10-02')).toBe('pulled 1 record(s) from wecom; inserted 1, duplicates 0');
    expect((await t.db.attendanceSyncCursor.findUniqueOrThrow({ where: { platform: 'wecom' } })).syncedUntil).toEqual(cursor.syncedUntil);
  });

  it('syncs leave approved in the WeCom 审批 app, so its days are never absences', async () => {
    kit.fake.leaves.push({ spNo: '202610080001', userid: 'lisi', kind: '年假', submitTime: at('2026-10-08T10:00:00'), begin: at('2026-11-02T00:00:00'), end: at('2026-11-03T23:59:59') });
    expect(await run(attendanceSync, '2026-10-09')).toContain('1 approved leave(s) synced');
    const leave = await t.db.leaveRecord.findFirstOrThrow({ where: { employeeId: li.id } });
    expect([leave.source, leave.sourceId, leave.kind, leave.fromDay.toISOString().slice(0, 10), leave.toDay.toISOString().slice(0, 10)]).toEqual(['wecom', '202610080001', '年假', '2026-11-02', '2026-11-03']);
    expect(await run(attendanceSync, '2026-10-09')).not.toContain('approved leave');
  });

  it('marks a leave revoked in the WeCom 审批 app after approval as revoked, so its days count as absent again', async () => {
    kit.fake.leaves.push({ spNo: '202610080002', userid: 'zhangsan', kind: '事假', submitTime: at('2026-10-08T11:00:00'), begin: at('2026-10-08T00:00:00'), end: at('2026-10-08T23:59:59') });
    expect(await run(attendanceSync, '2026-10-09')).toContain('1 approved leave(s) synced');
    expect((await recountAbsence(t.db, { employeeId: zhang.id, from: '2026-10-08', to: '2026-10-08' })).days).toEqual([]);
    const leave = kit.fake.leaves.find((l) => l.spNo === '202610080002');
    if (leave) leave.spStatus = 6;
    expect(await run(attendanceSync, '2026-10-09')).toContain('1 leave(s) revoked on the platform');
    const row = await t.db.leaveRecord.findFirstOrThrow({ where: { sourceId: '202610080002' } });
    expect(row.approved).toBe(false);
    expect(await t.db.auditEvent.count({ where: { type: 'leave.revoked', subjectId: zhang.id } })).toBe(1);
    // No clock-in that day: with the leave gone the day is an absence again.
    expect((await recountAbsence(t.db, { employeeId: zhang.id, from: '2026-10-08', to: '2026-10-08' })).days).toEqual(['2026-10-08']);
    // Once is enough: the next run changes nothing.
    expect(await run(attendanceSync, '2026-10-09')).not.toContain('revoked');
    expect(await t.db.auditEvent.count({ where: { type: 'leave.revoked', subjectId: zhang.id } })).toBe(1);
  });

  it('asks the manager about 3 absent workdays and starts the notice on a signed 无法联系 click', async () => {
    for (const day of ['2026-10-10', '2026-10-12', '2026-10-13']) {
      for (const userid of ['wangjl', 'hr-a', 'lisi']) kit.fake.checkins.push({ userid, checkin_type: '上班打卡', exception_type: '', checkin_time: at(`${day}T09:00:00`) });
    }
    expect(await run(attendanceSync, '2026-10-13')).toContain('inserted 9');
    await kit.startWorkers();
    expect(await run(absenceDetection, '2026-10-13')).toContain('1 absence streak(s) of 3+ workdays, opened 1 case(s)');
    const absence = await t.db.absenceCase.findFirstOrThrow({ where: { employeeId: zhang.id } });
    expect(absence.days).toEqual(['2026-10-10', '2026-10-12', '2026-10-13']);
    const taskId = absenceCardKey(absence.id, 'wecom');
    const card = await waitFor('the absence card at WeCom', async () => kit.fake.delivered.find((d) => d.taskId === taskId));
    expect(card.userId).toBe('wangjl');
    expect(JSON.stringify(card.message)).toContain('张三 已连续3个工作日未打卡');
    const code = await waitFor('the response code', async () => ((await t.db.cardInstance.findUnique({ where: { cardKey: taskId } }))?.responseCodes as Record<string, string> | null)?.wangjl);

    const clicked = kit.click({ from: 'wangjl', taskId, eventKey: ABSENCE_UNREACHABLE, responseCode: code });
    expect((await clicked.send()).status).toBe(200);
    await waitFor('the case to be UNREACHABLE', async () => (await t.db.absenceCase.findUniqueOrThrow({ where: { id: absence.id } })).state === 'UNREACHABLE');
    const process = await waitFor('the exit process', async () => t.db.exitProcess.findFirst({ where: { absenceCaseId: absence.id } }));
    expect(process).toMatchObject({ employeeId: zhang.id, kind: 'ABSENCE' });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: zhang.id } })).status).toBe('ABSCONDED');
    // HR gets the card to send the first return-to-work notice.
    await waitFor('the notice card to HR', async () => kit.fake.delivered.find((d) => d.userId === 'hr-a' && d.taskId !== undefined && d.taskId !== taskId));
    const updates = await waitFor('the decided absence card', async () => (kit.fake.cardUpdates.length > 0 ? kit.fake.cardUpdates : undefined));
    expect(JSON.stringify(updates)).toContain('无法联系，已转人事');

    expect((await clicked.send()).status).toBe(200);
    expect(await t.db.exitProcess.count({ where: { employeeId: zhang.id } })).toBe(1);
  });
});
