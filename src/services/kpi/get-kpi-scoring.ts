// The company's KPI scoring rules (AppMeta 'kpi.scoring'), the shipped defaults until an HR manager changes them.
import type { Actor } from '../../domain/actor.ts';
import { KPI_SCORING_KEY, parseKpiScoring, type KpiScoring } from '../../domain/kpi/kpi-scoring.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

/** @example (await getKpiScoring(deps, { actor })).timelinessPointsPerPct // 2 */
export async function getKpiScoring(deps: Pick<ServiceDeps, 'db'> & { log?: Logger }, o: { actor: Actor }): Promise<KpiScoring> {
  authorize(o.actor, 'kpi.read');
  return loadStoredRules(deps.db, { key: KPI_SCORING_KEY, parse: parseKpiScoring, log: deps.log, invalid: 'KPI scoring rules in AppMeta are invalid; using the defaults' });
}
