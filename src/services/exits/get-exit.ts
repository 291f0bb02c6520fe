// One exit case for its page: the steps with deadlines, documents and their delivery and read
// state, the audit timeline, the checklist, and which actions are open now.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDateTime } from '../../domain/dates.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { DATED_EXIT_KINDS, RESIGNATION_KINDS } from '../../domain/exits/exit-states.ts';
import { AppError } from '../../errors.ts';
import type { ExitDetailView } from '../../domain/views/exits.ts';
import type { ServiceDeps } from '../deps.ts';
import { exitEventLabels, toExitRow, toStepView, toTaskView } from './exit-view.ts';

/**
 * @example const view = await getExit(deps, { actor, id });
 */
export async function getExit(deps: ServiceDeps, o: { actor: Actor; id: string }): Promise<ExitDetailView> {
  const scope = scopeOf(o.actor, 'exit.read');
  const p = await deps.db.exitProcess.findUnique({ where: { id: o.id }, include: { steps: { orderBy: { createdAt: 'asc' } }, tasks: { orderBy: [{ dueOn: 'asc' }, { kind: 'asc' }] } } });
  // Someone else's case is answered like a missing one: its existence is not for them to know.
  if (!p || !scope || (scope !== 'all' && p.employeeId !== o.actor.id)) throw new AppError('not_found', '找不到这个离职流程，或你无权查看；请在「离职管理」中重新打开');
  const hr = scopeOf(o.actor, 'exit.manage') === 'all';
  const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: p.employeeId }, select: { id: true, name: true, employeeNo: true, status: true, department: { select: { name: true } } } });
  const tz = deps.businessTz;
  const today = dayIn(tz, deps.now());
  const events = await deps.db.auditEvent.findMany({ where: { subjectType: 'exit_process', subjectId: p.id }, orderBy: { seq: 'asc' }, select: { type: true, actor: true, data: true, at: true } });
  const steps = await Promise.all(p.steps.map((s) => toStepView(deps.db, tz, s)));
  const approval = p.approvalId ? await deps.db.approval.findUnique({ where: { id: p.approvalId }, select: { id: true, status: true, title: true } }) : null;
  const hasCertificate = p.steps.some((s) => s.kind === 'separation_certificate');
  const unionAnswered = p.steps.some((s) => s.kind === 'union_notification' && s.companyAnsweredOn);
  return {
    ...toExitRow(tz, p, employee),
    employeeStatus: employee.status,
    reason: p.reason, note: p.note, absentDays: p.absentDays, noticeDays: p.noticeDays,
    approval,
    steps: hr ? steps : steps.filter((s) => s.kind.startsWith('return_notice')),
    documents: p.steps.flatMap((s) => (s.documentSha256 ? [{ kind: s.kind, label: steps.find((v) => v.kind === s.kind)?.label ?? s.kind, sha256: s.documentSha256, url: `/api/v1/exits/${p.id}/documents/${s.kind}` }] : [])),
    tasks: hr ? p.tasks.map((t) => toTaskView(tz, t, today)) : [],
    timeline: hr ? events.map((e) => ({ at: formatDateTime(tz, e.at), type: e.type, label: exitEventLabels[e.type] ?? e.type, actorName: (e.actor as { name?: string }).name ?? '', data: e.data })) : [],
    actions: hr ? {
      sendNotice: p.state === 'NOTICE_1_PENDING' || p.state === 'NOTICE_2_PENDING',
      recordChannel: p.steps.some((s) => s.sentAt && (s.kind.startsWith('return_notice') || s.kind === 'termination_notice')),
      recordUnion: p.state === 'UNION_PENDING',
      // 第四十三条: the company's written answer to the union comes before the approval request.
      recordUnionAnswer: p.state === 'UNION_NOTIFIED' && !unionAnswered,
      requestTermination: p.state === 'UNION_NOTIFIED' && unionAnswered,
      markReturned: p.kind === 'ABSENCE' && ['NOTICE_1_PENDING', 'NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED'].includes(p.state),
      acceptResignation: (RESIGNATION_KINDS as readonly string[]).includes(p.kind) && p.state === 'REQUESTED',
      completeExit: (DATED_EXIT_KINDS as readonly string[]).includes(p.kind) && ['REQUESTED', 'ACCEPTED'].includes(p.state),
      issueCertificate: employee.status === 'EXITED' && !hasCertificate,
    } : null,
    evidencePackUrl: hr ? `/api/v1/evidence/packs?subjectType=exit_process&subjectId=${p.id}` : null,
  };
}
