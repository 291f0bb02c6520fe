// HR records another channel used to deliver a notice: SMS, EMS to the contract address (the
// tracking number proves delivery), or another. Each record is an evidence entry.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { stepKindLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { lockExitCaseForHr } from './lock-exit-process.ts';

export const channelLabels = { sms: '短信', ems: 'EMS 邮寄', other: '其他' } as const;

export interface RecordChannelOptions {
  processId: string;
  actor: Actor;
  channel: keyof typeof channelLabels;
  /** EMS tracking number, the SMS's number and text summary, … */
  reference: string;
  sentOn: string;
  /** Which notice; defaults to the latest one sent. */
  notice?: 'return_notice_1' | 'return_notice_2' | 'termination_notice';
}

/**
 * @example await recordExitChannel(deps, { processId, actor, channel: 'ems', reference: 'EMS 1180123456789', sentOn: '2026-11-02' });
 */
export async function recordExitChannel(deps: ServiceDeps, o: RecordChannelOptions): Promise<{ text: string }> {
  authorize(o.actor, 'exit.manage');
  const now = deps.now();
  if (o.sentOn > dayIn(deps.businessTz, now)) throw new AppError('validation_failed', '发送日期不能晚于今天');
  const result = await deps.db.$transaction(async (tx) => {
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    const step = await tx.exitStep.findFirst({
      where: { processId: p.id, sentAt: { not: null }, kind: o.notice ?? { in: ['return_notice_1', 'return_notice_2', 'termination_notice'] } },
      orderBy: { sentAt: 'desc' },
    });
    if (!step) throw new AppError('conflict', o.notice ? `${stepKindLabels[o.notice]}尚未发出` : '还没有发出任何通知书');
    if (step.sentAt && o.sentOn < dayIn(deps.businessTz, step.sentAt)) throw new AppError('validation_failed', '发送日期不能早于通知书出具日期');
    const record = { channel: o.channel, reference: o.reference, sentOn: o.sentOn, recordedById: o.actor.id, recordedByName: o.actor.name, at: now.toISOString() };
    const channels = [...(Array.isArray(step.channels) ? step.channels : []), record] as Prisma.InputJsonValue[];
    await tx.exitStep.update({ where: { id: step.id }, data: { channels } });
    await writeAuditEvent(tx, o.actor, { type: 'exit.channel_recorded', data: { processId: p.id, notice: step.kind, channel: o.channel, reference: o.reference, sentOn: o.sentOn } }, { type: 'exit_process', id: p.id });
    await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.channel_recorded', metadata: { notice: step.kind, channel: o.channel, reference: o.reference, sentOn: o.sentOn }, at: now });
    return { text: `已登记：${stepKindLabels[step.kind] ?? step.kind} 于 ${o.sentOn} 通过${channelLabels[o.channel]}送达（${o.reference}）` };
  });
  await sealExitEvidence(deps);
  return result;
}
