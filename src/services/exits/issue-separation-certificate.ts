// The separation certificate (离职证明), due at termination (劳动合同法 第五十条): the agreed
// contract term (as recorded, never start → exit), 解除 or 终止 as it was, the termination date,
// position and years of service counted inclusively (劳动合同法实施条例 第二十四条), never the
// reason, so it cannot hurt the leaver's next job. It is the employee's own document, so it
// carries the full ID number; that decryption is audited like every full read. Issued as a PDF,
// stored and ledgered; issuing it closes the checklist item.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { contractEnding } from '../../domain/exits/contract-ending.ts';
import { contractTermLabel, separationCertificateContent, serviceLength } from '../../domain/exits/exit-documents.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { issueExitDocument, sealExitEvidence } from './exit-evidence.ts';
import { loadExitEmployee } from './exit-facts.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitCaseForHr } from './lock-exit-process.ts';
import { markExitTaskDoneInTx } from './complete-exit-task.ts';

/**
 * @example const { documentSha256 } = await issueSeparationCertificate(deps, { processId, actor });
 */
export async function issueSeparationCertificate(deps: ServiceDeps, o: { processId: string; actor: Actor }): Promise<{ documentSha256: string; created: boolean; text: string }> {
  authorize(o.actor, 'exit.manage');
  const result = await deps.db.$transaction(async (tx) => {
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    const existing = await tx.exitStep.findUnique({ where: { processId_kind: { processId: p.id, kind: 'separation_certificate' } } });
    if (existing?.documentSha256) return { documentSha256: existing.documentSha256, created: false, text: '离职证明已出具' };
    const employee = await loadExitEmployee(tx, p.employeeId);
    const row = await tx.employee.findUniqueOrThrow({
      where: { id: p.employeeId },
      select: { exitDate: true, idNumberEnc: true, contractStart: true, contractEnd: true, birthDate: true, sex: true, retirementCategory: true },
    });
    const exitDate = formatDay(p.exitDate ?? row.exitDate);
    if (employee.status !== 'EXITED' || !exitDate) throw new AppError('conflict', `${employee.name} 尚未办理离职，不能出具离职证明`);
    const now = deps.now();
    const { rules } = await loadExitSettings(tx);
    const contractEnd = formatDay(row.contractEnd);
    const ending = contractEnding({ kind: p.kind, exitDate, contractEnd, birthDate: formatDay(row.birthDate), sex: row.sex, retirementCategory: row.retirementCategory });
    const content = separationCertificateContent({
      name: employee.name, employeeNo: employee.employeeNo, idNumber: row.idNumberEnc ? deps.cipher.decrypt(row.idNumberEnc) : null, position: employee.position,
      startDate: employee.startDate, exitDate, contractTerm: contractTermLabel(formatDay(row.contractStart), contractEnd), ending,
      serviceYears: serviceLength(employee.startDate, exitDate), issuedOn: dayIn(deps.businessTz, now),
    }, rules);
    if (row.idNumberEnc) {
      await writeAuditEvent(tx, o.actor, { type: 'employee.personal_data_read', data: { employeeNo: employee.employeeNo, fields: ['idNumber'], purpose: 'separation certificate' } }, { type: 'employee', id: employee.id });
    }
    const documentSha256 = await issueExitDocument(deps, tx, { processId: p.id, employeeId: p.employeeId, document: 'separation_certificate', content, at: now });
    await tx.exitStep.create({ data: { processId: p.id, employeeId: p.employeeId, kind: 'separation_certificate', documentSha256, sentAt: now, sentById: o.actor.id, sentByName: o.actor.name } });
    await writeAuditEvent(tx, o.actor, { type: 'exit.document_issued', data: { processId: p.id, document: 'separation_certificate', documentSha256 } }, { type: 'exit_process', id: p.id });
    const task = await tx.exitTask.findUnique({ where: { uniqueKey: `${p.id}:separation_certificate` } });
    if (task && task.state === 'OPEN') await markExitTaskDoneInTx(deps, tx, { task, actor: o.actor, note: '已生成离职证明' });
    return { documentSha256, created: true, text: `已出具 ${employee.name} 的离职证明` };
  });
  await sealExitEvidence(deps);
  return result;
}
