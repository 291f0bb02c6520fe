// What callers see of a clock-in: times in BUSINESS_TZ, never the position (个人信息保护法 第二十八条).
import { formatDateTime, formatDay } from '../../domain/dates.ts';
import type { AttendanceView } from '../../domain/views/attendance.ts';
import type { AttendanceRecord } from '../../generated/prisma/client.ts';

export type { AttendanceView };

export function toAttendanceView(tz: string, r: AttendanceRecord, sites: readonly { id: string; name: string }[]): AttendanceView {
  return {
    id: r.id,
    employeeId: r.employeeId,
    day: formatDay(r.day) as string,
    time: formatDateTime(tz, r.at),
    at: r.at.toISOString(),
    source: r.source,
    kind: r.kind,
    flags: r.flags,
    distanceM: r.distanceM,
    insideFence: r.insideFence,
    siteName: sites.find((s) => s.id === r.siteId)?.name ?? null,
    note: r.note,
  };
}
