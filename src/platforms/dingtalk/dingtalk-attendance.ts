// POST /attendance/list: at most 50 users and 7 days per call, paged by offset/limit ≤ 50.
import { chunk, splitRange } from '../split.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

export interface DingtalkAttendanceRecord {
  userId: string;
  checkType: 'OnDuty' | 'OffDuty';
  timeResult: 'Normal' | 'Early' | 'Late' | 'SeriousLate' | 'Absenteeism' | 'NotSigned';
  locationResult?: string;
  /** ms since epoch */
  userCheckTime: number;
  workDate: number;
  sourceType?: string;
}

const DAY_MS = 86_400_000;
const toDayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const toDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Records for work days `fromDay`..`toDay` (YYYY-MM-DD, inclusive). */
export async function getDingtalkAttendance(api: DingtalkApi, opts: { userIds: string[]; fromDay: string; toDay: string }): Promise<DingtalkAttendanceRecord[]> {
  // Windows of 7 work days (first to last day 6 days apart) never exceed the 7-day cap.
  const windows = splitRange(toDayNumber(opts.fromDay), toDayNumber(opts.toDay), 6);
  const out: DingtalkAttendanceRecord[] = [];
  for (const users of chunk(opts.userIds, 50)) {
    for (const w of windows) {
      for (let offset = 0, more = true; more; offset += 50) {
        const data = { workDateFrom: `${toDay(w.start)} 00:00:00`, workDateTo: `${toDay(w.end)} 00:00:00`, userIdList: users, offset, limit: 50 };
        const res = await api.callOld<{ recordresult?: DingtalkAttendanceRecord[]; hasMore?: boolean }>({ api: 'attendance/list', method: 'POST', path: '/attendance/list', data });
        out.push(...(res.recordresult ?? []));
        more = res.hasMore === true;
      }
    }
  }
  return out;
}
