// A platform answer that names members it did not reach is not a delivery for them. DingTalk's
// robot lists members it flow-controlled (flowControlledStaffIdList): the message stays PENDING,
// the journal notes them, and a later round sends to them alone — the members already reached are
// never sent to again. Members a platform refused for good (DingTalk invalidStaffIdList, WeCom
// invaliduser / unlicenseduser) each become a dead letter HR can read; the rest count as delivered.
import type { Db } from '../db/client.ts';
import { toJsonColumn } from '../db/json-column.ts';
import type { Platform } from '../generated/prisma/client.ts';
import type { SentMessage } from '../platforms/chat-platform.ts';
import { PlatformApiError } from '../platforms/platform-api-error.ts';
import { parseDeliveryResult } from './outbox-message-json.ts';

export const FLOW_CONTROLLED = 'flow_controlled';

/** Shown to HR in the dead-letter list, one per member the platform refused. */
export const UNDELIVERED_REASONS = {
  invalid: '该成员不在企业通讯录或未激活，消息未送达：请核对其账号后手动补发',
  unlicensed: '该成员没有企业微信接口许可，消息未送达：请在企业微信管理后台为其分配许可后手动补发',
} as const;

/**
 * DingTalk counts robot messages per member over minutes and does not say when a flow-controlled
 * member may be sent to again: wait a minute before the first retry round, doubling each further
 * round up to an hour. Between rounds the outbox's own backoff retries the job; an early attempt
 * sends nothing.
 */
export const flowControlDelayMs = (round: number): number => Math.min(60_000 * 2 ** (round - 1), 3_600_000);

/** The outbox row as delivery reads it, recipients parsed. */
export interface OutboxRow { id: string; dedupeKey: string; platform: Platform; kind: string; payload: unknown; recipients: string[]; result: unknown }

export interface SendRound {
  /** 0: the first send to everyone; r ≥ 1: the r-th retry to the flow-controlled members. */
  round: number;
  recipients: string[];
  /** Read-query keys of the earlier rounds, kept for the read-status job. */
  readQueryKeys: string[];
}

/** Whom this attempt sends to; refuses (retryable) while the flow-control wait is not over. */
export function currentRound(msg: OutboxRow, now: Date): SendRound {
  const r = parseDeliveryResult(msg.result);
  if (!r?.retryRecipients?.length) return { round: 0, recipients: msg.recipients, readQueryKeys: [] };
  if (r.notBefore && now.getTime() < Date.parse(r.notBefore)) throw flowControlledError(msg.platform, r.retryRecipients.length);
  return { round: r.round ?? 1, recipients: r.retryRecipients, readQueryKeys: r.readQueryKeys ?? [] };
}

/**
 * After a round: dead letters for the refused members, then either the next round for the
 * flow-controlled ones (thrown as a retryable error) or the read-query keys of all rounds.
 */
export async function settleRound(db: Db, msg: OutboxRow, round: SendRound, sent: SentMessage | void, now: Date): Promise<{ readQueryKeys: string[] }> {
  await deadLetterRefused(db, msg, sent);
  const readQueryKeys = [...round.readQueryKeys, ...(sent?.readQueryKeys ?? [])];
  const flowControlled = [...new Set(sent?.flowControlled ?? [])];
  if (flowControlled.length === 0) return { readQueryKeys };
  const next = round.round + 1;
  const row = await db.outboxMessage.findUnique({ where: { id: msg.id }, select: { result: true } });
  const result = { ...parseDeliveryResult(row?.result ?? null), round: next, retryRecipients: flowControlled, notBefore: new Date(now.getTime() + flowControlDelayMs(next)).toISOString(), readQueryKeys };
  await db.outboxMessage.updateMany({ where: { id: msg.id, status: 'PENDING' }, data: { result: toJsonColumn(result) } });
  throw flowControlledError(msg.platform, flowControlled.length);
}

/** A dead letter for each member the platform refused for good (texts, files and cards alike). */
export async function deadLetterRefused(db: Db, msg: OutboxRow, sent: Pick<SentMessage, 'invalid' | 'unlicensed'> | void): Promise<void> {
  await deadLetterRecipients(db, msg, sent?.invalid ?? [], 'invalid');
  await deadLetterRecipients(db, msg, sent?.unlicensed ?? [], 'unlicensed');
}

/** One DEAD row per member, keyed by message and member: a rerun of the round adds none. */
async function deadLetterRecipients(db: Db, msg: OutboxRow, userIds: string[], reason: keyof typeof UNDELIVERED_REASONS): Promise<void> {
  if (userIds.length === 0) return;
  await db.outboxMessage.createMany({
    data: [...new Set(userIds)].map((u) => ({
      dedupeKey: `${msg.dedupeKey}#undelivered:${u}`,
      platform: msg.platform,
      kind: msg.kind,
      recipients: [u],
      payload: toJsonColumn(msg.payload as object),
      status: 'DEAD' as const,
      attempts: 1,
      lastError: UNDELIVERED_REASONS[reason],
    })),
    skipDuplicates: true,
  });
}

function flowControlledError(platform: Platform, count: number): PlatformApiError {
  const errmsg = `平台对其中 ${count} 名成员限流，消息暂未送达；系统稍后只向这些成员补发，其他成员不会重复收到`;
  return new PlatformApiError({ platform, api: 'outbox', errcode: FLOW_CONTROLLED, errmsg, retryable: true });
}
