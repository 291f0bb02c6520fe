// What a decided card becomes, and how the decision reaches everyone: the same employee may
// have a copy of the card on each platform, and every recipient of every copy must see it
// closed with who decided and when (PRODUCT §B), not only the clicker.
import type { CardDecision, CardModel } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { CardInstance } from '../../generated/prisma/client.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { parseCardModel, parseRecipients, toJsonColumn } from './card-instance-json.ts';

export interface CardDecisionInput {
  actor: Actor;
  actionId: string;
  decided: CardDecision;
}

/** The columns of a decided card, and its model as it will now render. */
export function decidedColumns(card: CardInstance, d: CardDecisionInput) {
  const model: CardModel = { ...parseCardModel(card.model), decided: d.decided };
  const data = {
    state: 'DECIDED',
    decision: d.actionId,
    decidedById: d.actor.id,
    decidedByName: d.actor.name,
    decidedAt: new Date(d.decided.at),
    model: toJsonColumn(model),
    version: { increment: 1 },
  };
  return { model, data };
}

/** Decides the still open copies of `card` (same type and subject, other platforms); returns them with their new models. */
export async function closeCopies(tx: Tx, card: CardInstance, d: CardDecisionInput): Promise<{ card: CardInstance; model: CardModel }[]> {
  const copies = await tx.cardInstance.findMany({
    where: { type: card.type, subjectType: card.subjectType, subjectId: card.subjectId, state: 'OPEN', id: { not: card.id } },
  });
  const closed: { card: CardInstance; model: CardModel }[] = [];
  for (const copy of copies) {
    const { model, data } = decidedColumns(copy, d);
    if (await compareAndSet(tx.cardInstance, { id: copy.id, state: 'OPEN' }, data)) closed.push({ card: copy, model });
  }
  return closed;
}

/** One card_update per card to all its recipients; the dedupe key makes a retried click queue nothing new. */
export async function queueCardUpdates(deps: ServiceDeps, tx: Tx, cards: { card: CardInstance; model: CardModel }[]): Promise<void> {
  for (const { card, model } of cards) {
    const recipients = parseRecipients(card.recipients).map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card-update:${card.cardKey}`, platform: card.platform, recipients, payload: { kind: 'card_update', card: model } });
  }
}

/** Decides each still open card in `cards` and sends every recipient its update; returns how many were closed. */
export async function decideOpenCards(deps: ServiceDeps, tx: Tx, cards: CardInstance[], d: CardDecisionInput): Promise<number> {
  const closed: { card: CardInstance; model: CardModel }[] = [];
  for (const card of cards) {
    const { model, data } = decidedColumns(card, d);
    if (await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN' }, data)) closed.push({ card, model });
  }
  await queueCardUpdates(deps, tx, closed);
  return closed.length;
}
