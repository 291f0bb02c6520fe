// A DingTalk Stream `attendance_check_record` event: `dataList[{userId, checkTime, locationResult, …}]`
// (reference/dingtalk.md). Stored through the same path as the sync, so the punch the next sync
// pulls again is a duplicate, not a second row.
import { z } from 'zod';
import { fromDingtalkRecord, type PlatformAttendance } from '../../domain/attendance/platform-records.ts';
import type { ServiceDeps } from '../deps.ts';
import { savePlatformAttendance, type SavePlatformAttendanceResult } from './save-platform-attendance.ts';

const item = z.object({
  userId: z.string().min(1).max(128),
  checkTime: z.coerce.number().int().positive(),
  checkType: z.string().max(32).optional(),
  timeResult: z.string().max(32).optional(),
  locationResult: z.string().max(32).optional(),
});

const eventData = z.object({ dataList: z.array(z.unknown()).max(1000) });

/**
 * @example
 *   await ingestDingtalkCheckEvent(deps, { data: { dataList: [{ userId: 'lisi', checkTime: 1791430200000, locationResult: 'Normal' }] } })
 *   // → { inserted: 1, duplicates: 0, unknownUsers: 0, malformed: 0 }
 */
export async function ingestDingtalkCheckEvent(deps: ServiceDeps, opts: { data: Record<string, unknown> }): Promise<SavePlatformAttendanceResult & { malformed: number }> {
  const parsed = eventData.safeParse(opts.data);
  if (!parsed.success) return { inserted: 0, duplicates: 0, unknownUsers: 0, malformed: 1 };
  const records: PlatformAttendance[] = [];
  let malformed = 0;
  for (const raw of parsed.data.dataList) {
    const r = item.safeParse(raw);
    const record = r.success ? fromDingtalkRecord(r.data) : undefined;
    if (record) records.push(record);
    else malformed++;
  }
  return { ...(await savePlatformAttendance(deps, { platform: 'dingtalk', records })), malformed };
}
