// When the outbox has delivered a statement text, the delivery is recorded (the first one sets
// StatementNotice.deliveredAt; each platform's is its own ledger entry). It runs in the
// transaction that marks the message SENT, so each delivery is recorded exactly once.
import { systemActor } from '../../domain/actor.ts';
import type { DeliveryHook } from '../../outbox/on-delivered.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { ledgerStatementEvent } from './ledger-statement-event.ts';
import { parseStatementKey, STATEMENT_KEY_PREFIX } from './statement-message.ts';

export const statementDeliveryHook: DeliveryHook = {
  prefix: STATEMENT_KEY_PREFIX,
  async onDelivered(tx, m) {
    const key = parseStatementKey(m.dedupeKey);
    if (!key) return;
    const notice = await tx.statementNotice.findUnique({ where: { employeeId_month: key }, select: { id: true } });
    if (!notice) return;
    await compareAndSet(tx.statementNotice, { id: notice.id, deliveredAt: null }, { deliveredAt: m.sentAt });
    await ledgerStatementEvent(tx, systemActor('outbox', '消息投递'), { type: 'statement.delivered', data: { ...key, platform: m.platform, dedupeKey: m.dedupeKey } }, m.sentAt);
  },
};
