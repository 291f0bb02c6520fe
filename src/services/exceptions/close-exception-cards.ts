// Closes the still open chat cards about one insurance exception (every copy, every platform),
// showing what happened, who and when instead of the links (PRODUCT §B), e.g. HR's request card
// once the employee withdrew the request.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { decideOpenCards } from '../cards/close-cards.ts';

/**
 * @example
 *   await closeExceptionCards(deps, tx, { exceptionId, types: ['exception.request'], actor, decision: 'exception.withdrawn', label: '员工已撤回申请' });
 */
export async function closeExceptionCards(deps: ServiceDeps, tx: Tx, o: { exceptionId: string; types: string[]; actor: Actor; decision: string; label: string }): Promise<number> {
  const open = await tx.cardInstance.findMany({ where: { subjectType: 'insurance_exception', subjectId: o.exceptionId, type: { in: o.types }, state: 'OPEN' }, orderBy: { cardKey: 'asc' } });
  const decided = { label: o.label, byName: o.actor.name, at: deps.now().toISOString() };
  return decideOpenCards(deps, tx, open, { actor: o.actor, actionId: o.decision, decided });
}
