// The employee opens the notice page in the H5. Opening it is the read state we can prove on every
// platform (WeCom reports no read receipts for app messages; DingTalk's robot read state is polled
// by poll-exit-notice-reads.ts): the first open of each notice records the
// time, IP and user agent, in an audit event that goes into the evidence ledger. The employee's own
// open also proves the notice reached them: an undelivered notice counts as delivered that day (its
// return deadline starts to run; mark-exit-notice-delivered.ts).
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDateTime, formatDay } from '../../domain/dates.ts';
import { returnNoticeContent } from '../../domain/exits/exit-documents.ts';
import { RESIGNATION_CONFIRMATION_TEMPLATE } from '../../documents/resignation-confirmation-template.ts';
import type { NoticeView } from '../../domain/views/exits.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeDeliveryNeededCards } from './close-delivery-needed-cards.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { loadAbsentDays, loadExitEmployee } from './exit-facts.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitProcess } from './lock-exit-process.ts';
import { markExitNoticeDeliveredInTx } from './mark-exit-notice-delivered.ts';

/**
 * @example const view = await readExitNotice(deps, { processId, actor }); // actor is the employee: marks the notices read
 */
export async function readExitNotice(deps: ServiceDeps, o: { processId: string; actor: Actor }): Promise<NoticeView> {
  const scope = scopeOf(o.actor, 'exit.read');
  const now = deps.now();
  const view = await deps.db.$transaction(async (tx) => {
    const p = await lockExitProcess(tx, o.processId);
    const own = p.employeeId === o.actor.id;
    if (!scope || (scope !== 'all' && !own)) throw new AppError('forbidden', '只能查看发给本人的通知书');
    if (own) {
      const undelivered = await tx.exitStep.findMany({ where: { processId: p.id, kind: { in: ['return_notice_1', 'return_notice_2'] }, sentAt: { not: null }, deliveredOn: null }, select: { kind: true } });
      for (const u of undelivered) {
        const deliveredOn = dayIn(deps.businessTz, now);
        await markExitNoticeDeliveredInTx(tx, { processId: p.id, notice: u.kind, deliveredOn, via: 'h5', actor: o.actor, at: now });
        await closeDeliveryNeededCards(deps, tx, { processId: p.id, notice: u.kind, deliveredOn, actor: o.actor });
      }
    }
    const steps = await tx.exitStep.findMany({ where: { processId: p.id, kind: { in: ['return_notice_1', 'return_notice_2'] }, sentAt: { not: null } }, orderBy: { sentAt: 'asc' } });
    const employee = await loadExitEmployee(tx, p.employeeId);
    const { rules } = await loadExitSettings(tx);
    const absentDays = await loadAbsentDays(tx, p);
    const firstSent = steps[0]?.sentAt;
    const notices = [];
    for (const s of steps) {
      let readAt = s.readAt;
      // Only the employee's own open counts as reading; HR looking at it does not.
      if (own && !readAt) {
        readAt = now;
        await tx.exitStep.update({ where: { id: s.id }, data: { readAt: now, readIp: o.actor.ip ?? null, readUserAgent: o.actor.userAgent ?? null } });
        await writeAuditEvent(tx, o.actor, { type: 'exit.notice_read', data: { processId: p.id, notice: s.kind, source: 'h5' } }, { type: 'exit_process', id: p.id });
        await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.notice_read', metadata: { notice: s.kind, ip: o.actor.ip ?? null, userAgent: o.actor.userAgent ?? null }, at: now });
      }
      const round = s.kind === 'return_notice_2' ? 2 : 1;
      const sentOn = dayIn(deps.businessTz, s.sentAt as Date);
      const content = returnNoticeContent({ ...employee, absentDays, absentCount: p.absentDays ?? absentDays.length, sentOn, deadline: formatDay(s.deadline) ?? undefined, returnDays: rules.returnDays, round, firstSentOn: firstSent ? dayIn(deps.businessTz, firstSent) : undefined }, rules);
      notices.push({
        kind: s.kind, title: content.title, paragraphs: content.paragraphs, sentAt: formatDateTime(deps.businessTz, s.sentAt as Date), deadline: formatDay(s.deadline), deliveredOn: formatDay(s.deliveredOn),
        readAt: readAt ? formatDateTime(deps.businessTz, readAt) : null, answer: s.answer, answerReturnOn: formatDay(s.answerReturnOn), documentUrl: `/api/v1/exits/${p.id}/documents/${s.kind}`,
      });
    }
    const awaiting = ['NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED'].includes(p.state);
    const latest = steps.at(-1);
    const signed = await tx.signature.findFirst({ where: { template: { startsWith: `${RESIGNATION_CONFIRMATION_TEMPLATE}@` }, subjectId: p.id }, select: { id: true } });
    return {
      processId: p.id, employeeName: employee.name, state: p.state, canAnswer: own && awaiting && steps.length > 0, today: dayIn(deps.businessTz, now), notices,
      canConfirmResignation: own && awaiting && latest?.answer === 'RESIGNED' && !signed,
      resignationSignedUrl: signed ? `/api/v1/signatures/${signed.id}/document` : null,
    };
  });
  if (view.notices.some((n) => n.readAt === formatDateTime(deps.businessTz, now))) await sealExitEvidence(deps);
  return view;
}
