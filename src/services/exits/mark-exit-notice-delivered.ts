// A notice reached the employee: the platform accepted a chat message for their account, HR
// recorded an EMS / SMS delivery, or the employee opened it in the H5. Only then does it count
// (a unilateral termination takes effect when its notice reaches the employee, and notice deadlines
// run from delivery): a return notice's deadline is set to the delivery day + the company's return
// days, rolled to a working day of the legal calendar (民法典 第二百零三条); a termination notice
// takes effect, with the delivery day as the exit date (劳动合同法 第三十九条第（二）项).
// The first proof recorded counts; later ones are evidence only.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, parseDay } from '../../domain/dates.ts';
import { workdayOnOrAfter } from '../../domain/calendar/day-math.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { ledgerExitEvent } from './exit-evidence.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitProcess, moveExitProcess } from './lock-exit-process.ts';
import { terminateOnDeliveryInTx } from './terminate-absent-employee.ts';

export type DeliveryProof = 'chat' | 'ems' | 'sms' | 'h5';

export interface NoticeDelivery {
  processId: string;
  notice: string;
  /** 'YYYY-MM-DD' in BUSINESS_TZ. */
  deliveredOn: string;
  via: DeliveryProof;
  actor: Actor;
  at: Date;
}

const WAITING: Record<string, string> = { return_notice_1: 'NOTICE_1_SENT', return_notice_2: 'NOTICE_2_SENT', termination_notice: 'TERMINATION_NOTICE_SENT' };

/**
 * Inside the caller's transaction. Idempotent: a notice already delivered is left as it is.
 *
 * @example await markExitNoticeDeliveredInTx(tx, { processId, notice: 'return_notice_1', deliveredOn: '2026-11-02', via: 'ems', actor, at: now });
 */
export async function markExitNoticeDeliveredInTx(tx: Tx, o: NoticeDelivery): Promise<{ deadline?: string; exitDate?: string } | undefined> {
  const p = await lockExitProcess(tx, o.processId);
  const step = await tx.exitStep.findUnique({ where: { processId_kind: { processId: p.id, kind: o.notice } } });
  if (!step?.sentAt || step.deliveredOn) return undefined;
  const current = p.state === WAITING[o.notice];
  let deadline: string | undefined;
  if (current && o.notice !== 'termination_notice') {
    const { rules, calendar } = await loadExitSettings(tx);
    deadline = workdayOnOrAfter(addDays(o.deliveredOn, rules.returnDays), calendar);
    await moveExitProcess(tx, p, p.state, { deadline: parseDay(deadline) });
  }
  await tx.exitStep.update({ where: { id: step.id }, data: { deliveredOn: parseDay(o.deliveredOn), deliveredVia: o.via, ...(deadline && { deadline: parseDay(deadline) }) } });
  await writeAuditEvent(tx, o.actor, { type: 'exit.notice_served', data: { processId: p.id, notice: o.notice, via: o.via, deliveredOn: o.deliveredOn, ...(deadline && { deadline }) } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.notice_served', metadata: { notice: o.notice, via: o.via, deliveredOn: o.deliveredOn, deadline: deadline ?? null }, at: o.at });
  if (current && o.notice === 'termination_notice') {
    await terminateOnDeliveryInTx(tx, { process: await lockExitProcess(tx, p.id), exitDate: o.deliveredOn, documentSha256: step.documentSha256 ?? '', actor: o.actor, at: o.at });
    return { exitDate: o.deliveredOn };
  }
  return { deadline };
}
