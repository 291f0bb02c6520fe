// A leave revoked or cancelled on the platform after its approval no longer excuses its days:
// the LeaveRecord is kept (it was true when synced, and the audit trail shows both) but marked
// not approved, so the recount (services/absence/recount-absence.ts) counts those days as absent
// again when nobody clocked in (劳动合同法 第三十九条第（二）项: the absence is proven day by day).
import { systemActor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';

/**
 * Marks the still approved leaves of `platform` with these source ids revoked; returns how many changed.
 * @example await revokePlatformLeaves(deps, { platform: 'wecom', sourceIds: ['202610080002'] }) // → 1
 */
export async function revokePlatformLeaves(deps: ServiceDeps, o: { platform: 'wecom' | 'dingtalk'; sourceIds: string[] }): Promise<number> {
  if (o.sourceIds.length === 0) return 0;
  return deps.db.$transaction(async (tx) => {
    const leaves = await tx.leaveRecord.findMany({ where: { source: o.platform, sourceId: { in: o.sourceIds }, approved: true } });
    const revoked = [];
    for (const l of leaves) {
      if (await compareAndSet(tx.leaveRecord, { id: l.id, approved: true }, { approved: false, note: '已在平台撤销' })) revoked.push(l);
    }
    await writeAuditEvents(tx, systemActor('job:attendance-sync', '考勤同步'), revoked.map((l) => ({
      event: { type: 'leave.revoked', data: { leaveId: l.id, source: o.platform, sourceId: l.sourceId ?? '', fromDay: formatDay(l.fromDay) ?? '', toDay: formatDay(l.toDay) ?? '' } },
      subject: { type: 'employee', id: l.employeeId },
    })));
    return revoked.length;
  });
}
