// The employee signs a declaration on the phone. Identity: the platform-authenticated session
// (only the employee concerned, never HR on their behalf). Intent: they re-type their name and
// tick the statement. The server renders the PDF with the drawn signature, stores both files,
// and appends the PDF's SHA-256 to the evidence ledger, so any later change is detectable
// (《电子签名法》第十三条、第十四条; 人社部《电子劳动合同订立指引》2021).
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { checkSignatureInk } from '../../domain/signatures/signature-ink.ts';
import { templateKey } from '../../documents/declaration-templates.ts';
import { renderDocumentPdf } from '../../documents/render-pdf.ts';
import { AppError } from '../../errors.ts';
import type { Platform } from '../../generated/prisma/enums.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { storeFile } from '../files/store-file.ts';
import { afterSigning } from './after-signing.ts';
import { findTemplate, normalizeName } from './find-template.ts';

export interface SignDeclarationOptions {
  actor: Actor;
  platform: Platform;
  /** Template id without version, e.g. 'insurance-exception-declaration'. */
  template: string;
  subjectId: string;
  typedName: string;
  statementAccepted: boolean;
  signaturePng: Buffer;
  ip?: string;
  userAgent?: string;
}

export const ALREADY_SIGNED = '已签署：该声明不能重复签署，可在「我的文件」中查看';

/**
 * @example
 *   const { signatureId } = await signDeclaration(deps, { actor, platform: 'wecom', template: 'insurance-exception-declaration', subjectId, typedName: '张三', statementAccepted: true, signaturePng });
 */
export async function signDeclaration(deps: ServiceDeps, opts: SignDeclarationOptions): Promise<{ signatureId: string; documentSha256: string; evidenceIndex: number }> {
  const { actor } = opts;
  if (actor.kind !== 'employee') throw new AppError('forbidden', '声明只能由员工本人登录后签署');
  const template = findTemplate(opts.template);
  const subject = await template.subjectOf(deps, opts.subjectId, actor.id);
  if (!subject) throw new AppError('not_found', '找不到要签署的声明');
  if (subject.employeeId !== actor.id) throw new AppError('forbidden', '只能由员工本人签署，他人（包括人事）不能代签');
  if (subject.closed) throw new AppError('illegal_transition', `${subject.closed}，无需签署`);
  if (opts.statementAccepted !== true) throw new AppError('validation_failed', '请阅读并勾选确认声明');
  const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  const typedName = normalizeName(opts.typedName);
  if (typedName !== normalizeName(employee.name)) throw new AppError('validation_failed', '请输入与本人姓名一致的姓名');
  checkSignatureInk(opts.signaturePng);
  const sameSubject = { template: { startsWith: `${template.id}@` }, subjectType: template.subjectType, subjectId: opts.subjectId, employeeId: actor.id };
  if (await deps.db.signature.findFirst({ where: sameSubject, select: { id: true } })) throw new AppError('conflict', ALREADY_SIGNED);

  const signedAt = deps.now();
  const ip = opts.ip ?? actor.ip ?? null;
  const userAgent = opts.userAgent ?? actor.userAgent ?? null;
  const key = templateKey(template);
  const content = await template.load(deps, opts.subjectId, actor.id);
  const pdf = await renderDocumentPdf({
    ...content,
    footer: `${template.title}（模板 ${key}）`,
    signature: { png: opts.signaturePng, typedName, signedAt, ip, userAgent, platform: opts.platform, timeZone: deps.businessTz },
  });
  const signatureId = randomUUID();
  const result = await deps.db.$transaction(async (tx) => {
    // One signer per template and subject: two taps of 确认签署 (or two devices) serialize here.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`signature:${template.id}:${opts.subjectId}:${actor.id}`}, 0))`;
    if (await tx.signature.findFirst({ where: sameSubject, select: { id: true } })) throw new AppError('conflict', ALREADY_SIGNED);
    const png = await storeFile(deps, tx, { bytes: opts.signaturePng, mediaType: 'image/png' });
    const document = await storeFile(deps, tx, { bytes: pdf, mediaType: 'application/pdf' });
    const { index } = await appendEvidence(tx, {
      type: 'signature',
      subjectType: template.subjectType,
      subjectId: opts.subjectId,
      employeeId: actor.id,
      payload: { kind: 'file', sha256: document.sha256, mediaType: 'application/pdf' },
      metadata: { signatureId, template: key, signatureSha256: png.sha256, typedName, ip, ...(actor.forwardedFor && { forwardedFor: actor.forwardedFor }), userAgent, platform: opts.platform },
      at: signedAt,
    });
    await tx.signature.create({
      data: {
        id: signatureId, employeeId: actor.id, template: key, subjectType: template.subjectType, subjectId: opts.subjectId, typedName,
        statement: template.statement, signatureSha256: png.sha256, documentSha256: document.sha256, platform: opts.platform,
        ip, userAgent, signedAt, evidenceIndex: index,
      },
    });
    await writeAuditEvent(tx, { ...actor, ip: ip ?? undefined, userAgent: userAgent ?? undefined }, {
      type: 'declaration.signed',
      data: { signatureId, template: key, subjectType: template.subjectType, subjectId: opts.subjectId, documentSha256: document.sha256 },
    }, { type: 'employee', id: actor.id });
    if (Object.hasOwn(afterSigning, template.id)) await afterSigning[template.id]?.(deps, tx, { subjectId: opts.subjectId, signatureId, actor, signedAt });
    return { signatureId, documentSha256: document.sha256, evidenceIndex: index };
  });
  // Best effort: an entry not yet under a signed head is covered by the next seal.
  await sealTreeHead(deps).catch(() => undefined);
  return result;
}
