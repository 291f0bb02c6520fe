// Writes that create and update share: department by name, manager by employee number,
// roles and platform identities. All run inside the caller's transaction.
import type { Tx } from '../../db/client.ts';
import type { Platform, Role } from '../../generated/prisma/client.ts';
import { AppError } from '../../errors.ts';

export async function ensureDepartment(tx: Tx, name: string): Promise<string> {
  const dept = await tx.department.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
  return dept.id;
}

export async function resolveManagerId(tx: Tx, managerEmployeeNo: string | null | undefined, selfNo?: string): Promise<string | null | undefined> {
  if (managerEmployeeNo === undefined) return undefined;
  if (managerEmployeeNo === null) return null;
  if (managerEmployeeNo === selfNo) throw new AppError('validation_failed', '直属上级不能是本人');
  const manager = await tx.employee.findUnique({ where: { employeeNo: managerEmployeeNo }, select: { id: true } });
  if (!manager) throw new AppError('validation_failed', `直属上级工号 ${managerEmployeeNo} 不存在`);
  return manager.id;
}

export async function replaceRoles(tx: Tx, employeeId: string, roles: Role[]): Promise<void> {
  await tx.roleAssignment.deleteMany({ where: { employeeId, role: { notIn: roles } } });
  await tx.roleAssignment.createMany({ data: roles.map((role) => ({ employeeId, role })), skipDuplicates: true });
}

export async function replaceIdentities(tx: Tx, employeeId: string, identities: Partial<Record<Platform, string>>): Promise<void> {
  for (const [platform, userId] of Object.entries(identities) as [Platform, string][]) {
    const taken = await tx.platformIdentity.findUnique({ where: { platform_userId: { platform, userId } } });
    if (taken && taken.employeeId !== employeeId) {
      throw new AppError('conflict', `${platform === 'wecom' ? '企业微信' : platform === 'dingtalk' ? '钉钉' : '聊天'}账号 ${userId} 已绑定到另一名员工，请先解除原绑定`);
    }
    await tx.platformIdentity.upsert({
      where: { platform_employeeId: { platform, employeeId } },
      create: { platform, userId, employeeId },
      update: { userId },
    });
  }
}

/** A mobile or ID number may belong to one employee only (found through the keyed hash). */
export async function assertPersonalDataFree(
  tx: Tx,
  sealed: { mobileHash?: string; idNumberHash?: string },
  employeeId?: string,
): Promise<void> {
  const checks = [
    { field: 'mobileHash' as const, label: '手机号', hash: sealed.mobileHash },
    { field: 'idNumberHash' as const, label: '身份证号', hash: sealed.idNumberHash },
  ];
  for (const { field, label, hash } of checks) {
    if (!hash) continue;
    const owner = await tx.employee.findFirst({ where: { [field]: hash }, select: { id: true, employeeNo: true } });
    if (owner && owner.id !== employeeId) throw new AppError('conflict', `${label}已被工号 ${owner.employeeNo} 使用`);
  }
}
