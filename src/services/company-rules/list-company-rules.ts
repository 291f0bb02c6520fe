// The stored rules: every version for HR, with how many current employees acknowledged each;
// for an employee, the versions in force and whether they signed them.
import type { Actor } from '../../domain/actor.ts';
import { adoptionMethodLabels, companyRuleKindLabels, isAdoptionMethod, type CompanyRuleKind } from '../../domain/company-rules/company-rule.ts';
import { formatDateTime, formatDay } from '../../domain/dates.ts';
import { scopeOf } from '../../domain/permissions.ts';
import type { CompanyRuleList } from '../../domain/views/company-rules.ts';
import type { ServiceDeps } from '../deps.ts';
import { COMPANY_RULE_SUBJECT } from './rule-acknowledgements.ts';

/** Employees a rule must reach: everyone not yet gone. */
export const CURRENT_EMPLOYEES = { status: { not: 'EXITED' } } as const;

/**
 * @example const { rules } = await listCompanyRules(deps, { actor }); // → [{ id, title, version, current, acknowledged, … }]
 */
export async function listCompanyRules(deps: ServiceDeps, o: { actor: Actor }): Promise<CompanyRuleList> {
  const hr = scopeOf(o.actor, 'company_rule.manage') === 'all';
  const rules = await deps.db.companyRule.findMany({ where: hr ? {} : { supersededAt: null }, orderBy: [{ kind: 'asc' }, { version: 'desc' }] });
  const ids = rules.map((r) => r.id);
  const current = hr ? new Set((await deps.db.employee.findMany({ where: CURRENT_EMPLOYEES, select: { id: true } })).map((e) => e.id)) : new Set([o.actor.id]);
  const signatures = (await deps.db.signature.findMany({
    where: { subjectType: COMPANY_RULE_SUBJECT, subjectId: { in: ids }, ...(!hr && { employeeId: o.actor.id }) },
    select: { subjectId: true, employeeId: true, signedAt: true },
  })).filter((s) => current.has(s.employeeId));
  const employees = current.size;
  return {
    rules: rules.map((r) => {
      const signed = signatures.filter((s) => s.subjectId === r.id);
      const mine = signed.find((s) => s.employeeId === o.actor.id);
      return {
        id: r.id, kind: r.kind, kindLabel: companyRuleKindLabels[r.kind as CompanyRuleKind] ?? r.kind, title: r.title, version: r.version, article: r.article,
        adoptedOn: formatDay(r.adoptedOn), adoptionMethod: r.adoptionMethod,
        adoptionMethodLabel: isAdoptionMethod(r.adoptionMethod) ? adoptionMethodLabels[r.adoptionMethod] : r.adoptionMethod,
        current: r.supersededAt === null, documentUrl: `/api/v1/company-rules/${r.id}/document`,
        acknowledgedAt: mine ? formatDateTime(deps.businessTz, mine.signedAt) : null,
        ...(hr && {
          documentName: r.documentName, minutesName: r.minutesName, minutesUrl: `/api/v1/company-rules/${r.id}/minutes`, uploadedByName: r.uploadedByName,
          storedAt: formatDateTime(deps.businessTz, r.createdAt), acknowledgements: { acknowledged: signed.length, employees },
        }),
      };
    }),
  };
}
