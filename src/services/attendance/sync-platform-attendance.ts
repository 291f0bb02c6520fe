// Pulls WeCom 打卡 and DingTalk 考勤 records since the platform's cursor for every employee with
// an account there, within each API's documented limits (the clients split users and windows),
// stores them, then moves the cursor. The cursor overlaps the last hour on purpose: records are
// sometimes written late (补卡, approvals), and duplicates cost nothing.
import { systemActor } from '../../domain/actor.ts';
import { addDays, dayIn, startOfDayIn } from '../../domain/dates.ts';
import { fromDingtalkRecord, fromWecomCheckin, type PlatformAttendance } from '../../domain/attendance/platform-records.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { savePlatformAttendance, type SavePlatformAttendanceResult } from './save-platform-attendance.ts';

export interface PlatformSyncResult extends SavePlatformAttendanceResult {
  platform: 'wecom' | 'dingtalk';
  pulled: number;
}

const OVERLAP_MS = 3_600_000;
const FIRST_RUN_DAYS = 7;

/**
 * @example
 *   await syncPlatformAttendance(deps, { asOf: '2026-10-10' })
 *   // → [{ platform: 'wecom', pulled: 12, inserted: 12, duplicates: 0, unknownUsers: 0 }]
 */
export async function syncPlatformAttendance(deps: ServiceDeps, opts: { asOf: string }): Promise<PlatformSyncResult[]> {
  const until = startOfDayIn(deps.businessTz, addDays(opts.asOf, 1));
  // A run for a past day never looks past "now": records of the future do not exist yet.
  const to = new Date(Math.min(until.getTime(), deps.now().getTime()));
  const results: PlatformSyncResult[] = [];
  for (const platform of ['wecom', 'dingtalk'] as const) {
    if (!deps.platformClients[platform]) continue;
    const cursor = await deps.db.attendanceSyncCursor.findUnique({ where: { platform } });
    // First run: the last week. A backfill (`--as-of` before the cursor): that whole day. Otherwise
    // since the cursor, overlapping the last hour.
    const from = !cursor
      ? startOfDayIn(deps.businessTz, addDays(opts.asOf, -(FIRST_RUN_DAYS - 1)))
      : cursor.syncedUntil > to ? startOfDayIn(deps.businessTz, opts.asOf) : new Date(cursor.syncedUntil.getTime() - OVERLAP_MS);
    const identities = await deps.db.platformIdentity.findMany({ where: { platform, employee: { status: { not: 'EXITED' } } }, select: { userId: true }, orderBy: { userId: 'asc' } });
    const userIds = identities.map((i) => i.userId);
    const records = userIds.length > 0 ? await pull(deps, platform, userIds, from, to) : [];
    const saved = await savePlatformAttendance(deps, { platform, records });
    const result: PlatformSyncResult = { platform, pulled: records.length, ...saved };
    await deps.db.$transaction(async (tx) => {
      // A backfill never moves the cursor back.
      const syncedUntil = cursor && cursor.syncedUntil > to ? cursor.syncedUntil : to;
      await tx.attendanceSyncCursor.upsert({ where: { platform }, create: { platform, syncedUntil }, update: { syncedUntil } });
      await writeAuditEvent(tx, systemActor('job:attendance-sync', '考勤同步'), {
        type: 'attendance.synced',
        data: { platform, from: from.toISOString(), to: to.toISOString(), pulled: result.pulled, inserted: result.inserted, duplicates: result.duplicates, unknownUsers: result.unknownUsers },
      }, { type: 'company', id: platform });
    });
    results.push(result);
  }
  return results;
}

async function pull(deps: ServiceDeps, platform: 'wecom' | 'dingtalk', userIds: string[], from: Date, to: Date): Promise<PlatformAttendance[]> {
  const { wecom, dingtalk } = deps.platformClients;
  if (platform === 'wecom') return wecom ? (await wecom.getCheckins({ userIds, from, to })).map(fromWecomCheckin) : [];
  if (!dingtalk) return [];
  // DingTalk asks by work day; keep only the punches inside the window.
  const rows = await dingtalk.getAttendance({ userIds, fromDay: dayIn(deps.businessTz, from), toDay: dayIn(deps.businessTz, to) });
  return rows.map(fromDingtalkRecord).filter((r): r is PlatformAttendance => r !== undefined && r.at >= from && r.at <= to);
}
