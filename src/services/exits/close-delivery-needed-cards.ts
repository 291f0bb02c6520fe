// Once a notice is delivered (EMS / SMS recorded, or the employee opened it in the H5), HR's
// 「通知书待送达」 card for that notice has done its job: every copy is closed for all its
// recipients with who recorded the delivery (PRODUCT §B), so nobody sends a second EMS.
import { EXIT_DELIVERY_NEEDED_CARD } from '../../../cards/exit-delivery-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';

/** The decision id stored on the closed card (no button decides it: the delivery record does). */
export const EXIT_DELIVERY_RECORDED = 'exit.delivery_recorded';

/**
 * @example await closeDeliveryNeededCards(deps, tx, { processId, notice: 'return_notice_1', deliveredOn: '2026-11-04', actor });
 */
export function closeDeliveryNeededCards(deps: ServiceDeps, tx: Tx, o: { processId: string; notice: string; deliveredOn: string; actor: Actor }): Promise<number> {
  return closeExitCards(deps, tx, {
    subjectId: o.processId, types: [EXIT_DELIVERY_NEEDED_CARD], stage: `deliver-${o.notice}`, actor: o.actor, actionId: EXIT_DELIVERY_RECORDED, label: `已送达（${o.deliveredOn}）`,
  });
}
