// One exception with everything its page shows: the required-document checklist (lawful
// reasons), the money at risk line by line with its legal basis (waivers), the approval's state,
// the legal notes and the tasks it opened. Employees read only their own.
import type { Actor } from '../../domain/actor.ts';
import { approvalStatusLabels, decisionLabels } from '../../domain/approvals/approval-definition.ts';
import { dayIn, formatDateTime, formatDay } from '../../domain/dates.ts';
import { INJURY_STILL_REQUIRED, isReasonCategory, reasonCategories, WAIVER_VOID_NOTE } from '../../domain/exceptions/reason-categories.ts';
import { ALL_OWED } from '../../domain/exceptions/owed-insurance.ts';
import { WITHDRAWABLE_STATUSES } from '../../domain/exceptions/exception-status.ts';
import { formatYuan } from '../../domain/money.ts';
import { authorize, scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ExceptionDetail } from '../../domain/views/exceptions.ts';
import type { ServiceDeps } from '../deps.ts';
import { checkExceptionDocuments } from './check-exception-documents.ts';
import { estimateWaiverRisk } from './estimate-waiver-risk.ts';
import { lapsedClock, owedInsuranceViews } from './exception-clock-view.ts';
import { pensionerAgeCheck } from './pensioner-age-check.ts';
import { toExceptionListItems } from './list-insurance-exceptions.ts';

/**
 * @example
 *   const view = await getInsuranceException(deps, { actor, id }); // view.missing → ['退休证或养老金领取证明']
 */
export async function getInsuranceException(deps: ServiceDeps, opts: { actor: Actor; id: string }): Promise<ExceptionDetail> {
  const scope = authorize(opts.actor, 'exception.read');
  const e = await deps.db.insuranceException.findUnique({ where: { id: opts.id } });
  if (!e || (scope !== 'all' && e.employeeId !== opts.actor.id)) throw new AppError('not_found', '找不到这条社保例外申请，可能已撤回或链接有误；请在「社保例外」列表中重新打开');
  const [item] = await toExceptionListItems(deps, [e]);
  if (!item) throw new AppError('internal', '这条社保例外申请暂时无法显示，请稍后重试或联系人事');
  const info = isReasonCategory(e.reasonCategory) ? reasonCategories[e.reasonCategory] : undefined;
  const documents = await checkExceptionDocuments(deps.db, e, deps.publicBaseUrl);
  const missing = documents.filter((d) => !d.present).map((d) => d.label);
  const today = dayIn(deps.businessTz, deps.now());
  let risk: ExceptionDetail['risk'] = null;
  if (!info?.lawful) {
    const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: e.employeeId }, select: { startDate: true, monthlyWageFen: true, insuredCity: true } });
    const r = await estimateWaiverRisk(deps.db, employee, today);
    if (r) risk = { lines: r.lines.map((l) => ({ label: l.label, amountFen: l.amountFen, amount: formatYuan(l.amountFen), detail: l.detail, legalBasis: l.legalBasis })), totalFen: r.totalFen, total: formatYuan(r.totalFen), asOf: today, warnings: r.warnings };
  }
  const approval = e.approvalId
    ? await deps.db.approval.findUnique({
      where: { id: e.approvalId },
      select: { id: true, status: true, decidedAt: true, steps: { orderBy: { index: 'asc' }, select: { decisions: { orderBy: { at: 'asc' }, select: { approverName: true, decision: true, comment: true, at: true } } } } },
    })
    : null;
  const tz = deps.businessTz;
  const tasks = await deps.db.complianceTask.findMany({ where: { subjectType: 'insurance_exception', subjectId: e.id }, orderBy: { createdAt: 'asc' } });
  return {
    ...item,
    plausibilityWarning: scope === 'all' ? await pensionerAgeCheck(deps.db, e, today) : null,
    reasonNote: e.reasonNote,
    legalNotes: [info?.legalNote ?? WAIVER_VOID_NOTE, ...(info?.lawful ? [] : [INJURY_STILL_REQUIRED])],
    documents,
    missing,
    risk,
    approval: approval && {
      id: approval.id, status: approval.status, statusLabel: approvalStatusLabels[approval.status], decidedAt: approval.decidedAt && formatDateTime(tz, approval.decidedAt),
      decisions: approval.steps.flatMap((st) => st.decisions).map((d) => ({
        approverName: d.approverName, decision: d.decision, decisionLabel: decisionLabels[d.decision as 'APPROVE'] ?? d.decision, comment: d.comment, at: formatDateTime(tz, d.at),
      })),
    },
    tasks: tasks.map((t) => ({ id: t.id, kind: t.kind, title: t.title, dueOn: formatDay(t.dueOn) as string, state: t.state })),
    owedInsurances: owedInsuranceViews(info?.owed ?? ALL_OWED),
    ...lapsedClock(e),
    canSubmit: e.status === 'DRAFT' && missing.length === 0 && scopeOf(opts.actor, 'exception.submit') !== undefined,
    canWithdraw: opts.actor.kind === 'employee' && e.employeeId === opts.actor.id && WITHDRAWABLE_STATUSES.includes(e.status),
    evidencePackUrl: scope === 'all' ? `/api/v1/evidence/packs?subjectType=insurance_exception&subjectId=${e.id}` : null,
  };
}
