// An employee's points history, newest first, with the total: one's own, or anyone's for HR.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { pointRuleLabels, type PointRule } from '../../domain/points/point-events.ts';
import type { MyPointsView } from '../../domain/views/points.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example (await listPoints(deps, { actor })).total // 4 */
export async function listPoints(deps: Pick<ServiceDeps, 'db' | 'businessTz'>, o: { actor: Actor; employeeId?: string }): Promise<MyPointsView> {
  const scope = authorize(o.actor, 'points.read');
  // The admin token is nobody: it has no points of its own.
  if (!o.employeeId && o.actor.kind !== 'employee') throw new AppError('bad_request', '请指定要查看积分的员工');
  const employeeId = o.employeeId ?? o.actor.id;
  if (scope !== 'all' && employeeId !== o.actor.id) throw new AppError('not_found', '找不到这位员工的积分记录');
  const awards = await deps.db.pointAward.findMany({ where: { employeeId }, orderBy: [{ awardedAt: 'desc' }, { id: 'asc' }] });
  return {
    total: awards.reduce((n, a) => n + a.points, 0),
    items: awards.map((a) => ({
      id: a.id, rule: a.rule, ruleLabel: pointRuleLabels[a.rule as PointRule] ?? '积分调整', points: a.points, reason: a.reason, awardedOn: dayIn(deps.businessTz, a.awardedAt),
    })),
  };
}
