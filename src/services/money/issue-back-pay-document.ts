// Generates one back-pay document for an employee (社保补缴申报表, 说明函 or 跨年补缴影响说明) from the
// calculator, stores the PDF and ledgers it under ('employee', id), so the employee's evidence
// pack holds it; the audit event records what was computed. A result from an unverified policy
// period carries 「政策数据未经核实：…」 in the document itself.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { backPayDocumentContent } from '../../documents/back-pay/back-pay-document-content.ts';
import { BACK_PAY_DOCUMENT_TITLES, type BackPayDocumentKind } from '../../documents/back-pay/back-pay-document-kinds.ts';
import { renderDocumentPdf } from '../../documents/render-pdf.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { storeFile } from '../files/store-file.ts';
import { calculateBackPay } from './calculate-back-pay.ts';
import { findMoneySubject, type EmployeeRef } from './find-money-subject.ts';

export interface IssuedBackPayDocument {
  kind: BackPayDocumentKind;
  fileName: string;
  mediaType: 'application/pdf';
  sha256: string;
  bytes: Buffer;
}

/** @example const doc = await issueBackPayDocument(deps, { actor, kind: 'letter', employee: { employeeNo: 'E0001' }, from: '2025-05', to: '2025-08', payOn: '2025-09-10', reason: null }); */
export async function issueBackPayDocument(
  deps: ServiceDeps,
  o: { actor: Actor; kind: BackPayDocumentKind; employee: EmployeeRef; from: string; to: string; payOn: string; reason: string | null },
): Promise<IssuedBackPayDocument> {
  authorize(o.actor, 'money.document');
  const backPay = await calculateBackPay(deps, { actor: o.actor, subject: o.employee, from: o.from, to: o.to, payOn: o.payOn });
  const e = await findMoneySubject(deps, o.actor, o.employee);
  const { contractEntity } = await deps.db.employee.findUniqueOrThrow({ where: { id: e.id }, select: { contractEntity: true } });
  const at = deps.now();
  const content = backPayDocumentContent(o.kind, {
    employee: { name: e.name, employeeNo: e.employeeNo, employer: contractEntity }, backPay,
    from: o.from, to: o.to, payOn: o.payOn, reason: o.reason, issuedOn: dayIn(deps.businessTz, at),
  });
  const bytes = await renderDocumentPdf({ ...content, issuedAt: at });
  const title = BACK_PAY_DOCUMENT_TITLES[o.kind];
  const sha256 = await deps.db.$transaction(async (tx) => {
    const stored = await storeFile(deps, tx, { bytes, mediaType: 'application/pdf' });
    await appendEvidence(tx, {
      type: 'money.document', subjectType: 'employee', subjectId: e.id, employeeId: e.id,
      payload: { kind: 'file', sha256: stored.sha256, mediaType: 'application/pdf' },
      metadata: { kind: o.kind, title, from: o.from, to: o.to, payOn: o.payOn, verified: backPay.verified }, at,
    });
    await writeAuditEvent(tx, o.actor, { type: 'money.document_issued', data: { kind: o.kind, title, from: o.from, to: o.to, payOn: o.payOn, documentSha256: stored.sha256, verified: backPay.verified } }, { type: 'employee', id: e.id });
    return stored.sha256;
  });
  // The entry is committed; a failed seal is covered by the next one.
  await sealTreeHead(deps).catch(() => undefined);
  return { kind: o.kind, fileName: `${title}-${e.name}-${o.from}至${o.to}.pdf`, mediaType: 'application/pdf', sha256, bytes };
}
