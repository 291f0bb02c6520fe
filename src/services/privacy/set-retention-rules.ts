// HR managers and admins set how long personal data is kept (AppMeta 'retention.rules'). The
// statutory minimums are in the schema: a shorter period is refused, naming the law.
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { parseRetentionRules, RETENTION_RULES_KEY, retentionRulesSchema, type RetentionRules } from '../../domain/privacy/retention-rules.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example await setRetentionRules(deps, { actor, input: { locationDays: 60 } }) // → the full rules */
export async function setRetentionRules(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor; input: unknown }): Promise<RetentionRules> {
  authorize(o.actor, 'retention.configure');
  const parsed = retentionRulesSchema.partial().safeParse(o.input);
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((i) => i.message).join('；'));
  return deps.db.$transaction(async (tx) => {
    const meta = await tx.appMeta.findUnique({ where: { key: RETENTION_RULES_KEY } });
    const before = parseRetentionRules(meta?.value).rules;
    const after = retentionRulesSchema.parse({ ...before, ...parsed.data });
    await tx.appMeta.upsert({ where: { key: RETENTION_RULES_KEY }, create: { key: RETENTION_RULES_KEY, value: JSON.stringify(after) }, update: { value: JSON.stringify(after) } });
    await writeAuditEvent(tx, o.actor, { type: 'retention.settings_changed', data: { before, after } }, { type: 'company', id: RETENTION_RULES_KEY });
    return after;
  });
}
