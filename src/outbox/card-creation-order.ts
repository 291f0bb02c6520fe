// A card update goes after its card. DingTalk refuses to update an outTrackId it has not created
// (param.outTrackIdNotExist, which would dead-letter the update) and WeCom's update needs the
// response_code the send returns (without it the update does nothing). Both would leave the card
// open with its buttons after the case was decided. The creation can still be queued when the
// update is due: an instance that died holding it, a platform outage, a retry's back-off.
import type { Db } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';
import { PlatformApiError } from '../platforms/platform-api-error.ts';

export type CardCreation = 'sent' | 'queued' | 'undeliverable' | 'unknown';

/** Where the creation of the card with this key stands; 'unknown' when it never went through the outbox. */
export async function cardCreationOf(db: Db, cardKey: string): Promise<CardCreation> {
  const row = await db.outboxMessage.findUnique({ where: { dedupeKey: `card:${cardKey}` }, select: { status: true } });
  if (!row) return 'unknown';
  return row.status === 'PENDING' ? 'queued' : row.status === 'DEAD' ? 'undeliverable' : 'sent';
}

/** Thrown for an update whose card is still queued: retried with the outbox's back-off. */
export function cardStillQueued(platform: Platform): PlatformApiError {
  return new PlatformApiError({ platform, api: 'outbox', errcode: 'card_queued', errmsg: '卡片本身还在发送队列中，更新将在卡片发出后重试', retryable: true });
}
