// Links chat accounts to employees. A platform user is matched by employee number first,
// then by mobile (through the keyed hash: mobiles are never decrypted for this). Employees
// are never created here: the roster (import / API) is the source of truth for who works here.
import type { Actor } from '../../domain/actor.ts';
import { normalizeMobile } from '../../domain/mobile.ts';
import { authorize } from '../../domain/permissions.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import type { DirectoryUser } from './directory-user.ts';

export interface DirectorySyncResult {
  linked: number;
  alreadyLinked: number;
  unmatched: { userId: string; name: string }[];
  conflicts: { userId: string; name: string; reason: string }[];
}

export async function syncDirectory(
  deps: ServiceDeps,
  opts: { actor: Actor; platform: 'wecom' | 'dingtalk'; users: DirectoryUser[] },
): Promise<DirectorySyncResult> {
  authorize(opts.actor, 'employee.update');
  const { db, cipher } = deps;
  const users = opts.users.map((u) => ({ ...u, mobileHash: u.mobile && normalizeMobile(u.mobile) ? cipher.lookupHash('mobile', normalizeMobile(u.mobile)!) : undefined }));
  const [byNo, byMobile, identities] = await Promise.all([
    db.employee.findMany({ where: { employeeNo: { in: users.flatMap((u) => (u.employeeNo ? [u.employeeNo] : [])) } }, select: { id: true, employeeNo: true } }),
    db.employee.findMany({ where: { mobileHash: { in: users.flatMap((u) => (u.mobileHash ? [u.mobileHash] : [])) } }, select: { id: true, mobileHash: true } }),
    db.platformIdentity.findMany({ where: { platform: opts.platform }, select: { userId: true, employeeId: true } }),
  ]);
  const employeeByNo = new Map(byNo.map((e) => [e.employeeNo, e.id]));
  const employeeByMobile = new Map(byMobile.map((e) => [e.mobileHash, e.id]));
  const linkedUser = new Map(identities.map((i) => [i.userId, i.employeeId]));
  const linkedEmployee = new Map(identities.map((i) => [i.employeeId, i.userId]));
  const result: DirectorySyncResult = { linked: 0, alreadyLinked: 0, unmatched: [], conflicts: [] };
  const toLink: { userId: string; employeeId: string }[] = [];
  for (const u of users) {
    const employeeId = (u.employeeNo && employeeByNo.get(u.employeeNo)) || (u.mobileHash && employeeByMobile.get(u.mobileHash)) || undefined;
    if (!employeeId) {
      if (!linkedUser.has(u.userId)) result.unmatched.push({ userId: u.userId, name: u.name });
      else result.alreadyLinked++;
    } else if (linkedUser.get(u.userId) === employeeId) result.alreadyLinked++;
    else if (linkedUser.has(u.userId)) result.conflicts.push({ userId: u.userId, name: u.name, reason: '该账号已绑定到另一名员工' });
    else if (linkedEmployee.has(employeeId)) result.conflicts.push({ userId: u.userId, name: u.name, reason: `该员工已绑定账号 ${linkedEmployee.get(employeeId)}` });
    else {
      toLink.push({ userId: u.userId, employeeId });
      linkedEmployee.set(employeeId, u.userId);
    }
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.platformIdentity.createMany({ data: toLink.map((l) => ({ ...l, platform: opts.platform })), skipDuplicates: true });
    result.linked = count;
    await writeAuditEvent(tx, opts.actor, {
      type: 'directory.synced',
      data: { platform: opts.platform, linked: count, alreadyLinked: result.alreadyLinked, unmatched: result.unmatched.length, conflicts: result.conflicts.length },
    }, { type: 'company', id: opts.platform });
  });
  return result;
}
