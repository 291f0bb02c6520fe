// Who an evidence pack is about, and whether the caller may have it: HR roles may export any
// employee or case; everyone else only their own (a case only when every entry in it is theirs).
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { AuditSubject } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

export type PackScopeInput = { kind: 'employee'; employeeId: string } | { kind: 'case'; subjectType: string; subjectId: string };

export interface PackScope {
  where: Prisma.EvidenceEntryWhereInput;
  /** Shown in the README, e.g. '员工 张三（工号 E001）'. */
  about: string;
  aboutEn: string;
  /** For the audit event and file name, e.g. 'employee:E001'. */
  label: string;
  fileStem: string;
  /** Audit subjects whose events always belong in the timeline. */
  timelineSubjects: { type: string; id: string }[];
  auditSubject?: AuditSubject;
  /** Set for a caller limited to their own evidence: every selected entry must be theirs. */
  ownerOnly?: string;
  /** The employee exporting their own pack (not HR): other people in the timeline are shown by role only. */
  ownView?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUBJECT = /^[A-Za-z0-9_.:-]{1,100}$/;
/** Subject types the audit log accepts (write-audit-event.ts AuditSubject). */
const auditSubjectTypes: readonly string[] = ['employee', 'insurance_exception'];

/** @example await resolvePackScope(deps, { kind: 'employee', employeeId }, actor) // → { where: { employeeId }, about: '员工 张三（工号 E001）', … } */
export async function resolvePackScope(deps: ServiceDeps, scope: PackScopeInput, actor: Actor): Promise<PackScope> {
  const reach = authorize(actor, 'evidence.export');
  const own = reach === 'all' ? undefined : actor.kind === 'employee' ? actor.id : '';
  if (scope.kind === 'employee') {
    if (!UUID.test(scope.employeeId)) throw new AppError('bad_request', '员工编号格式不正确，请从员工名单中选择');
    if (own !== undefined && own !== scope.employeeId) throw new AppError('forbidden', '你只能导出自己的证据包');
    const employee = await deps.db.employee.findUnique({ where: { id: scope.employeeId }, select: { id: true, name: true, employeeNo: true } });
    if (!employee) throw new AppError('not_found', '找不到这位员工，请从员工名单中选择');
    return {
      where: { employeeId: employee.id },
      about: `员工 ${employee.name}（工号 ${employee.employeeNo}）`,
      aboutEn: `employee ${employee.name} (No. ${employee.employeeNo})`,
      label: `employee:${employee.employeeNo}`,
      fileStem: `employee-${safe(employee.employeeNo)}`,
      timelineSubjects: [{ type: 'employee', id: employee.id }],
      auditSubject: { type: 'employee', id: employee.id },
      ownView: own,
    };
  }
  if (!SUBJECT.test(scope.subjectType) || !SUBJECT.test(scope.subjectId)) {
    throw new AppError('bad_request', '案件须写成 类型:编号，只能包含字母、数字和 _ . : -（例如 insurance_exception:…）');
  }
  const { subjectType, subjectId } = scope;
  return {
    where: { subjectType, subjectId },
    about: `案件 ${subjectType} ${subjectId}`,
    aboutEn: `case ${subjectType} ${subjectId}`,
    label: `case:${subjectType}:${subjectId}`,
    fileStem: `case-${safe(subjectType)}-${safe(subjectId).slice(0, 36)}`,
    timelineSubjects: [{ type: subjectType, id: subjectId }],
    auditSubject: auditSubjectTypes.includes(subjectType) ? ({ type: subjectType, id: subjectId } as AuditSubject) : undefined,
    ownerOnly: own,
    ownView: own,
  };
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
