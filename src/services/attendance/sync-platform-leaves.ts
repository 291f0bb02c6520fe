// Leave approved in WeCom or DingTalk becomes LeaveRecord (source 'wecom' | 'dingtalk', unique
// per platform record), so an approved absence never starts the absence chain. Every run looks
// at the last 31 days: approvals land late and records already stored are skipped. A leave
// revoked on the platform within that window is marked revoked (revoke-platform-leaves.ts): WeCom
// lists it as 通过后撤销; DingTalk only reports approved leave, so a stored one it no longer
// reports for the same window is gone.
import { systemActor } from '../../domain/actor.ts';
import { addDays, parseDay, startOfDayIn } from '../../domain/dates.ts';
import { fromDingtalkLeave, fromWecomLeave, type PlatformLeave } from '../../domain/attendance/platform-leaves.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { revokePlatformLeaves } from './revoke-platform-leaves.ts';

const LOOKBACK_DAYS = 31;

export interface LeaveSyncResult { platform: 'wecom' | 'dingtalk'; pulled: number; inserted: number; revoked: number; failed?: string }

/** @example await syncPlatformLeaves(deps, { asOf: '2026-10-10' }) // → [{ platform: 'wecom', pulled: 2, inserted: 1 }] */
export async function syncPlatformLeaves(deps: ServiceDeps, opts: { asOf: string; log?: Logger }): Promise<LeaveSyncResult[]> {
  const to = new Date(Math.min(startOfDayIn(deps.businessTz, addDays(opts.asOf, 1)).getTime(), deps.now().getTime()));
  const from = startOfDayIn(deps.businessTz, addDays(opts.asOf, -(LOOKBACK_DAYS - 1)));
  const results: LeaveSyncResult[] = [];
  for (const platform of ['wecom', 'dingtalk'] as const) {
    if (!deps.platformClients[platform]) continue;
    const identities = await deps.db.platformIdentity.findMany({ where: { platform, employee: { status: { not: 'EXITED' } } }, select: { userId: true, employeeId: true } });
    const employeeOf = new Map(identities.map((i) => [i.userId, i.employeeId]));
    let leaves: PlatformLeave[];
    let revokedIds: string[];
    try {
      leaves = employeeOf.size > 0 ? await pull(deps, platform, [...employeeOf.keys()], from, to) : [];
      revokedIds = employeeOf.size > 0 ? await findRevoked(deps, { platform, employeeIds: [...employeeOf.values()], pulled: leaves, from, to }) : [];
    } catch (error) {
      // An app without access to the approval API (WeCom 审批 → 可调用接口的应用) must not stop the
      // clock-in sync: the failure is reported in the summary and the log, and retried next hour.
      opts.log?.warn({ err: error, platform }, 'approved leave could not be pulled');
      results.push({ platform, pulled: 0, inserted: 0, revoked: 0, failed: (error as Error).message });
      continue;
    }
    const rows = leaves.flatMap((l) => {
      const employeeId = employeeOf.get(l.userId);
      return employeeId ? [{ employeeId, fromDay: parseDay(l.fromDay), toDay: parseDay(l.toDay), kind: l.kind, approved: true, source: platform, sourceId: l.sourceId, createdById: 'job:attendance-sync' }] : [];
    });
    const created = await deps.db.$transaction(async (tx) => {
      const inserted = await tx.leaveRecord.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, employeeId: true, fromDay: true, toDay: true, kind: true } });
      await writeAuditEvents(tx, systemActor('job:attendance-sync', '考勤同步'), inserted.map((l) => ({
        event: { type: 'leave.recorded', data: { leaveId: l.id, fromDay: l.fromDay.toISOString().slice(0, 10), toDay: l.toDay.toISOString().slice(0, 10), kind: l.kind } },
        subject: { type: 'employee', id: l.employeeId },
      })));
      return inserted.length;
    });
    results.push({ platform, pulled: leaves.length, inserted: created, revoked: await revokePlatformLeaves(deps, { platform, sourceIds: revokedIds }) });
  }
  return results;
}

async function pull(deps: ServiceDeps, platform: 'wecom' | 'dingtalk', userIds: string[], from: Date, to: Date): Promise<PlatformLeave[]> {
  const { wecom, dingtalk } = deps.platformClients;
  if (platform === 'wecom' && wecom) {
    const known = new Set((await deps.db.leaveRecord.findMany({ where: { source: 'wecom', createdAt: { gte: new Date(from.getTime() - 86_400_000) } }, select: { sourceId: true } })).map((l) => l.sourceId));
    return (await wecom.getApprovedLeaves({ from, to, known: (spNo) => known.has(spNo) })).map((l) => fromWecomLeave(deps.businessTz, l));
  }
  if (platform === 'dingtalk' && dingtalk) return (await dingtalk.getLeaves({ userIds, from, to })).map((l) => fromDingtalkLeave(deps.businessTz, l));
  return [];
}

/** The source ids of stored leaves the platform has taken back within [from, to]. */
async function findRevoked(deps: ServiceDeps, o: { platform: 'wecom' | 'dingtalk'; employeeIds: string[]; pulled: PlatformLeave[]; from: Date; to: Date }): Promise<string[]> {
  const { wecom } = deps.platformClients;
  if (o.platform === 'wecom') return wecom ? wecom.getRevokedLeaveSpNos({ from: o.from, to: o.to }) : [];
  // DingTalk's source id is userid:start:end (ms): a stored leave overlapping the window it no
  // longer reports was cancelled.
  const reported = new Set(o.pulled.map((l) => l.sourceId));
  const stored = await deps.db.leaveRecord.findMany({ where: { source: 'dingtalk', approved: true, employeeId: { in: o.employeeIds }, toDay: { gte: addDaysToDate(o.from, -1) } }, select: { sourceId: true } });
  return stored.flatMap(({ sourceId }) => {
    const [start, end] = (sourceId ?? '').split(':').slice(-2).map(Number);
    const inWindow = Number.isFinite(start) && Number.isFinite(end) && (end as number) >= o.from.getTime() && (start as number) <= o.to.getTime();
    return sourceId && inWindow && !reported.has(sourceId) ? [sourceId] : [];
  });
}

const addDaysToDate = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
