// The prefilled 基本养老保险关系转移接续申请表 of a case as a PDF: rendered once, stored in the
// FileStore and ledgered under the employee ('employee', id), so the employee's evidence pack holds
// it. It carries the full ID number, so the decryption is audited like every full read.
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { transferApplicationContent } from '../../domain/transfer/transfer-application.ts';
import { renderDocumentPdf } from '../../documents/render-pdf.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { storeFile } from '../files/store-file.ts';
import { loadTransferView, TRANSFER_NOT_FOUND } from './get-transfer.ts';

/**
 * @example const { documentSha256 } = await issueTransferApplication(deps, { transferId, actor });
 */
export async function issueTransferApplication(deps: ServiceDeps, o: { transferId: string; actor: Actor }): Promise<{ documentSha256: string; created: boolean }> {
  authorize(o.actor, 'transfer.manage');
  const result = await deps.db.$transaction(async (tx) => {
    const t = await tx.pensionTransfer.findUnique({ where: { id: o.transferId } });
    if (!t) throw new AppError('not_found', TRANSFER_NOT_FOUND);
    if (t.applicationSha256) return { documentSha256: t.applicationSha256, created: false };
    const e = await tx.employee.findUniqueOrThrow({
      where: { id: t.employeeId },
      select: { id: true, name: true, employeeNo: true, idNumberEnc: true, sex: true, birthDate: true, hukouProvince: true, contractEntity: true },
    });
    const view = await loadTransferView(deps, tx, t.id);
    const content = transferApplicationContent({
      name: e.name, employeeNo: e.employeeNo, idNumber: e.idNumberEnc ? deps.cipher.decrypt(e.idNumberEnc) : null, sex: e.sex, birthDate: formatDay(e.birthDate),
      hukouProvince: e.hukouProvince, employer: e.contractEntity, fromCity: t.fromCity, toCity: t.toCity, directionLabel: view.directionLabel, startedOn: view.startedOn,
      steps: view.steps, caveat: view.caveat,
    });
    if (e.idNumberEnc) {
      await writeAuditEvent(tx, o.actor, { type: 'employee.personal_data_read', data: { employeeNo: e.employeeNo, fields: ['idNumber'], purpose: 'pension transfer application' } }, { type: 'employee', id: e.id });
    }
    const at = deps.now();
    const bytes = await renderDocumentPdf({ ...content, issuedAt: at });
    const { sha256 } = await storeFile(deps, tx, { bytes, mediaType: 'application/pdf' });
    if (!(await compareAndSet(tx.pensionTransfer, { id: t.id, version: t.version, applicationSha256: null }, { applicationSha256: sha256, version: { increment: 1 } }))) {
      throw new AppError('conflict', '这个案件刚被他人更新，请刷新后重试');
    }
    await appendEvidence(tx, {
      type: 'transfer.application', subjectType: 'employee', subjectId: e.id, employeeId: e.id,
      payload: { kind: 'file', sha256, mediaType: 'application/pdf' }, metadata: { transferId: t.id, title: content.title }, at,
    });
    return { documentSha256: sha256, created: true };
  });
  // The entry is committed; a failed seal is covered by the next one.
  if (result.created) await sealTreeHead(deps).catch(() => undefined);
  return result;
}
