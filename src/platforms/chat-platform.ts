import type { CardModel } from '../../cards/card-model.ts';
import type { Platform } from '../generated/prisma/client.ts';

export interface SentCard {
  /** WeCom: response_code per recipient (single use); DingTalk/sandbox: none. */
  responseCodes?: Record<string, string>;
}

/**
 * What the outbox needs from a chat platform. Implementations: WeCom, DingTalk and the
 * sandbox. Every method must be safe to retry with the same card key / dedupe key.
 */
export interface ChatPlatform {
  name: Platform;
  sendText(userIds: string[], text: string, dedupeKey: string): Promise<void>;
  sendCard(userIds: string[], card: CardModel): Promise<SentCard>;
  /** Re-renders the card for every recipient (e.g. after a decision). */
  updateCard(userIds: string[], card: CardModel, responseCodes: Record<string, string>): Promise<void>;
}
