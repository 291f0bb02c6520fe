// HR records another channel used to deliver a notice: SMS, EMS to the contract address (the
// tracking number proves delivery), or another. With `deliveredOn` (EMS / SMS only) the record
// proves delivery: the notice's return deadline runs from that day, or the termination takes effect
// on it (劳动合同法 第三十九条第（二）项; mark-exit-notice-delivered.ts). A delivery can be added later
// to an EMS already recorded, by its tracking number. Each record is an evidence entry.
import type { Actor } from '../../domain/actor.ts';
import { toJsonColumn } from '../../db/json-column.ts';
import { dayIn } from '../../domain/dates.ts';
import { parseExitStepChannels, type RecordedChannelRecord } from '../../domain/exits/exit-step-channels.ts';
import { stepKindLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeDeliveryNeededCards } from './close-delivery-needed-cards.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { lockExitCaseForHr } from './lock-exit-process.ts';
import { markExitNoticeDeliveredInTx } from './mark-exit-notice-delivered.ts';

export const channelLabels = { sms: '短信', ems: '邮政快递', other: '其他' } as const;

export interface RecordChannelOptions {
  processId: string;
  actor: Actor;
  channel: keyof typeof channelLabels;
  /** EMS tracking number, the SMS's number and text summary, … */
  reference: string;
  /** Required for a new record; omitted when adding the delivery to an EMS already recorded. */
  sentOn?: string;
  /** The day it was delivered (EMS 妥投 / SMS 送达). */
  deliveredOn?: string;
  /** Which notice; defaults to the latest one sent. */
  notice?: 'return_notice_1' | 'return_notice_2' | 'termination_notice';
}

/**
 * @example await recordExitChannel(deps, { processId, actor, channel: 'ems', reference: 'EMS 1180123456789', sentOn: '2026-11-02', deliveredOn: '2026-11-04' });
 */
export async function recordExitChannel(deps: ServiceDeps, o: RecordChannelOptions): Promise<{ text: string }> {
  authorize(o.actor, 'exit.manage');
  const now = deps.now();
  const today = dayIn(deps.businessTz, now);
  if (o.sentOn && o.sentOn > today) throw new AppError('validation_failed', '发送日期不能晚于今天');
  if (o.deliveredOn && o.deliveredOn > today) throw new AppError('validation_failed', '妥投日期不能晚于今天');
  if (o.deliveredOn && o.channel === 'other') throw new AppError('validation_failed', '只有邮政快递或短信可以登记送达日期，请以邮政快递寄送至劳动合同约定的地址');
  const result = await deps.db.$transaction(async (tx) => {
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    const step = await tx.exitStep.findFirst({
      where: { processId: p.id, sentAt: { not: null }, kind: o.notice ?? { in: ['return_notice_1', 'return_notice_2', 'termination_notice'] } },
      orderBy: { sentAt: 'desc' },
    });
    if (!step) throw new AppError('conflict', o.notice ? `${stepKindLabels[o.notice]}尚未发出` : '还没有发出任何通知书');
    const records = parseExitStepChannels(step.channels);
    const existing = records.findIndex((r) => r.channel === o.channel && r.reference === o.reference);
    const found = records[existing] as RecordedChannelRecord | undefined;
    const sentOn = o.sentOn ?? found?.sentOn;
    if (!sentOn) throw new AppError('validation_failed', '请填写发送日期（登记已寄出的邮政快递的妥投日期时，请填写原运单号）');
    if (step.sentAt && sentOn < dayIn(deps.businessTz, step.sentAt)) throw new AppError('validation_failed', '发送日期不能早于通知书出具日期');
    if (o.deliveredOn && o.deliveredOn < sentOn) throw new AppError('validation_failed', '妥投日期不能早于发送日期');
    if (existing >= 0 && !o.deliveredOn) throw new AppError('conflict', `运单号 ${o.reference} 已登记；如已妥投，请填写妥投日期`);
    if (found?.deliveredOn) throw new AppError('conflict', `运单号 ${o.reference} 已登记妥投日期 ${found.deliveredOn}`);
    const record: RecordedChannelRecord = { ...found, channel: o.channel, reference: o.reference, sentOn, ...(o.deliveredOn && { deliveredOn: o.deliveredOn }), recordedById: o.actor.id, recordedByName: o.actor.name, at: now.toISOString() };
    const channels = toJsonColumn(existing >= 0 ? records.map((r, i) => (i === existing ? record : r)) : [...records, record]);
    await tx.exitStep.update({ where: { id: step.id }, data: { channels } });
    const data = { notice: step.kind, channel: o.channel, reference: o.reference, sentOn, ...(o.deliveredOn && { deliveredOn: o.deliveredOn }) };
    await writeAuditEvent(tx, o.actor, { type: 'exit.channel_recorded', data: { processId: p.id, ...data } }, { type: 'exit_process', id: p.id });
    await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.channel_recorded', metadata: data, at: now });
    const label = `${stepKindLabels[step.kind] ?? step.kind} 于 ${sentOn} 通过${channelLabels[o.channel]}发出（${o.reference}）`;
    if (!o.deliveredOn || o.channel === 'other') return { text: `已登记：${label}，尚未登记送达日期，仍为「待送达」` };
    const served = await markExitNoticeDeliveredInTx(tx, { processId: p.id, notice: step.kind, deliveredOn: o.deliveredOn, via: o.channel, actor: o.actor, at: now });
    await closeDeliveryNeededCards(deps, tx, { processId: p.id, notice: step.kind, deliveredOn: o.deliveredOn, actor: o.actor });
    const effect = served?.exitDate ? `，自 ${served.exitDate} 起解除劳动合同` : served?.deadline ? `，返岗期限 ${served.deadline}` : '';
    return { text: `已登记：${label}，${o.deliveredOn} 送达${effect}` };
  });
  await sealExitEvidence(deps);
  return result;
}
