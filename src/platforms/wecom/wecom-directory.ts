// department/list + user/list (fetch_child from each visible root): the app's whole visible directory.
import { rootsOf, type PlatformDirectory, type PlatformUser } from '../directory.ts';
import type { WecomApi } from './wecom-api.ts';

interface WecomDepartment {
  id: number;
  name: string;
  parentid?: number;
}

interface WecomUser {
  userid: string;
  name: string;
  mobile?: string;
  position?: string;
  department?: number[];
  /** 1 active, 2 disabled, 4 not activated, 5 left */
  status?: number;
}

export async function getWecomDirectory(api: WecomApi): Promise<PlatformDirectory> {
  const res = await api.call<{ department?: WecomDepartment[] }>({ api: 'department/list', method: 'GET', path: '/cgi-bin/department/list' });
  const departments = (res.department ?? []).map((d) => ({
    id: String(d.id),
    name: d.name,
    parentId: d.parentid ? String(d.parentid) : undefined,
  }));
  const users = new Map<string, PlatformUser>();
  for (const root of rootsOf(departments)) {
    const params = { department_id: root.id, fetch_child: 1 };
    const list = await api.call<{ userlist?: WecomUser[] }>({ api: 'user/list', method: 'GET', path: '/cgi-bin/user/list', params });
    for (const u of list.userlist ?? []) {
      users.set(u.userid, {
        userId: u.userid,
        name: u.name,
        mobile: u.mobile || undefined,
        position: u.position || undefined,
        departmentIds: (u.department ?? []).map(String),
        active: u.status === undefined || u.status === 1 || u.status === 4,
      });
    }
  }
  return { departments, users: [...users.values()] };
}
