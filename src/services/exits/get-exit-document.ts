// An exit document's PDF, for the employee it concerns and for HR. Anyone else gets 404, as if
// it did not exist. The separation certificate carries the full ID number, so opening it is
// audited like any full read of personal data.
import type { Actor } from '../../domain/actor.ts';
import { stepKindLabels } from '../../domain/exits/exit-states.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

export const exitDocumentKinds = ['return_notice_1', 'return_notice_2', 'termination_notice', 'separation_certificate'] as const;
export type ExitDocumentKind = (typeof exitDocumentKinds)[number];

/**
 * @example const file = await getExitDocument(deps, { actor, processId, kind: 'return_notice_1' }); // → { bytes, mediaType, fileName }
 */
export async function getExitDocument(deps: ServiceDeps, o: { actor: Actor; processId: string; kind: ExitDocumentKind }): Promise<{ bytes: Buffer; mediaType: string; fileName: string }> {
  const scope = scopeOf(o.actor, 'exit.read');
  const step = await deps.db.exitStep.findUnique({ where: { processId_kind: { processId: o.processId, kind: o.kind } } });
  if (!step?.documentSha256 || !scope || (scope !== 'all' && step.employeeId !== o.actor.id)) throw new AppError('not_found', '找不到该文件');
  const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: step.employeeId }, select: { name: true, employeeNo: true, idNumberEnc: true } });
  if (o.kind === 'separation_certificate' && employee.idNumberEnc) {
    await deps.db.$transaction((tx) =>
      writeAuditEvent(tx, o.actor, { type: 'employee.personal_data_read', data: { employeeNo: employee.employeeNo, fields: ['idNumber'], purpose: 'separation certificate download' } }, { type: 'employee', id: step.employeeId }),
    );
  }
  return { bytes: await deps.files.get(step.documentSha256), mediaType: 'application/pdf', fileName: `${stepKindLabels[o.kind]}-${employee.name}.pdf` };
}
