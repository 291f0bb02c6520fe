// The declaration as the H5 shows it before signing: the same content the PDF is rendered from,
// the checkbox statement, and whether it is already signed. Only the employee concerned and HR
// may read it.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { templateKey, versionOfKey } from '../../documents/declaration-templates.ts';
import { AppError } from '../../errors.ts';
import type { DeclarationView } from '../../domain/views/documents.ts';
import type { ServiceDeps } from '../deps.ts';
import { findTemplate } from './find-template.ts';

/**
 * @example
 *   const view = await getDeclaration(deps, { actor, template: 'insurance-exception-declaration', subjectId });
 */
export async function getDeclaration(deps: ServiceDeps, opts: { actor: Actor; template: string; subjectId: string }): Promise<DeclarationView> {
  const template = findTemplate(opts.template);
  const subject = await template.subjectOf(deps, opts.subjectId, opts.actor.kind === 'employee' ? opts.actor.id : undefined);
  const own = subject !== undefined && opts.actor.kind === 'employee' && subject.employeeId === opts.actor.id;
  if (!subject || (!own && scopeOf(opts.actor, 'signature.read') !== 'all')) throw new AppError('not_found', '找不到要签署的声明');
  const signature = await deps.db.signature.findFirst({
    where: { template: { startsWith: `${template.id}@` }, subjectType: template.subjectType, subjectId: opts.subjectId, employeeId: subject.employeeId },
    select: { id: true, signedAt: true, template: true, statement: true },
  });
  // A signed declaration is shown as signed: its version's text, not today's wording.
  const version = signature ? versionOfKey(template, signature.template) : template.version;
  return {
    template: templateKey(template, version),
    subjectType: template.subjectType,
    subjectId: opts.subjectId,
    employeeId: subject.employeeId,
    content: await template.load(deps, opts.subjectId, subject.employeeId, version),
    statement: signature?.statement ?? template.statement,
    canSign: own && !subject.closed && !signature,
    closed: subject.closed ?? null,
    signed: signature
      ? { signatureId: signature.id, signedAt: formatDateTime(deps.businessTz, signature.signedAt), documentUrl: `/api/v1/signatures/${signature.id}/document` }
      : null,
  };
}
