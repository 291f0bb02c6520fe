// One card_update delivery: after the card itself, and never a decided card shown open again.
// - After the card: DingTalk refuses to update an outTrackId it has not created
//   (param.outTrackIdNotExist) and WeCom's update needs the response_code the send returns, so an
//   update whose card (`card:<key>`) is still queued — held by an instance that died, an outage, a
//   back-off — is retried; one whose card went DEAD has nothing to update. A card held for quiet
//   hours needs no update: it goes out as the app then holds it (currentCardModel).
// - Never open again once decided: for a decided card the model sent is the decided one
//   (CardInstance.model), not the snapshot queued with the update, so two updates of one card (a
//   refresh, then the decision) that two instances deliver out of order still leave it decided.
import type { Prisma } from '../generated/prisma/client.ts';
import type { CardModel } from '../../cards/card-model.ts';
import type { Db } from '../db/client.ts';
import type { ChatPlatform } from '../platforms/chat-platform.ts';
import { PlatformApiError } from '../platforms/platform-api-error.ts';
import { parseResponseCodes, releaseResponseCodes } from './card-response-codes.ts';
import { storedCardModel } from './current-card-model.ts';

export async function deliverCardUpdate(db: Db, platform: ChatPlatform, recipients: string[], queued: CardModel, now: Date): Promise<Prisma.InputJsonValue> {
  const creation = await db.outboxMessage.findUnique({ where: { dedupeKey: `card:${queued.key}` }, select: { status: true, availableAt: true } });
  // Held until a later hour, so no worker is sending it now: it will show this update itself.
  if (creation?.status === 'PENDING' && creation.availableAt && creation.availableAt > now) return { recipients: recipients.length, skipped: 'card_held' };
  if (creation?.status === 'PENDING') {
    throw new PlatformApiError({ platform: platform.name, api: 'outbox', errcode: 'card_queued', errmsg: '卡片本身还在发送队列中，更新将在卡片发出后重试', retryable: true });
  }
  // A card that never reached anyone; its own dead letter tells HR.
  if (creation?.status === 'DEAD') return { recipients: recipients.length, skipped: 'card_not_delivered' };
  // One read for the card as the app holds it and the response codes its update consumes.
  const instance = await db.cardInstance.findUnique({ where: { cardKey: queued.key }, select: { state: true, model: true, responseCodes: true } });
  const current = storedCardModel(instance, queued);
  const card = current.decided ? current.card : queued;
  const stored = parseResponseCodes(instance?.responseCodes);
  const codes = Object.fromEntries(recipients.filter((u) => stored[u]).map((u) => [u, stored[u] as string]));
  await platform.updateCard(recipients, card, codes);
  await releaseResponseCodes(db, queued.key, codes);
  return { recipients: recipients.length, usedResponseCodes: Object.keys(codes).length };
}
