// Departments (breadth-first from the root, listsub) and their users (user/list, cursor pages).
import type { PlatformDepartment, PlatformDirectory, PlatformUser } from '../directory.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

interface DingtalkDept {
  dept_id: number;
  name: string;
  parent_id?: number;
}

interface DingtalkUser {
  userid: string;
  name: string;
  mobile?: string;
  job_number?: string;
  title?: string;
  dept_id_list?: number[];
  active?: boolean;
}

const ROOT = 1;

export async function getDingtalkDirectory(api: DingtalkApi): Promise<PlatformDirectory> {
  const root = await api.callOld<{ result: DingtalkDept }>({ api: 'topapi/v2/department/get', method: 'POST', path: '/topapi/v2/department/get', data: { dept_id: ROOT } });
  const departments: PlatformDepartment[] = [{ id: String(ROOT), name: root.result.name }];
  for (let i = 0; i < departments.length; i++) {
    const parent = Number((departments[i] as PlatformDepartment).id);
    const res = await api.callOld<{ result?: DingtalkDept[] }>({ api: 'topapi/v2/department/listsub', method: 'POST', path: '/topapi/v2/department/listsub', data: { dept_id: parent } });
    for (const d of res.result ?? []) departments.push({ id: String(d.dept_id), name: d.name, parentId: String(parent) });
  }
  const users = new Map<string, PlatformUser>();
  for (const dept of departments) {
    for (let cursor = 0, more = true; more; ) {
      const data = { dept_id: Number(dept.id), cursor, size: 100 };
      const res = await api.callOld<{ result: { has_more: boolean; next_cursor?: number; list?: DingtalkUser[] } }>({ api: 'topapi/v2/user/list', method: 'POST', path: '/topapi/v2/user/list', data });
      for (const u of res.result.list ?? []) users.set(u.userid, toUser(u));
      more = res.result.has_more && res.result.next_cursor !== undefined;
      cursor = res.result.next_cursor ?? 0;
    }
  }
  return { departments, users: [...users.values()] };
}

function toUser(u: DingtalkUser): PlatformUser {
  return {
    userId: u.userid,
    name: u.name,
    mobile: u.mobile || undefined,
    employeeNo: u.job_number || undefined,
    position: u.title || undefined,
    departmentIds: (u.dept_id_list ?? []).map(String),
    active: u.active !== false,
  };
}
