// A notice with no chat account to carry it: HR's card says what to do (EMS to the contract
// address, then record the tracking number and the delivered day), since nothing runs until the
// notice is delivered (劳动合同法 第三十九条第（二）项).
import { buildExitDeliveryNeededCard } from '../../../cards/exit-delivery-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { stepKindLabels } from '../../domain/exits/exit-states.ts';
import type { ServiceDeps } from '../deps.ts';
import { exitCaseUrl, type ExitEmployeeFacts } from './exit-facts.ts';
import { queueExitCard } from './queue-exit-card.ts';

const effects: Record<string, string> = {
  return_notice_1: '返岗期限自妥投之日起算',
  return_notice_2: '返岗期限自妥投之日起算',
  termination_notice: '妥投之日解除劳动合同，即为离职日期',
};

/**
 * @example await queueDeliveryNeededCard(deps, tx, { process, employee, notice: 'return_notice_1', actor });
 */
export async function queueDeliveryNeededCard(deps: ServiceDeps, tx: Tx, o: { process: { id: string; employeeId: string }; employee: ExitEmployeeFacts; notice: string; actor: Actor }): Promise<void> {
  await queueExitCard(deps, tx, {
    actor: o.actor, subjectType: 'exit_process', subjectId: o.process.id, employeeId: o.process.employeeId, stage: `deliver-${o.notice}`, audience: { kind: 'hr' },
    build: (key) => buildExitDeliveryNeededCard({
      employee: o.employee, notice: stepKindLabels[o.notice] ?? o.notice, issuedOn: dayIn(deps.businessTz, deps.now()), effect: effects[o.notice] ?? '', key, h5Url: exitCaseUrl(deps.publicBaseUrl, o.process.id),
    }),
  });
}
