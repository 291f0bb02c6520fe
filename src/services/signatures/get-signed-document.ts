// The signed PDF, for the signer (free, at any time: 人社部《电子劳动合同订立指引》) and HR roles.
// Anyone else gets the same 404 as for an unknown id.
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { findTemplate } from './find-template.ts';

/**
 * @example
 *   const { bytes, fileName } = await getSignedDocument(deps, { actor, signatureId });
 */
export async function getSignedDocument(deps: ServiceDeps, opts: { actor: Actor; signatureId: string }): Promise<{ bytes: Buffer; mediaType: 'application/pdf'; fileName: string }> {
  const signature = await deps.db.signature.findUnique({ where: { id: opts.signatureId } });
  const own = signature !== null && opts.actor.kind === 'employee' && signature.employeeId === opts.actor.id;
  if (!signature || (!own && scopeOf(opts.actor, 'signature.read') !== 'all')) throw new AppError('not_found', '找不到该签署文件');
  const bytes = await deps.files.get(signature.documentSha256);
  const title = titleOf(signature.template);
  return { bytes, mediaType: 'application/pdf', fileName: `${title}-${signature.typedName}.pdf` };
}

export function titleOf(key: string): string {
  try {
    return findTemplate(key.split('@')[0] ?? '').title;
  } catch {
    return '签署文件';
  }
}
