// An HR manager changes the incentive point rules; the fields not given keep their value. Written
// with its audit event in one transaction. Awards already made keep their points.
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { parsePointRules, POINT_RULES_KEY, pointRulesLabels, pointRulesSchema, type PointRules } from '../../domain/points/point-rules.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example await setPointRules(deps, { actor, input: { quizPass: 3 } }) // → the full rules */
export async function setPointRules(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor; input: unknown }): Promise<PointRules> {
  authorize(o.actor, 'points.configure');
  const parsed = pointRulesSchema.partial().safeParse(o.input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => pointRulesLabels[i.path[0] as keyof PointRules] ?? '不认识的项目');
    throw new AppError('validation_failed', `积分规则中「${[...new Set(fields)].join('」「')}」填写有误：分值应是 0 到 100 之间的整数，及格分是 1 到 100 之间的整数，请改正后再保存`);
  }
  return deps.db.$transaction(async (tx) => {
    const meta = await tx.appMeta.findUnique({ where: { key: POINT_RULES_KEY } });
    const before = parsePointRules(meta?.value).rules;
    const after = pointRulesSchema.parse({ ...before, ...parsed.data });
    await tx.appMeta.upsert({ where: { key: POINT_RULES_KEY }, create: { key: POINT_RULES_KEY, value: JSON.stringify(after) }, update: { value: JSON.stringify(after) } });
    await writeAuditEvent(tx, o.actor, { type: 'points.rules_changed', data: { before, after } }, { type: 'company', id: POINT_RULES_KEY });
    return after;
  });
}
