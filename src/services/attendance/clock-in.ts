// A clock-in from the workbench H5. The server's clock is the record's time (the phone's clock
// is whatever its owner set); the position is converted to WGS-84 and measured against the work
// sites here, not in the browser. Outside the fence the clock-in needs a note and is flagged.
// The position itself is whereabouts data (个人信息保护法 第二十八条): stored encrypted, never returned.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { checkFence, toWgs84, type CoordSystem } from '../../domain/attendance/geofence.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ClockInResponse } from '../../domain/views/attendance.ts';
import type { ServiceDeps } from '../deps.ts';
import { toAttendanceView } from './attendance-view.ts';

export interface ClockInOptions {
  actor: Actor;
  lat: number;
  lng: number;
  coordSystem: CoordSystem;
  /** Metres (the Geolocation API's accuracy). */
  accuracy?: number;
  note?: string;
}

/** A second tap within this window returns the first record instead of making another. */
const REPEAT_WINDOW_MS = 60_000;
/** Beyond this the position says nothing about where the phone is (cell-tower guess). */
export const MAX_ACCURACY_M = 1500;

/**
 * @example
 *   await clockIn(deps, { actor, lat: 31.2304, lng: 121.4737, coordSystem: 'wgs84', accuracy: 20 })
 *   // → { record: { kind: '上班', insideFence: true, distanceM: 0, … }, repeated: false }
 */
export async function clockIn(deps: ServiceDeps, opts: ClockInOptions): Promise<ClockInResponse> {
  authorize(opts.actor, 'attendance.clock_in');
  if (opts.actor.kind !== 'employee') throw new AppError('forbidden', '只有员工本人可以打卡（管理员令牌不能代打卡）');
  if (!Number.isFinite(opts.lat) || !Number.isFinite(opts.lng) || Math.abs(opts.lat) > 90 || Math.abs(opts.lng) > 180) {
    throw new AppError('validation_failed', '位置无效：纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间');
  }
  if (opts.accuracy !== undefined && !(opts.accuracy >= 0 && opts.accuracy <= MAX_ACCURACY_M)) {
    throw new AppError('validation_failed', `定位精度太低（±${Math.round(opts.accuracy)} 米），请打开 GPS 或到开阔处后重试`);
  }
  const employeeId = opts.actor.id;
  const point = toWgs84({ lat: opts.lat, lng: opts.lng }, opts.coordSystem);
  const sites = await deps.db.workSite.findMany({ where: { active: true }, select: { id: true, name: true, lat: true, lng: true, radiusM: true } });
  const fence = checkFence(point, sites);
  const note = opts.note?.trim() || undefined;
  const outside = fence.site !== undefined && !fence.inside;
  if (outside && !note) {
    throw new AppError('validation_failed', `您不在打卡范围内（距离 ${fence.distanceM} 米，允许 ${fence.site?.radiusM} 米）。如确需外勤打卡，请填写说明后提交`, {
      reason: 'outside_fence', distanceM: fence.distanceM, radiusM: fence.site?.radiusM, site: fence.site?.name,
    });
  }
  const now = deps.now();
  const day = dayIn(deps.businessTz, now);
  return deps.db.$transaction(async (tx) => {
    // One clock-in at a time per employee: a double tap waits here and then finds the first one.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`clock-in:${employeeId}`}, 0))`;
    const recent = await tx.attendanceRecord.findFirst({
      where: { employeeId, source: 'h5', at: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS) } },
      orderBy: { at: 'desc' },
    });
    if (recent) return { record: toAttendanceView(deps.businessTz, recent, sites), repeated: true };
    const earlierToday = await tx.attendanceRecord.count({ where: { employeeId, day: new Date(`${day}T00:00:00Z`), NOT: { flags: { has: 'not_signed' } } } });
    const flags = outside ? ['outside_fence'] : [];
    const record = await tx.attendanceRecord.create({
      data: {
        employeeId,
        day: new Date(`${day}T00:00:00Z`),
        at: now,
        source: 'h5',
        sourceId: `${employeeId}:${now.toISOString()}`,
        kind: earlierToday === 0 ? '上班' : '下班',
        flags,
        locationEnc: deps.cipher.encrypt(`${point.lat.toFixed(6)},${point.lng.toFixed(6)}`),
        distanceM: fence.distanceM ?? null,
        insideFence: fence.site ? fence.inside : null,
        siteId: fence.site?.id ?? null,
        note: note ?? null,
      },
    });
    await writeAuditEvent(tx, opts.actor, {
      type: 'attendance.clocked_in',
      data: { recordId: record.id, insideFence: record.insideFence, distanceM: record.distanceM, siteId: record.siteId, flags },
    }, { type: 'employee', id: employeeId });
    return { record: toAttendanceView(deps.businessTz, record, sites), repeated: false };
  });
}
