// When a step is done by any route (card click, REST, H5, job), every open card that asked for
// it is closed for all its recipients with who did it and when (PRODUCT §B).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { decideOpenCards } from '../cards/close-cards.ts';
import { exitCardKeyPrefix } from './queue-exit-card.ts';

/**
 * @example await closeExitCards(deps, tx, { subjectId: process.id, types: ['exit.notice_ready'], actor, actionId: EXIT_SEND_NOTICE, label: '已发送' });
 */
export async function closeExitCards(deps: ServiceDeps, tx: Tx, o: { subjectId: string; types: string[]; actor: Actor; actionId: string; label: string; stage?: string }): Promise<number> {
  // A stage narrows to the cards of one step (e.g. the delivery of one notice among several).
  const keyed = o.stage && { cardKey: { startsWith: exitCardKeyPrefix(o.subjectId, o.stage) } };
  const open = await tx.cardInstance.findMany({ where: { subjectId: o.subjectId, type: { in: o.types }, state: 'OPEN', ...keyed } });
  const decision = { actor: o.actor, actionId: o.actionId, decided: { label: o.label, byName: o.actor.name, at: deps.now().toISOString() } };
  return decideOpenCards(deps, tx, open, decision);
}
