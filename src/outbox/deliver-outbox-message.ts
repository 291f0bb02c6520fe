// One delivery attempt of one outbox message. Safe to run twice for the same message: a SENT
// message is skipped, and every platform call is idempotent for the message's keys.
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { ChatPlatform } from '../platforms/chat-platform.ts';
import type { ChatPlatforms } from '../platforms/create-chat-platforms.ts';
import { PlatformApiError } from '../platforms/platform-api-error.ts';
import { storeResponseCodes } from './card-response-codes.ts';
import { currentCardModel } from './current-card-model.ts';
import { deliverCardUpdate } from './deliver-card-update.ts';
import type { FileStore } from '../storage/file-store.ts';
import { deliverFileMessage } from './deliver-file-message.ts';
import { createSendJournal } from './send-journal.ts';
import { currentRound, deadLetterRefused, settleRound, type OutboxRow } from './partial-delivery.ts';
import { hooksFor, type DeliveryHook } from './on-delivered.ts';
import type { OutboundPayload } from './outbox.ts';
import { parseOutboundPayload, parseOutboxRecipients } from './outbox-message-json.ts';

export interface DeliveryDeps {
  db: Db;
  platforms: ChatPlatforms;
  now: () => Date;
  /** Where 'file' messages' bytes are read from; without it they fail (not retried). */
  files?: FileStore;
  /** Run when a message is marked SENT (same transaction). */
  hooks?: readonly DeliveryHook[];
}

export type DeliveryOutcome = 'sent' | 'already-done' | 'missing';

export async function deliverOutboxMessage(deps: DeliveryDeps, id: string): Promise<DeliveryOutcome> {
  const msg = await deps.db.outboxMessage.findUnique({ where: { id } });
  if (!msg) return 'missing';
  if (msg.status !== 'PENDING') return 'already-done';
  const platform = deps.platforms[msg.platform];
  if (!platform) {
    const errmsg = `本实例未配置平台 ${msg.platform}，消息无法发送（检查 ${msg.platform.toUpperCase()}_* 环境变量）`;
    throw await failed(deps.db, id, new PlatformApiError({ platform: msg.platform, api: 'outbox', errcode: 'not_configured', errmsg, retryable: false }));
  }
  let result: Prisma.InputJsonValue;
  let recipients: string[];
  try {
    recipients = parseOutboxRecipients(msg.recipients);
    const payload = parseOutboundPayload(msg.payload);
    const row = { ...msg, recipients };
    result = payload.kind === 'file'
      ? await deliverFileMessage(deps, platform, row, payload)
      : await send(deps, platform, row, payload);
  } catch (error) {
    throw await failed(deps.db, id, error);
  }
  const sentAt = deps.now();
  const hooks = hooksFor(deps.hooks, msg.dedupeKey);
  const markSent = async (tx: Db | Tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: 'PENDING' },
      data: { status: 'SENT', sentAt, attempts: { increment: 1 }, lastError: null, result },
    });
    return count;
  };
  if (hooks.length === 0) {
    await markSent(deps.db);
    return 'sent';
  }
  await deps.db.$transaction(async (tx) => {
    if ((await markSent(tx)) === 0) return;
    const delivered = { id, dedupeKey: msg.dedupeKey, platform: msg.platform, kind: msg.kind, recipients, sentAt, result };
    for (const hook of hooks) await hook.onDelivered(tx, delivered);
  });
  return 'sent';
}

async function send(deps: DeliveryDeps, platform: ChatPlatform, msg: OutboxRow, payload: Exclude<OutboundPayload, { kind: 'file' }>): Promise<Prisma.InputJsonValue> {
  const db = deps.db;
  const recipients = msg.recipients;
  switch (payload.kind) {
    case 'text': {
      // Only the members still owed the text (partial-delivery.ts); the journal per round.
      const round = currentRound(msg, deps.now());
      const sent = await platform.sendText(round.recipients, payload.text, msg.dedupeKey, createSendJournal(db, { id: msg.id, platform: platform.name, round: round.round }, deps.now));
      const { readQueryKeys } = await settleRound(db, msg, round, sent, deps.now());
      return { recipients: recipients.length, ...(readQueryKeys.length ? { readQueryKeys } : {}) };
    }
    case 'card': {
      const { card } = await currentCardModel(db, payload.card);
      const sent = await platform.sendCard(recipients, card);
      const codes = sent.responseCodes ?? {};
      await storeResponseCodes(db, { platform: platform.name, card, recipients, codes });
      await deadLetterRefused(db, msg, sent);
      const refused = (sent.invalid?.length ?? 0) + (sent.unlicensed?.length ?? 0);
      return { recipients: recipients.length, responseCodes: Object.keys(codes).length, ...(refused && { refused }) };
    }
    case 'group': {
      // No idempotency key on either group API: the journal keeps a retry from posting twice.
      await platform.sendToGroup(payload.chatId, payload.card, msg.dedupeKey, createSendJournal(db, { id: msg.id, platform: platform.name }, deps.now));
      return { group: 1 };
    }
    case 'card_update':
      return deliverCardUpdate(db, platform, recipients, payload.card, deps.now());
  }
}

/** Counts the attempt and keeps the reason for the operator, then hands the error back. */
async function failed(db: Db, id: string, error: unknown): Promise<unknown> {
  const lastError = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 2000) : String(error);
  await db.outboxMessage.updateMany({ where: { id, status: 'PENDING' }, data: { attempts: { increment: 1 }, lastError } });
  return error;
}
