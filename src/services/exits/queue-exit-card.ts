// One exit card per platform, queued in the caller's transaction. The key is derived from the
// subject and the stage, so a job rerun for the same day finds the card and queues nothing twice.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ExitCardSpec } from './exit-card-rows.ts';
import { queueExitCards } from './queue-exit-cards.ts';

export { exitCardKey, exitCardKeyPrefix } from './exit-card-rows.ts';

export interface QueueExitCardOptions extends ExitCardSpec {
  actor: Actor;
}

/**
 * @example
 *   await queueExitCard(deps, tx, { actor, subjectType: 'exit_process', subjectId: process.id, employeeId, stage: 'notice1', audience: { kind: 'hr' }, build: (key) => buildExitNoticeReadyCard({ …, key }) });
 */
export async function queueExitCard(deps: ServiceDeps, tx: Tx, o: QueueExitCardOptions): Promise<string[]> {
  // Exit cards are never held by quiet hours: each reminds of a legal deadline on its day or after
  // it (劳动合同法 第五十条, 失业保险条例 第十六条), see docs/notifications.md.
  const { actor, ...spec } = o;
  return (await queueExitCards(deps, tx, actor, [spec]))[0] ?? [];
}
