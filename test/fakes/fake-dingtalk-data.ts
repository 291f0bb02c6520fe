// The old-host (oapi) APIs of the DingTalk fake: 免登 codes, attendance records, directory.
import type { FakeAnswer, RecordedRequest } from './fake-http-server.ts';

export interface DingtalkFakeData {
  departments: { dept_id: number; name: string; parent_id?: number }[];
  users: { userid: string; name: string; mobile?: string; job_number?: string; dept_id_list: number[]; active?: boolean }[];
  attendance: { userId: string; checkType: string; timeResult: string; userCheckTime: number; workDate: number; locationResult?: string }[];
  /** authCode → userid; each code works once. */
  authCodes: Map<string, string>;
  /** Approved leave (考勤 getleavestatus), times in ms. */
  leaves?: { userid: string; start_time: number; end_time: number; leave_code?: string }[];
}

const ok = (body: Record<string, unknown>): FakeAnswer => ({ body: { errcode: 0, errmsg: 'ok', ...body } });
const err = (errcode: number, errmsg: string): FakeAnswer => ({ body: { errcode, errmsg } });
const DAY_MS = 86_400_000;
/** "yyyy-MM-dd HH:mm:ss" in China time → ms. */
const parseWorkDate = (s: string) => Date.parse(`${s.replace(' ', 'T')}+08:00`);

export function createDingtalkDataRoutes(data: DingtalkFakeData): Record<string, (req: RecordedRequest) => FakeAnswer> {
  return {
    '/topapi/v2/user/getuserinfo': (req) => {
      const code = String((req.body as { code?: string }).code);
      const userid = data.authCodes.get(code);
      if (!userid) return err(40078, '不存在的临时授权码');
      data.authCodes.delete(code);
      return ok({ result: { userid, unionid: `union-${userid}`, name: data.users.find((u) => u.userid === userid)?.name } });
    },
    '/attendance/list': (req) => {
      const body = req.body as { workDateFrom: string; workDateTo: string; userIdList: string[]; offset: number; limit: number };
      if (!body.userIdList?.length || body.userIdList.length > 50) return err(400, 'userIdList 须为 1–50 人');
      const from = parseWorkDate(body.workDateFrom);
      const to = parseWorkDate(body.workDateTo);
      if (!(to >= from) || to - from > 7 * DAY_MS) return err(400, '查询的时间跨度不能超过 7 天');
      if (!(body.limit >= 1 && body.limit <= 50) || !(body.offset >= 0)) return err(400, 'limit 须为 1–50');
      const users = new Set(body.userIdList);
      const all = data.attendance.filter((r) => users.has(r.userId) && r.workDate >= from && r.workDate <= to);
      return ok({ recordresult: all.slice(body.offset, body.offset + body.limit), hasMore: body.offset + body.limit < all.length });
    },
    '/topapi/attendance/getleavestatus': (req) => {
      const body = req.body as { userid_list: string; start_time: number; end_time: number; offset: number; size: number };
      const users = new Set(String(body.userid_list ?? '').split(',').filter(Boolean));
      if (users.size === 0 || users.size > 100) return err(400, 'userid_list 须为 1–100 人');
      if (!(body.end_time >= body.start_time) || body.end_time - body.start_time > 180 * DAY_MS) return err(400, '时间跨度不能超过 180 天');
      if (!(body.size >= 1 && body.size <= 20)) return err(400, 'size 须为 1–20');
      const all = (data.leaves ?? []).filter((l) => users.has(l.userid) && l.end_time >= body.start_time && l.start_time <= body.end_time);
      return ok({ result: { leave_status: all.slice(body.offset, body.offset + body.size), has_more: body.offset + body.size < all.length } });
    },
    '/topapi/v2/department/get': (req) => {
      const dept = data.departments.find((d) => d.dept_id === (req.body as { dept_id: number }).dept_id);
      return dept ? ok({ result: dept }) : err(60003, '部门不存在');
    },
    '/topapi/v2/department/listsub': (req) => {
      const parent = (req.body as { dept_id: number }).dept_id;
      return ok({ result: data.departments.filter((d) => d.parent_id === parent) });
    },
    '/topapi/v2/user/list': (req) => {
      const body = req.body as { dept_id: number; cursor: number; size: number };
      if (!(body.size >= 1 && body.size <= 100)) return err(400, 'size 须为 1–100');
      const all = data.users.filter((u) => u.dept_id_list.includes(body.dept_id));
      const page = all.slice(body.cursor, body.cursor + body.size);
      const more = body.cursor + body.size < all.length;
      return ok({ result: { has_more: more, ...(more && { next_cursor: body.cursor + body.size }), list: page } });
    },
  };
}
