// An HR manager changes the KPI scoring rules (targets and points per shortfall); the fields not
// given keep their value. Written with its audit event in one transaction.
import type { Actor } from '../../domain/actor.ts';
import { KPI_SCORING_KEY, kpiScoringLabels, kpiScoringSchema, parseKpiScoring, type KpiScoring } from '../../domain/kpi/kpi-scoring.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example await setKpiScoring(deps, { actor, input: { timelinessPointsPerPct: 3 } }) // → the full rules */
export async function setKpiScoring(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor; input: unknown }): Promise<KpiScoring> {
  authorize(o.actor, 'kpi.configure');
  const parsed = kpiScoringSchema.partial().safeParse(o.input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => kpiScoringLabels[i.path[0] as keyof KpiScoring] ?? '不认识的项目');
    throw new AppError('validation_failed', `考核规则中「${[...new Set(fields)].join('」「')}」填写有误：扣分和百分比目标应是 0 到 100 之间的数字，补缴次数目标是不小于 0 的整数，请改正后再保存`);
  }
  return deps.db.$transaction(async (tx) => {
    const meta = await tx.appMeta.findUnique({ where: { key: KPI_SCORING_KEY } });
    const before = parseKpiScoring(meta?.value).rules;
    const after = kpiScoringSchema.parse({ ...before, ...parsed.data });
    await tx.appMeta.upsert({ where: { key: KPI_SCORING_KEY }, create: { key: KPI_SCORING_KEY, value: JSON.stringify(after) }, update: { value: JSON.stringify(after) } });
    await writeAuditEvent(tx, o.actor, { type: 'kpi.scoring_changed', data: { before, after } }, { type: 'company', id: KPI_SCORING_KEY });
    return after;
  });
}
