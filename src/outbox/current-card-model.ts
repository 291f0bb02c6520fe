// The card as the app holds it now. Decisions and refreshes write CardInstance.model in the
// transaction that queues their update, so a card that goes out later than it was queued (quiet
// hours, a retry, an instance that died holding it) shows what happened meanwhile instead of the
// snapshot queued with it. Without a row (a message queued outside the card services) the snapshot.
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import type { CardModel } from '../../cards/card-model.ts';
import type { Db } from '../db/client.ts';

/** The card to send, and whether the app holds it as decided; the snapshot for a row whose model does not parse. */
export async function currentCardModel(db: Db, queued: CardModel): Promise<{ card: CardModel; decided: boolean }> {
  const instance = await db.cardInstance.findUnique({ where: { cardKey: queued.key }, select: { state: true, model: true } });
  const stored = cardModelSchema.safeParse(instance?.model);
  return { card: stored.success ? stored.data : queued, decided: stored.success && instance?.state === 'DECIDED' };
}
