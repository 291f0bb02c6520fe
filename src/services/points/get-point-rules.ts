// The company's incentive point rules (AppMeta 'points.rules'), the shipped defaults until an HR manager changes them.
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { parsePointRules, POINT_RULES_KEY, type PointRules } from '../../domain/points/point-rules.ts';
import type { Logger } from '../../log.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

/** Inside a transaction (the events that award points), without a permission check. */
export const loadPointRules = (db: Db | Tx, log?: Logger): Promise<PointRules> =>
  loadStoredRules(db, { key: POINT_RULES_KEY, parse: parsePointRules, log, invalid: 'point rules in AppMeta are invalid; using the defaults' });

/** @example (await getPointRules(deps, { actor })).transferCooperation // 3 */
export async function getPointRules(deps: { db: Db; log?: Logger }, o: { actor: Actor }): Promise<PointRules> {
  authorize(o.actor, 'points.report');
  return loadPointRules(deps.db, deps.log);
}
