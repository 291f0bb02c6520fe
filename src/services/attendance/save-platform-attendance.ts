// Stores platform attendance records: resolves each platform user to an employee through
// PlatformIdentity and inserts with skipDuplicates on (source, sourceId), so the same punch
// arriving from the sync and from a Stream event (or twice from either) is stored once.
import { dayIn } from '../../domain/dates.ts';
import { UNKNOWN_KIND, type PlatformAttendance } from '../../domain/attendance/platform-records.ts';
import type { ServiceDeps } from '../deps.ts';

export interface SavePlatformAttendanceResult {
  inserted: number;
  duplicates: number;
  /** Records of platform users not linked to any employee (run directory-sync). */
  unknownUsers: number;
}

/**
 * @example
 *   await savePlatformAttendance(deps, { platform: 'wecom', records: checkins.map(fromWecomCheckin) })
 *   // → { inserted: 4, duplicates: 0, unknownUsers: 0 }
 */
export async function savePlatformAttendance(deps: ServiceDeps, opts: { platform: 'wecom' | 'dingtalk'; records: readonly PlatformAttendance[] }): Promise<SavePlatformAttendanceResult> {
  const result: SavePlatformAttendanceResult = { inserted: 0, duplicates: 0, unknownUsers: 0 };
  const userIds = [...new Set(opts.records.map((r) => r.userId))];
  if (userIds.length === 0) return result;
  const identities = await deps.db.platformIdentity.findMany({ where: { platform: opts.platform, userId: { in: userIds } }, select: { userId: true, employeeId: true } });
  const employeeOf = new Map(identities.map((i) => [i.userId, i.employeeId]));
  const rows = [];
  for (const r of opts.records) {
    const employeeId = employeeOf.get(r.userId);
    if (!employeeId) {
      result.unknownUsers++;
      continue;
    }
    rows.push({ employeeId, day: new Date(`${dayIn(deps.businessTz, r.at)}T00:00:00Z`), at: r.at, source: opts.platform, sourceId: r.sourceId, kind: r.kind, flags: r.flags });
  }
  // Bounded statements: a month of a large company is tens of thousands of rows.
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const { count } = await deps.db.attendanceRecord.createMany({ data: batch, skipDuplicates: true });
    result.inserted += count;
    result.duplicates += batch.length - count;
    if (count < batch.length && opts.platform === 'dingtalk') await enrichEventRows(deps, batch);
  }
  return result;
}

/**
 * A DingTalk Stream event carries no check type or time result; when attendance/list later
 * brings them for the same punch, the event's row takes them (one statement per batch).
 */
async function enrichEventRows(deps: ServiceDeps, batch: { sourceId: string; kind: string; flags: string[] }[]): Promise<void> {
  const known = batch.filter((r) => r.kind !== UNKNOWN_KIND);
  if (known.length === 0) return;
  await deps.db.$executeRaw`
    UPDATE "AttendanceRecord" a SET kind = v.kind, flags = string_to_array(v.flags, ',')
    FROM unnest(${known.map((r) => r.sourceId)}::text[], ${known.map((r) => r.kind)}::text[], ${known.map((r) => r.flags.join(','))}::text[]) AS v(source_id, kind, flags)
    WHERE a.source = 'dingtalk' AND a."sourceId" = v.source_id AND a.kind = ${UNKNOWN_KIND}`;
}
