// DingTalk end to end against the loopback fakes: an attendance_check_record Stream event and the
// attendance/list sync both land in the attendance table, and the same punch from both is one row.
import { describe, expect, it, vi } from 'vitest';
import { attendanceSync } from '../../src/jobs/definitions/attendance-sync.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { recountAbsence } from '../../src/services/absence/recount-absence.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { dingtalkDeployment } from './dingtalk-e2e-kit.ts';

const t = await createTestDb();
const kit = await dingtalkDeployment(t);
const ms = (local: string) => Date.parse(`${local}+08:00`);

const zhao = await makeEmployee(t.deps, { name: '赵六', identities: { dingtalk: 'zhaoliu' } });

describe('DingTalk attendance end to end', () => {
  it('stores a Stream attendance_check_record punch, and the sync of the same punch is a duplicate', async () => {
    await vi.waitFor(() => expect(kit.receiver.state().state).toBe('connected'), { timeout: 5000, interval: 20 });
    const punch = ms('2026-10-09T08:57:00');
    const pushed = kit.gateway.pushEvent('attendance_check_record', { dataList: [{ userId: 'zhaoliu', checkTime: punch, locationResult: 'Normal', bizId: 'b-1' }, { userId: 'nobody', checkTime: punch }] }, { eventId: 'evt-att-1' });
    expect((await kit.gateway.waitForAck(pushed.messageId)).data).toEqual({ status: 'SUCCESS' });
    const row = await waitFor('the event row', async () => t.db.attendanceRecord.findFirst({ where: { employeeId: zhao.id } }));
    expect(row).toMatchObject({ source: 'dingtalk', sourceId: `zhaoliu:${punch}`, at: new Date(punch), flags: [] });

    const workDate = ms('2026-10-09T00:00:00');
    kit.api.data.attendance.push(
      { userId: 'zhaoliu', checkType: 'OnDuty', timeResult: 'Normal', locationResult: 'Normal', userCheckTime: punch, workDate },
      { userId: 'zhaoliu', checkType: 'OffDuty', timeResult: 'NotSigned', userCheckTime: ms('2026-10-09T18:00:00'), workDate },
      { userId: 'zhaoliu', checkType: 'OnDuty', timeResult: 'Late', locationResult: 'Outside', userCheckTime: ms('2026-10-08T09:40:00'), workDate: ms('2026-10-08T00:00:00') },
    );
    expect(await runJob(kit.deps, attendanceSync, { asOf: '2026-10-09', trigger: 'cli', log: kit.log })).toBe('pulled 3 record(s) from dingtalk; inserted 2, duplicates 1');
    const rows = await t.db.attendanceRecord.findMany({ where: { employeeId: zhao.id }, orderBy: { at: 'asc' } });
    // The event's row took the check type the list knows: 上班, still one row.
    expect(rows.map((r) => [r.kind, r.flags])).toEqual([['上班', ['time', 'location']], ['上班', []], ['下班', ['not_signed']]]);

    // DingTalk pushes the event again (same eventId) and a new event for the same punch: still one row.
    kit.gateway.pushEvent('attendance_check_record', { dataList: [{ userId: 'zhaoliu', checkTime: punch }] }, { eventId: 'evt-att-2' });
    await waitFor('the second event handled', async () => (await t.db.inboundDelivery.findFirst({ where: { deliveryId: 'evt-att-2', handledAt: { not: null } } })) ?? undefined);
    expect(await t.db.attendanceRecord.count({ where: { employeeId: zhao.id } })).toBe(3);
  });

  it('syncs approved DingTalk leave and marks it revoked once getleavestatus no longer reports it', async () => {
    const leave = { userid: 'zhaoliu', start_time: ms('2026-10-12T09:00:00'), end_time: ms('2026-10-12T18:00:00') };
    kit.api.data.leaves = [leave];
    const sync = () => runJob(kit.deps, attendanceSync, { asOf: '2026-10-13', trigger: 'cli', log: kit.log });
    expect(await sync()).toContain('1 approved leave(s) synced');
    expect((await recountAbsence(t.db, { employeeId: zhao.id, from: '2026-10-12', to: '2026-10-12' })).days).toEqual([]);
    // Cancelled in DingTalk: the platform reports approved leave only, so it is gone from the answer.
    kit.api.data.leaves = [];
    expect(await sync()).toContain('1 leave(s) revoked on the platform');
    expect((await t.db.leaveRecord.findFirstOrThrow({ where: { employeeId: zhao.id } })).approved).toBe(false);
    expect((await recountAbsence(t.db, { employeeId: zhao.id, from: '2026-10-12', to: '2026-10-12' })).days).toEqual(['2026-10-12']);
    expect(await sync()).not.toContain('revoked');
  });

  it('ignores a malformed event payload without storing anything', async () => {
    const pushed = kit.gateway.pushEvent('attendance_check_record', { dataList: [{ userId: 'zhaoliu', checkTime: 'yesterday' }] }, { eventId: 'evt-att-bad' });
    expect((await kit.gateway.waitForAck(pushed.messageId)).data).toEqual({ status: 'SUCCESS' });
    await waitFor('the bad event handled', async () => (await t.db.inboundDelivery.findFirst({ where: { deliveryId: 'evt-att-bad', handledAt: { not: null } } })) ?? undefined);
    expect(await t.db.attendanceRecord.count({ where: { employeeId: zhao.id } })).toBe(3);
  });
});
