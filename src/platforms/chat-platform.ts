import type { CardModel } from '../../cards/card-model.ts';
import type { Platform } from '../generated/prisma/client.ts';

export interface SentCard {
  /** WeCom: response_code per recipient (single use); DingTalk/sandbox: none. */
  responseCodes?: Record<string, string>;
  /** Members the platform refused for good (WeCom invaliduser): each becomes a dead letter. */
  invalid?: string[];
  /** WeCom unlicenseduser: members without an interface licence; the card did not reach them. */
  unlicensed?: string[];
}

/** What a text or file send reports back, kept on the outbox message's result. */
export interface SentMessage {
  /**
   * DingTalk robot messages: the processQueryKey of each batch, for robot/oToMessages/readStatus.
   * WeCom app messages report no read state, so they return none.
   */
  readQueryKeys?: string[];
  /** Members the platform refused for good (DingTalk invalidStaffIdList, WeCom invaliduser). */
  invalid?: string[];
  /** WeCom unlicenseduser: members without an interface licence; the message did not reach them. */
  unlicensed?: string[];
  /** DingTalk flowControlledStaffIdList: members not sent to now; the outbox retries only them later. */
  flowControlled?: string[];
}

/** What one batch's answer left undelivered, kept in the journal with the batch. */
export interface BatchRefusals {
  invalid: string[];
  flowControlled: string[];
}

/**
 * Where a platform without an idempotency key (the DingTalk robot) notes each batch of a send:
 * `begin` before the call, `sent` with the platform's key after it, `abandon` when the platform
 * answered with an error (nothing was sent). A batch begun but neither sent nor abandoned was cut
 * off by a crash or a timeout: its outcome is unknown, and `begin` refuses to send it again.
 * The outbox keeps it on the message row (outbox/send-journal.ts).
 */
export interface SendJournal {
  /** Batches an earlier attempt sent, by index, with the key the platform returned and whom it refused. */
  sentBatches(): Promise<Record<number, { key: string } & BatchRefusals>>;
  begin(batch: number): Promise<void>;
  sent(batch: number, key: string, refusals: BatchRefusals): Promise<void>;
  abandon(batch: number): Promise<void>;
}

/** A stored file as the platforms see it; `mediaId` is what uploadFile returned. */
export interface OutboundFile {
  sha256: string;
  fileName: string;
  mediaType: string;
}

/**
 * What the outbox needs from a chat platform. Implementations: WeCom, DingTalk and the
 * sandbox. Every method must be safe to retry with the same card key / dedupe key.
 */
export interface ChatPlatform {
  name: Platform;
  sendText(userIds: string[], text: string, dedupeKey: string, journal?: SendJournal): Promise<SentMessage | void>;
  sendCard(userIds: string[], card: CardModel): Promise<SentCard>;
  /** Re-renders the card for every recipient (e.g. after a decision). */
  updateCard(userIds: string[], card: CardModel, responseCodes: Record<string, string>): Promise<void>;
  /**
   * Uploads the file as temporary media and returns its media id. The outbox keeps the id on the
   * message, so a retried delivery sends the same media instead of uploading again.
   */
  uploadFile(file: OutboundFile, bytes: Uint8Array): Promise<string>;
  /** Sends an uploaded file (uploadFile's media id) as a file message. */
  sendFile(userIds: string[], file: OutboundFile & { mediaId: string }, dedupeKey: string, journal?: SendJournal): Promise<SentMessage | void>;
  /**
   * Posts the card's content with a 详情 link to a group chat (no buttons: a group cannot take
   * an interactive card). `chatId`: the WeCom appchat chatid, the DingTalk openConversationId.
   */
  sendToGroup(chatId: string, card: CardModel, dedupeKey: string, journal?: SendJournal): Promise<SentMessage | void>;
}

/** How long a platform keeps temporary media (WeCom: 3 days); reuse an id only well within that. */
export const MEDIA_REUSE_MS = 2 * 24 * 3600_000;
