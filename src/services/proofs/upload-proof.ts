// An employee (or HR on their behalf) uploads a proof: a photo or PDF of a pension certificate or
// of the original employer's contributions. One transaction: the file (content-addressed), the
// Proof row, the evidence-ledger entry citing the file's SHA-256, and the audit event; the tree
// head is sealed after commit.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { acceptProofFile } from '../../domain/files/sniff-file-type.ts';
import { authorize } from '../../domain/permissions.ts';
import { checkCoversMonth, cleanFileName, CONSENT_PROOF_KINDS, isProofKind, PROOF_CONSENT_TEXT, PROOF_KINDS, proofKindLabels } from '../../domain/proofs/proof-kinds.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { refreshExceptionRequestCards } from '../exceptions/refresh-exception-request-cards.ts';
import { storeFile } from '../files/store-file.ts';
import { awardOnTimeProof } from '../points/award-on-time-proof.ts';

export interface UploadProofOptions {
  actor: Actor;
  employeeId: string;
  exceptionId?: string;
  kind: string;
  coversMonth?: string;
  fileName: string;
  bytes: Buffer;
  /** The separate consent (个人信息保护法 第二十九条) required for CONSENT_PROOF_KINDS. */
  consent?: boolean;
  ip?: string;
  userAgent?: string;
}

/**
 * @example
 *   const { proofId } = await uploadProof(deps, { actor, employeeId: actor.id, kind: 'PENSION_CERTIFICATE', fileName: '退休证.jpg', bytes });
 */
export async function uploadProof(deps: ServiceDeps, opts: UploadProofOptions): Promise<{ proofId: string; sha256: string; evidenceIndex: number }> {
  const scope = authorize(opts.actor, 'proof.upload');
  // The uploader is recorded as a person (Proof.uploadedById); the admin token is nobody.
  if (opts.actor.kind !== 'employee') throw new AppError('forbidden', '上传证明材料需以员工或人事身份登录（系统记录上传人）');
  if (scope !== 'all' && opts.actor.id !== opts.employeeId) throw new AppError('forbidden', '只能为本人上传证明材料');
  const kind = opts.kind;
  if (!isProofKind(kind)) throw new AppError('validation_failed', `证明类型应为以下之一：${PROOF_KINDS.map((k) => proofKindLabels[k]).join('、')}`);
  const now = deps.now();
  const coversMonth = opts.coversMonth ? checkCoversMonth(opts.coversMonth, dayIn(deps.businessTz, now).slice(0, 7)) : null;
  const mediaType = await acceptProofFile(opts.bytes);
  const needsConsent = CONSENT_PROOF_KINDS.includes(kind);
  if (needsConsent && opts.consent !== true) throw new AppError('validation_failed', `上传「${proofKindLabels[kind]}」前须单独同意处理这些个人信息（《个人信息保护法》第二十九条），请勾选同意后再上传`);
  const consent = needsConsent ? { text: PROOF_CONSENT_TEXT, at: now.toISOString() } : undefined;
  const employee = await deps.db.employee.findUnique({ where: { id: opts.employeeId }, select: { id: true } });
  if (!employee) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
  if (opts.exceptionId) {
    const exception = await deps.db.insuranceException.findUnique({ where: { id: opts.exceptionId }, select: { employeeId: true } });
    if (exception?.employeeId !== employee.id) throw new AppError('not_found', '找不到该员工的这项社保例外申请');
  }
  const fileName = cleanFileName(opts.fileName);
  const ip = opts.ip ?? opts.actor.ip;
  const userAgent = opts.userAgent ?? opts.actor.userAgent;
  const proofId = randomUUID();
  const result = await deps.db.$transaction(async (tx) => {
    const { sha256, size } = await storeFile(deps, tx, { bytes: opts.bytes, mediaType });
    const { index } = await appendEvidence(tx, {
      type: 'proof',
      subjectType: opts.exceptionId ? 'insurance_exception' : 'employee',
      subjectId: opts.exceptionId ?? employee.id,
      employeeId: employee.id,
      payload: { kind: 'file', sha256, mediaType },
      metadata: { proofId, kind, fileName, coversMonth, uploadedBy: { kind: opts.actor.kind, id: opts.actor.id, name: opts.actor.name }, ...(consent && { consent }) },
      at: now,
    });
    await tx.proof.create({
      data: {
        id: proofId, employeeId: employee.id, exceptionId: opts.exceptionId ?? null, kind, fileSha256: sha256, fileName, mediaType, size,
        coversMonth, uploadedById: opts.actor.id, ip, userAgent, uploadedAt: now, evidenceIndex: index,
      },
    });
    // HR's request card shows the proof as on file.
    if (opts.exceptionId) await refreshExceptionRequestCards(deps, tx, { exceptionId: opts.exceptionId });
    await writeAuditEvent(tx, { ...opts.actor, ip, userAgent }, { type: 'proof.uploaded', data: { proofId, kind, sha256, size, mediaType, ...(consent && { consent }) } }, { type: 'employee', id: employee.id });
    // Incentive points (docs/points.md): a re-verification request answered by its deadline.
    if (opts.exceptionId) await awardOnTimeProof(deps, tx, { actor: opts.actor, proofId, employeeId: employee.id, exceptionId: opts.exceptionId, kind, coversMonth });
    return { proofId, sha256, evidenceIndex: index };
  });
  // Best effort: an entry not yet under a signed head is covered by the next seal.
  await sealTreeHead(deps).catch(() => undefined);
  return result;
}
