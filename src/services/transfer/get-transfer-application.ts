// The stored application form of a case, for HR (it carries the employee's full ID number, so
// opening it is audited like every full read).
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

/**
 * @example const file = await getTransferApplication(deps, { actor, transferId }); // → { bytes, mediaType, fileName }
 */
export async function getTransferApplication(deps: ServiceDeps, o: { actor: Actor; transferId: string }): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  authorize(o.actor, 'transfer.manage');
  const t = await deps.db.pensionTransfer.findUnique({ where: { id: o.transferId }, select: { employeeId: true, applicationSha256: true } });
  if (!t?.applicationSha256) throw new AppError('not_found', '还没有生成申请表，请先在「转移接续」中生成');
  const e = await deps.db.employee.findUniqueOrThrow({ where: { id: t.employeeId }, select: { name: true, employeeNo: true, idNumberEnc: true } });
  if (e.idNumberEnc) {
    await deps.db.$transaction((tx) => writeAuditEvent(tx, o.actor, { type: 'employee.personal_data_read', data: { employeeNo: e.employeeNo, fields: ['idNumber'], purpose: 'pension transfer application download' } }, { type: 'employee', id: t.employeeId }));
  }
  return { bytes: await deps.files.get(t.applicationSha256), mediaType: 'application/pdf', fileName: `基本养老保险关系转移接续申请表-${e.name}.pdf` };
}
