// The card as the app holds it now. Decisions and refreshes write CardInstance.model in the
// transaction that queues their update, so a card that goes out later than it was queued (quiet
// hours, a retry, an instance that died holding it) shows what happened meanwhile instead of the
// snapshot queued with it. Without a row (a message queued outside the card services) the snapshot.
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import type { CardModel } from '../../cards/card-model.ts';
import type { Db } from '../db/client.ts';

type StoredCard = { state: string; model: unknown } | null;

/** The card to send, and whether the app holds it as decided; the snapshot for no row or a model that does not parse. */
export function storedCardModel(instance: StoredCard, queued: CardModel): { card: CardModel; decided: boolean } {
  const stored = cardModelSchema.safeParse(instance?.model);
  return { card: stored.success ? stored.data : queued, decided: stored.success && instance?.state === 'DECIDED' };
}

export async function currentCardModel(db: Db, queued: CardModel): Promise<{ card: CardModel; decided: boolean }> {
  return storedCardModel(await db.cardInstance.findUnique({ where: { cardKey: queued.key }, select: { state: true, model: true } }), queued);
}
