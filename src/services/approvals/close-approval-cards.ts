// Closing approval cards: after a decision, a withdrawal or an escalation every still open card
// of the step shows what happened, who and when, instead of its buttons (PRODUCT §B).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { decideOpenCards } from '../cards/close-cards.ts';
import { parseRecipients } from '../cards/card-instance-json.ts';
import { APPROVAL_STEP_SUBJECT } from './queue-approval-cards.ts';

export interface CloseApprovalCardsOptions {
  stepIds: string[];
  /** Only the cards of these approvers (an all-of approver's own card); all when omitted. */
  approverIds?: string[];
  actor: Actor;
  /** The action id or event that closed them, stored as CardInstance.decision. */
  decision: string;
  /** Shown on the card, e.g. '已同意' or '已升级至 王经理'. */
  label: string;
  at: Date;
}

/** Returns how many cards were closed; each gets one card_update to its recipient. */
export async function closeApprovalCards(deps: ServiceDeps, tx: Tx, o: CloseApprovalCardsOptions): Promise<number> {
  const open = await tx.cardInstance.findMany({ where: { subjectType: APPROVAL_STEP_SUBJECT, subjectId: { in: o.stepIds }, state: 'OPEN' }, orderBy: { cardKey: 'asc' } });
  const mine = o.approverIds ? open.filter((c) => parseRecipients(c.recipients).some((r) => o.approverIds?.includes(r.employeeId))) : open;
  const decided = { label: o.label, byName: o.actor.name, at: o.at.toISOString() };
  return decideOpenCards(deps, tx, mine, { actor: o.actor, actionId: o.decision, decided });
}
