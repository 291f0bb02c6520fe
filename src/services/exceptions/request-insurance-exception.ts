// An employee asks not to be insured here. A lawful reason (src/domain/exceptions/lawful-categories.ts,
// each with its article) opens a DRAFT that collects a signed declaration and the category's
// proofs. Any other reason is a waiver, void under 法释〔2025〕12号 第十九条:
// it is recorded (REMEDIATION), HR gets an urgent card with the money at risk, and an enrolment
// task is opened. One open exception per employee at a time.
import { buildExceptionRequestCard } from '../../../cards/exception-request-card.ts';
import { buildWaiverWarningCard } from '../../../cards/exception-waiver-warning-card.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { OPEN_EXCEPTION_STATUSES } from '../../domain/exceptions/exception-status.ts';
import { isReasonCategory, REASON_CATEGORY_MESSAGE, reasonCategories, requiredDocuments } from '../../domain/exceptions/reason-categories.ts';
import { exceptionRequestNumber } from '../../domain/exceptions/request-number.ts';
import { formatYuan } from '../../domain/money.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { RequestExceptionResult } from '../../domain/views/exceptions.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { enrolmentDeadlineFor } from './enrolment-deadline-for.ts';
import { estimateWaiverRisk } from './estimate-waiver-risk.ts';
import { declarationSignUrl, exceptionPageUrl, proofUploadUrl } from './exception-links.ts';
import { openRemediationTask } from './open-remediation-task.ts';
import { queueExceptionCard } from './queue-exception-card.ts';
import { exceptionRequestFacts } from './refresh-exception-request-cards.ts';

export interface RequestInsuranceExceptionOptions {
  /** The employee asking, signed in. */
  actor: Actor;
  reasonCategory: string;
  note?: string;
}

/** The answer's shape is the H5's (RequestExceptionResult); the service hands back the whole row. */
export interface RequestInsuranceExceptionResult extends RequestExceptionResult {
  exception: InsuranceException;
}

/**
 * @example
 *   const { exception, nextSteps } = await requestInsuranceException(deps, { actor, reasonCategory: 'RETIRED_PENSIONER' });
 *   // exception.status === 'DRAFT'; nextSteps: 签署声明, 上传「退休证或养老金领取证明」
 */
export async function requestInsuranceException(deps: ServiceDeps, opts: RequestInsuranceExceptionOptions): Promise<RequestInsuranceExceptionResult> {
  authorize(opts.actor, 'exception.request');
  if (opts.actor.kind !== 'employee') throw new AppError('forbidden', '社保例外申请只能由员工本人登录后提出');
  if (!isReasonCategory(opts.reasonCategory)) throw new AppError('validation_failed', REASON_CATEGORY_MESSAGE);
  const info = reasonCategories[opts.reasonCategory];
  const note = opts.note?.trim() || null;
  if (note && note.length > 500) throw new AppError('validation_failed', '补充说明最多 500 字');
  const employee = await deps.db.employee.findUnique({ where: { id: opts.actor.id }, include: { department: { select: { name: true } } } });
  if (!employee) throw new AppError('not_found', '找不到你的员工档案');
  if (employee.status === 'EXITED') throw new AppError('illegal_transition', '已离职员工不能提出社保例外申请');
  const now = deps.now();
  const today = dayIn(deps.businessTz, now);
  const clockStart = formatDay(employee.enrolmentClockFrom ?? employee.startDate) as string;
  const deadline = info.lawful ? undefined : await enrolmentDeadlineFor(deps.db, { clockStart, today });
  const risk = info.lawful ? null : await estimateWaiverRisk(deps.db, employee, today);
  const base = deps.publicBaseUrl;
  const exception = await deps.db.$transaction(async (tx) => {
    // Serializes requests of one employee so the open-exception check cannot race.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`insurance-exception:${employee.id}`}, 0))`;
    const open = await tx.insuranceException.findFirst({ where: { employeeId: employee.id, status: { in: [...OPEN_EXCEPTION_STATUSES] } }, select: { id: true } });
    if (open) throw new AppError('conflict', '你已有一项进行中的社保例外申请，请先处理或撤回后再申请', { exceptionId: open.id });
    const created = await tx.insuranceException.create({
      data: { employeeId: employee.id, kind: info.kind, reasonCategory: info.category, reasonNote: note, status: info.lawful ? 'DRAFT' : 'REMEDIATION' },
    });
    await appendEvidence(tx, {
      type: 'insurance_exception.requested', subjectType: 'insurance_exception', subjectId: created.id, employeeId: employee.id,
      payload: { kind: 'row', table: 'InsuranceException', id: created.id }, metadata: { lawful: info.lawful, status: created.status }, at: now,
    });
    const subject = { type: 'insurance_exception' as const, id: created.id };
    const data = { exceptionId: created.id, employeeId: employee.id, kind: info.kind, reasonCategory: info.category };
    await writeAuditEvent(tx, opts.actor, { type: 'exception.requested', data: { ...data, lawful: info.lawful } }, subject);
    const who = { name: employee.name, department: employee.department.name, reasonLabel: info.label };
    const h5Url = exceptionPageUrl(base, created.id);
    if (info.lawful) {
      const facts = exceptionRequestFacts({ ...who, requestNo: exceptionRequestNumber(created, deps.businessTz) }, info, requiredDocuments(info.category).map((d) => ({ ...d, present: false })));
      await queueExceptionCard(deps, tx, {
        actor: opts.actor, exceptionId: created.id, employeeId: employee.id, audience: 'hr', prefix: 'exr',
        build: (key) => buildExceptionRequestCard({ key, h5Url, facts }),
      });
    } else if (deadline) {
      await openRemediationTask(tx, { actor: opts.actor, exception: created, employeeName: employee.name, clockStart, deadline, reason: info.legalNote });
      const money = risk && {
        backpay: formatYuan(risk.backpayFen), months: risk.months.length, lateFee: formatYuan(risk.lateFeeFen), compensation: formatYuan(risk.compensationFen), total: formatYuan(risk.totalFen),
        ...(!risk.verified && { unverified: true }),
      };
      await queueExceptionCard(deps, tx, {
        actor: opts.actor, exceptionId: created.id, employeeId: employee.id, audience: 'hr', prefix: 'exw',
        build: (key) => buildWaiverWarningCard({ key, h5Url, facts: { ...who, ...(money && { risk: money }), taskDueOn: deadline.dueOn } }),
      });
    }
    return created;
  });
  await sealTreeHead(deps);
  const nextSteps = info.lawful
    ? [
      { label: '签署声明', url: declarationSignUrl(base, exception.id) },
      ...info.proofs.map((p) => ({ label: `上传「${p.label}」`, url: proofUploadUrl(base, exception.id, p.kind) })),
      { label: '材料齐全后由人事提交人事经理审批' },
    ]
    : [{ label: '根据法释〔2025〕12号第十九条，该申请无效，公司仍须依法为你缴纳社会保险' }, { label: `人事将在 ${deadline?.dueOn} 前为你办理社保增员` }];
  return { exception, lawful: info.lawful, nextSteps };
}
