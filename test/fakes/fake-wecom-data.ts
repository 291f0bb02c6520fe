// The read APIs of the WeCom fake: check-in records and the directory, with WeCom's limits.
import type { FakeAnswer, RecordedRequest } from './fake-http-server.ts';

export interface WecomFakeDirectory {
  departments: { id: number; name: string; parentid?: number }[];
  users: { userid: string; name: string; mobile?: string; department: number[]; status?: number }[];
}

export interface WecomFakeCheckin {
  userid: string;
  checkin_type: string;
  exception_type: string;
  checkin_time: number;
}

/** A leave request in the fake 审批 app (record_type 1; sp_status 2 unless revoked). */
export interface WecomFakeLeave {
  spNo: string;
  userid: string;
  kind: string;
  /** Seconds since epoch. */
  submitTime: number;
  begin: number;
  end: number;
  /** 2 已通过 (default); 6 通过后撤销: the employee or an admin revoked it after approval. */
  spStatus?: number;
}

const ok = (body: Record<string, unknown>): FakeAnswer => ({ body: { errcode: 0, errmsg: 'ok', ...body } });
const err = (errcode: number, errmsg: string): FakeAnswer => ({ body: { errcode, errmsg } });

export function createWecomDataRoutes(directory: WecomFakeDirectory, checkins: WecomFakeCheckin[], leaves: WecomFakeLeave[] = []): Record<string, (req: RecordedRequest) => FakeAnswer> {
  const descendants = (id: number): number[] => [id, ...directory.departments.filter((d) => d.parentid === id).flatMap((d) => descendants(d.id))];
  return {
    '/cgi-bin/checkin/getcheckindata': (req) => {
      const body = req.body as { starttime: number; endtime: number; useridlist: string[]; opencheckindatatype: number };
      if (!Array.isArray(body.useridlist) || body.useridlist.length === 0) return err(40058, 'useridlist missing');
      if (body.useridlist.length > 100) return err(40058, 'useridlist exceeds 100 users');
      if (body.endtime < body.starttime || body.endtime - body.starttime > 30 * 86_400) return err(40058, 'time span exceeds 30 days');
      const users = new Set(body.useridlist);
      return ok({ checkindata: checkins.filter((c) => users.has(c.userid) && c.checkin_time >= body.starttime && c.checkin_time <= body.endtime) });
    },
    '/cgi-bin/oa/getapprovalinfo': (req) => {
      const body = req.body as { starttime: string; endtime: string; new_cursor?: string; size: number; filters?: { key: string; value: string }[] };
      const start = Number(body.starttime);
      const end = Number(body.endtime);
      if (!(end >= start) || end - start > 31 * 86_400) return err(301025, 'time span exceeds 31 days');
      if (!(body.size >= 1 && body.size <= 100)) return err(301025, 'size must be 1–100');
      const filters = new Map((body.filters ?? []).map((f) => [f.key, f.value]));
      if (filters.get('record_type') !== '1') return ok({ sp_no_list: [], new_next_cursor: '' });
      const status = filters.get('sp_status');
      const listed = leaves.filter((l) => l.submitTime >= start && l.submitTime <= end && (!status || String(l.spStatus ?? 2) === status));
      return ok({ sp_no_list: listed.map((l) => l.spNo), new_next_cursor: '' });
    },
    '/cgi-bin/oa/getapprovaldetail': (req) => {
      const leave = leaves.find((l) => l.spNo === (req.body as { sp_no: string }).sp_no);
      if (!leave) return err(301025, 'invalid sp_no');
      const vacation = { selector: { options: [{ value: [{ text: leave.kind }] }] }, attendance: { date_range: { new_begin: leave.begin, new_end: leave.end } } };
      return ok({ info: { sp_no: leave.spNo, sp_status: leave.spStatus ?? 2, applyer: { userid: leave.userid }, apply_data: { contents: [{ control: 'Vacation', value: { vacation } }] } } });
    },
    '/cgi-bin/department/list': () => ok({ department: directory.departments }),
    '/cgi-bin/user/list': (req) => {
      const id = Number(req.query.department_id);
      if (!directory.departments.some((d) => d.id === id)) return err(60123, 'invalid department id');
      const ids = new Set(req.query.fetch_child === '1' ? descendants(id) : [id]);
      return ok({ userlist: directory.users.filter((u) => u.department.some((d) => ids.has(d))) });
    },
  };
}
