// When the outbox has delivered one of a notice's chat messages (the text with the link or the
// PDF), the notice's channel record gets the delivery time (and DingTalk's read-query keys), and
// the delivery becomes an audit event in the case's evidence ledger. The first accepted message
// is the notice's delivery (mark-exit-notice-delivered.ts): its return deadline starts to run, or
// the termination takes effect, on that day in BUSINESS_TZ. It runs in the transaction that marks
// the message SENT, so each delivery is recorded exactly once; the next tree-head seal (the daily
// jobs, or the next exit step) covers the new entry.
import { systemActor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { toJsonColumn } from '../../db/json-column.ts';
import { parseExitStepChannels } from '../../domain/exits/exit-step-channels.ts';
import type { DeliveryHook } from '../../outbox/on-delivered.ts';
import { parseDeliveryResult } from '../../outbox/outbox-message-json.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { ledgerExitEvent } from './exit-evidence.ts';
import { lockExitProcess } from './lock-exit-process.ts';
import { markExitNoticeDeliveredInTx } from './mark-exit-notice-delivered.ts';

/**
 * Dedupe keys are `exit-notice:<processId>:<notice>:[file:]<platform>` (queue-exit-notice-messages.ts).
 *
 * @example const hook = createExitNoticeDeliveryHook({ businessTz: 'Asia/Shanghai' });
 */
export const createExitNoticeDeliveryHook = (o: { businessTz: string }): DeliveryHook => ({
  prefix: 'exit-notice:',
  async onDelivered(tx, m) {
    const [, processId, notice] = m.dedupeKey.split(':');
    if (!processId || !notice) return;
    const found = await tx.exitStep.findUnique({ where: { processId_kind: { processId, kind: notice } }, select: { id: true } });
    if (!found) return;
    const p = await lockExitProcess(tx, processId);
    const step = await tx.exitStep.findUniqueOrThrow({ where: { id: found.id } });
    const records = parseExitStepChannels(step.channels);
    const i = records.findIndex((r) => r.channel === 'chat' && r.dedupeKey === m.dedupeKey);
    const record = records[i];
    if (record?.channel !== 'chat' || record.deliveredAt) return;
    const result = parseDeliveryResult(m.result) ?? {};
    const message = record.message;
    records[i] = { ...record, deliveredAt: m.sentAt.toISOString(), ...(result.mediaId && { mediaId: result.mediaId }), ...(result.readQueryKeys && { readQueryKeys: result.readQueryKeys }) };
    await tx.exitStep.update({ where: { id: step.id }, data: { channels: toJsonColumn(records) } });
    const actor = systemActor('outbox', '消息投递');
    await writeAuditEvent(tx, actor, { type: 'exit.notice_delivered', data: { processId, notice, platform: m.platform, message, dedupeKey: m.dedupeKey } }, { type: 'exit_process', id: processId });
    await ledgerExitEvent(tx, { processId, employeeId: p.employeeId, type: 'exit.notice_delivered', metadata: { notice, platform: m.platform, message, userId: record.userId, deliveredAt: m.sentAt.toISOString(), ...(result.mediaId && { mediaId: result.mediaId }) }, at: m.sentAt });
    await markExitNoticeDeliveredInTx(tx, { processId, notice, deliveredOn: dayIn(o.businessTz, m.sentAt), via: 'chat', actor, at: m.sentAt });
  },
});
