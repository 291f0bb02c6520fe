// Approved leave from DingTalk 考勤: POST /topapi/attendance/getleavestatus (≤ 100 users as a
// comma-separated userid_list, a window of ≤ 180 days in ms, paged by offset with size ≤ 20). It
// reports approved leave only, each with its start and end instants.
import { chunk, splitRange } from '../split.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

export interface DingtalkLeave {
  userid: string;
  /** ms since epoch */
  start_time: number;
  end_time: number;
  duration_unit?: string;
  duration_percent?: number;
  leave_code?: string;
}

const MAX_SPAN_MS = 180 * 86_400_000;

/** The approved leave of `userIds` that overlaps [from, to]. */
export async function getDingtalkLeaves(api: DingtalkApi, opts: { userIds: string[]; from: Date; to: Date }): Promise<DingtalkLeave[]> {
  const out: DingtalkLeave[] = [];
  for (const users of chunk(opts.userIds, 100)) {
    for (const w of splitRange(opts.from.getTime(), opts.to.getTime(), MAX_SPAN_MS)) {
      for (let offset = 0, more = true; more; offset += 20) {
        const data = { userid_list: users.join(','), start_time: w.start, end_time: w.end, offset, size: 20 };
        const res = await api.callOld<{ result?: { leave_status?: DingtalkLeave[]; has_more?: boolean } }>({ api: 'attendance/getleavestatus', method: 'POST', path: '/topapi/attendance/getleavestatus', data });
        out.push(...(res.result?.leave_status ?? []));
        more = res.result?.has_more === true;
      }
    }
  }
  return out;
}
