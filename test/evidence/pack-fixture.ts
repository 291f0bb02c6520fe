// A small ledger about one employee for the evidence pack tests: a signed declaration (PDF +
// drawn PNG signature), an uploaded proof (row payload), an approval decision, audit events with
// IP and device, and one entry of another employee that must stay out of the pack.
import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { appendEvidence } from '../../src/services/evidence/append-evidence.ts';
import { writeAuditEvent } from '../../src/services/audit/write-audit-event.ts';
import { makeActor } from '../helpers/factories.ts';
import { makeDecision, storeDocument } from './ledger-fixture.ts';

export const DECLARATION_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% 社保例外声明（测试）\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const SIGNATURE_PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('drawn signature strokes')]);
export const PROOF_JPEG = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.from('pension certificate scan'), Buffer.from('ffd9', 'hex')]);
export const DEVICE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) wxwork/4.1';

export async function seedPackLedger(deps: ServiceDeps) {
  const { employee, actor: employeeActor } = await makeActor(deps, ['EMPLOYEE']);
  const { employee: other } = await makeActor(deps, ['EMPLOYEE']);
  const { actor: hr } = await makeActor(deps, ['HR_SPECIALIST']);
  const exceptionId = randomUUID();
  const at = new Date('2026-12-01T03:04:05.678Z');
  const onPhone = { ...employeeActor, ip: '203.0.113.7', userAgent: DEVICE };

  const pdf = await storeDocument(deps, DECLARATION_PDF);
  const png = await storeDocument(deps, SIGNATURE_PNG, 'image/png');
  const signatureId = randomUUID();
  await deps.db.$transaction(async (tx) => {
    const { index } = await appendEvidence(tx, {
      type: 'signature', subjectType: 'insurance_exception', subjectId: exceptionId, employeeId: employee.id,
      payload: { kind: 'file', sha256: pdf, mediaType: 'application/pdf' }, metadata: { template: 'insurance-exception-declaration@1' }, at,
    });
    await tx.signature.create({
      data: {
        id: signatureId, employeeId: employee.id, template: 'insurance-exception-declaration@1', subjectType: 'insurance_exception', subjectId: exceptionId,
        typedName: employee.name, statement: '本人自愿……', signatureSha256: png, documentSha256: pdf, platform: 'sandbox', ip: onPhone.ip, userAgent: DEVICE, signedAt: at, evidenceIndex: index,
      },
    });
    await writeAuditEvent(tx, onPhone, { type: 'declaration.signed', data: { signatureId, template: 'insurance-exception-declaration@1', subjectType: 'insurance_exception', subjectId: exceptionId, documentSha256: pdf } }, { type: 'insurance_exception', id: exceptionId });
  });

  const jpeg = await storeDocument(deps, PROOF_JPEG, 'image/jpeg');
  const proof = await deps.db.proof.create({
    data: { employeeId: employee.id, exceptionId, kind: 'PENSION_CERTIFICATE', fileSha256: jpeg, fileName: '退休证.JPG', mediaType: 'image/jpeg', size: PROOF_JPEG.length, uploadedById: employee.id, ip: onPhone.ip, userAgent: DEVICE, uploadedAt: at },
  });
  await deps.db.$transaction(async (tx) => {
    const { index } = await appendEvidence(tx, {
      type: 'proof', subjectType: 'insurance_exception', subjectId: exceptionId, employeeId: employee.id, payload: { kind: 'row', table: 'Proof', id: proof.id }, metadata: {}, at,
    });
    await tx.proof.update({ where: { id: proof.id }, data: { evidenceIndex: index } });
    await writeAuditEvent(tx, onPhone, { type: 'proof.uploaded', data: { proofId: proof.id, kind: 'PENSION_CERTIFICATE', sha256: jpeg, size: PROOF_JPEG.length, mediaType: 'image/jpeg' } }, { type: 'employee', id: employee.id });
  });

  const decision = await makeDecision(deps);
  await deps.db.$transaction((tx) =>
    appendEvidence(tx, { type: 'approval.decision', subjectType: 'insurance_exception', subjectId: exceptionId, employeeId: employee.id, payload: { kind: 'row', table: 'ApprovalDecision', id: decision.id }, metadata: { step: 0 }, at }),
  );
  const otherDoc = await storeDocument(deps, Buffer.from('%PDF-1.7\n另一位员工的文件\n%%EOF\n'));
  await deps.db.$transaction((tx) =>
    appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: other.id, employeeId: other.id, payload: { kind: 'file', sha256: otherDoc, mediaType: 'application/pdf' }, metadata: {}, at }),
  );
  return { employee, employeeActor, other, hr, exceptionId, signatureId, proofId: proof.id, pdf, png, jpeg };
}
