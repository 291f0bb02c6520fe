// A stored rule's PDF, for every employee (the rule must be made known to them, 劳动合同法 第四条);
// the adoption minutes only for HR.
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';

/**
 * @example const file = await getCompanyRuleFile(deps, { actor, ruleId, part: 'document' }); // → { bytes, mediaType, fileName }
 */
export async function getCompanyRuleFile(deps: ServiceDeps, o: { actor: Actor; ruleId: string; part: 'document' | 'minutes' }) {
  const rule = await deps.db.companyRule.findUnique({ where: { id: o.ruleId } });
  const mayRead = o.part === 'document' || scopeOf(o.actor, 'company_rule.manage') === 'all';
  if (!rule || !mayRead) throw new AppError('not_found', '找不到该文件');
  const sha256 = o.part === 'document' ? rule.documentSha256 : rule.minutesSha256;
  const stored = await deps.db.storedFile.findUniqueOrThrow({ where: { sha256 }, select: { mediaType: true } });
  return { bytes: await deps.files.get(sha256), mediaType: stored.mediaType, fileName: o.part === 'document' ? rule.documentName : rule.minutesName };
}
