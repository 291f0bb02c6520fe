// "我的文件": every declaration the signed-in employee has signed, newest first.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { SignatureView } from '../../domain/views/documents.ts';
import type { ServiceDeps } from '../deps.ts';
import { titleOf } from './get-signed-document.ts';

/**
 * @example
 *   const mine = await listMySignatures(deps, { actor });
 */
export async function listMySignatures(deps: ServiceDeps, opts: { actor: Actor }): Promise<SignatureView[]> {
  if (opts.actor.kind !== 'employee') throw new AppError('forbidden', '「我的文件」只对员工本人开放，请以员工身份登录');
  const rows = await deps.db.signature.findMany({ where: { employeeId: opts.actor.id }, orderBy: { signedAt: 'desc' }, take: 200 });
  return rows.map((r) => ({
    id: r.id, template: r.template, title: titleOf(r.template), subjectType: r.subjectType, subjectId: r.subjectId, typedName: r.typedName,
    signedAt: formatDateTime(deps.businessTz, r.signedAt), platform: r.platform, documentSha256: r.documentSha256,
    evidenceIndex: r.evidenceIndex, documentUrl: `/api/v1/signatures/${r.id}/document`,
  }));
}
