// The send journal of one outbox message, kept in its `result` column next to the uploaded
// media: which batches of a send without an idempotency key (the DingTalk robot) were begun and
// which came back with the platform's key. DingTalk documents no API that finds a robot message
// without its processQueryKey, so a batch begun and never answered (crash, timeout) cannot be
// checked: it is not resent, and the message goes to the dead letters as "outcome unknown" for
// HR to confirm with the recipients. A message shown twice is worse than one HR follows up.
import type { Db } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';
import type { SendJournal } from '../platforms/chat-platform.ts';
import { PlatformApiError } from '../platforms/platform-api-error.ts';
import { parseDeliveryResult, type DeliveryResult } from './outbox-message-json.ts';

type Batches = NonNullable<NonNullable<DeliveryResult>['batches']>;

export const OUTCOME_UNKNOWN = 'outcome_unknown';

const UNKNOWN_TEXT =
  '这条消息上次发送时中断（进程退出或平台超时），平台可能已经送达，也可能没有；平台没有可查询结果的接口，为避免重复打扰，系统不再自动重发。请向接收人确认是否收到，未收到时请手动补发。';

/** A batch's key in the journal: round 0 (the first send) "3", a retry round 2 "2.3". */
const batchKey = (round: number, batch: number) => (round === 0 ? String(batch) : `${round}.${batch}`);

/** @example await platform.sendText(users, text, key, createSendJournal(db, { id, platform: 'dingtalk' })); */
export function createSendJournal(db: Db, msg: { id: string; platform: Platform; round?: number }, now: () => Date = () => new Date()): SendJournal {
  const round = msg.round ?? 0;
  const key = (batch: number) => batchKey(round, batch);
  const load = async () => {
    const row = await db.outboxMessage.findUnique({ where: { id: msg.id }, select: { result: true } });
    return parseDeliveryResult(row?.result ?? null) ?? {};
  };
  const save = async (change: (batches: Batches) => void) => {
    const result = await load();
    const batches = { ...result.batches };
    change(batches);
    await db.outboxMessage.updateMany({ where: { id: msg.id, status: 'PENDING' }, data: { result: { ...result, batches } } });
  };
  return {
    async sentBatches() {
      const batches = (await load()).batches ?? {};
      const prefix = round === 0 ? '' : `${round}.`;
      return Object.fromEntries(Object.entries(batches)
        .filter(([k, b]) => b.sentAt && k.startsWith(prefix) && !k.slice(prefix.length).includes('.'))
        .map(([k, b]) => [Number(k.slice(prefix.length)), { key: b.key ?? '', invalid: b.invalid ?? [], flowControlled: b.flowControlled ?? [] }]));
    },
    async begin(batch) {
      const earlier = (await load()).batches?.[key(batch)];
      if (earlier && !earlier.sentAt) {
        throw new PlatformApiError({ platform: msg.platform, api: 'outbox', errcode: OUTCOME_UNKNOWN, errmsg: UNKNOWN_TEXT, retryable: false });
      }
      await save((b) => void (b[key(batch)] = { startedAt: now().toISOString() }));
    },
    async sent(batch, processKey, refusals) {
      await save((b) => void (b[key(batch)] = { ...b[key(batch)], sentAt: now().toISOString(), key: processKey, ...refusals }));
    },
    async abandon(batch) {
      await save((b) => void delete b[key(batch)]);
    },
  };
}
