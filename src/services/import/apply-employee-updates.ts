import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { AuditEventInput } from '../../domain/audit-events.ts';
import { AppError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { AuditSubject } from '../audit/write-audit-event.ts';
import { chunk } from './chunk.ts';
import { WRITE_BATCH } from './insert-new-employees.ts';
import type { ChangedEmployee } from './plan-roster-changes.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';

/** Import is HR correcting the roster in bulk: the history records it, the lifecycle table does not gate it. */
const STATUS_REASON = '导入（名册状态）';

/**
 * Writes the changed rows, 500 per UPDATE … FROM (VALUES …). Each row is guarded by the
 * version the plan was made from (compare-and-set): if anyone edited one meanwhile, the
 * whole import rolls back rather than overwrite them.
 */
export async function applyEmployeeUpdates(tx: Tx, actor: Actor, updates: ChangedEmployee[], now: Date, onBatch: (rows: number) => void): Promise<void> {
  for (const batch of chunk(updates, WRITE_BATCH)) {
    const count = await tx.$executeRaw`
      UPDATE "Employee" AS e SET
        "name" = v.name, "mobileEnc" = v.mobile_enc, "mobileHash" = v.mobile_hash, "mobileLast4" = v.mobile_last4,
        "idNumberEnc" = v.id_enc, "idNumberHash" = v.id_hash, "idNumberLast4" = v.id_last4,
        "idType" = v.id_type, "birthDate" = v.birth_date, "sex" = v.sex, "retirementCategory" = v.retirement_category,
        "startDate" = v.start_date, "exitDate" = v.exit_date, "enrolledOn" = v.enrolled_on, "position" = v.position,
        "contractStart" = v.contract_start, "contractEnd" = v.contract_end, "probationEnd" = v.probation_end,
        "departmentId" = v.department_id, "managerId" = v.manager_id, "insuredCity" = v.insured_city,
        "previousInsuredCity" = v.previous_insured_city, "hukouProvince" = v.hukou_province,
        "contractEntity" = v.contract_entity, "monthlyWageFen" = v.wage_fen, "status" = v.status,
        "version" = e."version" + 1, "updatedAt" = ${now.toISOString()}::timestamptz
      FROM (VALUES ${Prisma.join(batch.map(valuesRow))}) AS v(
        id, version, name, mobile_enc, mobile_hash, mobile_last4, id_enc, id_hash, id_last4, id_type, birth_date, sex, retirement_category, start_date, exit_date,
        enrolled_on, position, department_id, manager_id, insured_city, contract_entity, wage_fen, status, contract_start, contract_end, probation_end, previous_insured_city, hukou_province)
      WHERE e.id = v.id AND e.version = v.version`;
    if (count !== batch.length) {
      throw new AppError('conflict', '导入期间有员工记录被他人修改，本次未导入任何数据，请重新导入');
    }
    await replaceChangedRoles(tx, batch);
    await bindIdentities(tx, batch);
    const moved = batch.filter((u) => u.columns.status !== u.statusFrom);
    if (moved.length > 0) {
      await tx.statusChange.createMany({
        data: moved.map((u) => ({ employeeId: u.id, fromStatus: u.statusFrom, toStatus: u.columns.status, reason: STATUS_REASON, actorId: actor.id, actorName: actor.name })),
      });
    }
    const subject = (u: ChangedEmployee): AuditSubject => ({ type: 'employee', id: u.id });
    const events: { event: AuditEventInput; subject: AuditSubject }[] = [
      ...batch.map((u) => ({ event: { type: 'employee.updated' as const, data: { employeeNo: u.employeeNo, fields: u.fields, source: 'import' as const } }, subject: subject(u) })),
      ...moved.map((u) => ({ event: { type: 'employee.status_changed' as const, data: { employeeNo: u.employeeNo, from: u.statusFrom, to: u.columns.status, reason: STATUS_REASON } }, subject: subject(u) })),
    ];
    await writeAuditEvents(tx, actor, events);
    onBatch(batch.length);
  }
}

function valuesRow({ id, version, columns: c }: ChangedEmployee): Prisma.Sql {
  return Prisma.sql`(${id}::uuid, ${version}::int, ${c.name}::text, ${c.mobileEnc}::text, ${c.mobileHash}::text,
    ${c.mobileLast4}::text, ${c.idNumberEnc}::text, ${c.idNumberHash}::text, ${c.idNumberLast4}::text, ${c.idType}::"IdType",
    ${c.birthDate}::date, ${c.sex}::"Sex", ${c.retirementCategory}::"RetirementCategory", ${c.startDate}::date,
    ${c.exitDate}::date, ${c.enrolledOn}::date, ${c.position}::text, ${c.departmentId}::uuid, ${c.managerId}::uuid,
    ${c.insuredCity}::text, ${c.contractEntity}::text, ${c.monthlyWageFen}::int, ${c.status}::"EmployeeStatus",
    ${c.contractStart}::date, ${c.contractEnd}::date, ${c.probationEnd}::date, ${c.previousInsuredCity}::text, ${c.hukouProvince}::text)`;
}

async function replaceChangedRoles(tx: Tx, batch: ChangedEmployee[]): Promise<void> {
  const changed = batch.filter((u) => u.newRoles);
  if (changed.length === 0) return;
  await tx.roleAssignment.deleteMany({ where: { employeeId: { in: changed.map((u) => u.id) } } });
  await tx.roleAssignment.createMany({ data: changed.flatMap((u) => (u.newRoles ?? []).map((role) => ({ employeeId: u.id, role }))) });
}

/** One account per platform per employee: drop the old binding, then add the new one. */
async function bindIdentities(tx: Tx, batch: ChangedEmployee[]): Promise<void> {
  const rows = batch.flatMap((u) => u.identities.map(([platform, userId]) => ({ platform, userId, employeeId: u.id })));
  if (rows.length === 0) return;
  const idsOn = (p: string) => rows.filter((r) => r.platform === p).map((r) => r.employeeId);
  await tx.platformIdentity.deleteMany({
    where: { OR: [{ platform: 'wecom', employeeId: { in: idsOn('wecom') } }, { platform: 'dingtalk', employeeId: { in: idsOn('dingtalk') } }] },
  });
  await tx.platformIdentity.createMany({ data: rows });
}
