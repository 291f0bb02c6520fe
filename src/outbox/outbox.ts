import type { CardModel } from '../../cards/card-model.ts';
import type { Tx } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';

export type OutboundPayload =
  | { kind: 'text'; text: string }
  | { kind: 'card'; card: CardModel }
  /** Re-render an already sent card (same key) for every recipient. */
  | { kind: 'card_update'; card: CardModel }
  /**
   * A stored file (deps.files) sent as a file message. Only its hash travels in the job: the
   * bytes are read from the file store at delivery time.
   */
  | { kind: 'file'; sha256: string; fileName: string; mediaType: string }
  /**
   * A card's content posted to a group chat (ChatPlatform.sendToGroup): the WeCom appchat chatid
   * or the DingTalk openConversationId. Its message has no user recipients.
   */
  | { kind: 'group'; chatId: string; card: CardModel };

export interface OutboundMessage {
  /** One logical message = one key: enqueuing it twice sends once. */
  dedupeKey: string;
  platform: Platform;
  /** Platform user ids; empty for a 'group' payload (the group is the recipient). */
  recipients: string[];
  payload: OutboundPayload;
  /**
   * Held until this instant (quiet hours, docs/notifications.md); left out: at once. A held
   * message is queued now, so a rerun before it goes out finds its key and queues nothing.
   */
  availableAt?: Date;
}

/**
 * The durable outbox. `enqueue` writes the message and its delivery job inside the caller's
 * transaction, so the message exists exactly when the domain change that caused it commits.
 */
export interface Outbox {
  enqueue(tx: Tx, message: OutboundMessage): Promise<void>;
  /**
   * Many messages in two statements (their rows, then their jobs): what a daily sweep uses for
   * the cards of a whole batch. Same rules as `enqueue`, message by message.
   */
  enqueueMany(tx: Tx, messages: readonly OutboundMessage[]): Promise<void>;
}
