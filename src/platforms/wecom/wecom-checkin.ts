// checkin/getcheckindata (doc 96497): at most 100 users and a 30-day span per call.
import { chunk, splitRange } from '../split.ts';
import type { WecomApi } from './wecom-api.ts';

export interface WecomCheckin {
  userid: string;
  /** 上班打卡 | 下班打卡 | 外出打卡 */
  checkin_type: string;
  /** '' or ';'-joined: 时间异常 | 地点异常 | 未打卡 | wifi异常 | 非常用设备 */
  exception_type: string;
  checkin_time: number;
  sch_checkin_time?: number;
  location_title?: string;
  /** ×1e6, GCJ-02 */
  lat?: number;
  lng?: number;
}

const MAX_USERS = 100;
const MAX_SPAN_S = 30 * 86_400;

/** All check-ins of `userIds` between two instants, split into as many calls as the limits need. */
export async function getWecomCheckins(api: WecomApi, opts: { userIds: string[]; from: Date; to: Date; type?: 1 | 2 | 3 }): Promise<WecomCheckin[]> {
  const windows = splitRange(Math.floor(opts.from.getTime() / 1000), Math.floor(opts.to.getTime() / 1000), MAX_SPAN_S);
  const out: WecomCheckin[] = [];
  // Sequential on purpose: getcheckindata allows 600 calls a minute per corp.
  for (const users of chunk(opts.userIds, MAX_USERS)) {
    for (const w of windows) {
      const data = { opencheckindatatype: opts.type ?? 3, starttime: w.start, endtime: w.end, useridlist: users };
      const res = await api.call<{ checkindata?: WecomCheckin[] }>({ api: 'checkin/getcheckindata', method: 'POST', path: '/cgi-bin/checkin/getcheckindata', data });
      out.push(...(res.checkindata ?? []));
    }
  }
  return out;
}
