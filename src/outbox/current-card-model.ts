// The card as the app holds it now. Decisions and refreshes write CardInstance.model in the
// transaction that queues their update, so a card that goes out later than it was queued (quiet
// hours, a retry, an instance that died holding it) shows what happened meanwhile instead of the
// snapshot queued with it. Without a row (a message queued outside the card services) the snapshot.
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import type { CardModel } from '../../cards/card-model.ts';
import type { Db } from '../db/client.ts';
import { parseJsonColumn } from '../domain/parse-json-column.ts';

export async function currentCardModel(db: Db, queued: CardModel): Promise<CardModel> {
  const instance = await db.cardInstance.findUnique({ where: { cardKey: queued.key }, select: { model: true } });
  return instance ? parseJsonColumn('CardInstance.model', cardModelSchema, instance.model) : queued;
}
