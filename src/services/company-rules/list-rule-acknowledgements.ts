// For HR: every current employee and whether they signed a rule version, those who have not
// first — the list HR works through before relying on the rule (劳动合同法 第四条).
import { formatDateTime } from '../../domain/dates.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { RuleAcknowledgementList } from '../../domain/views/company-rules.ts';
import type { ServiceDeps } from '../deps.ts';
import { CURRENT_EMPLOYEES } from './list-company-rules.ts';
import { acknowledgementsOf } from './rule-acknowledgements.ts';

/**
 * @example const { employees } = await listRuleAcknowledgements(deps, { actor, ruleId }); // → [{ name, acknowledged: false, … }]
 */
export async function listRuleAcknowledgements(deps: ServiceDeps, o: { actor: Actor; ruleId: string }): Promise<RuleAcknowledgementList> {
  authorize(o.actor, 'company_rule.manage');
  const rule = await deps.db.companyRule.findUnique({ where: { id: o.ruleId }, select: { id: true, title: true, version: true } });
  if (!rule) throw new AppError('not_found', '找不到该规章制度');
  const employees = await deps.db.employee.findMany({
    where: CURRENT_EMPLOYEES, orderBy: { employeeNo: 'asc' },
    select: { id: true, name: true, employeeNo: true, department: { select: { name: true } } },
  });
  const signed = await acknowledgementsOf(deps.db, rule.id);
  const rows = employees.map((e) => {
    const s = signed.get(e.id);
    return {
      employeeId: e.id, name: e.name, employeeNo: e.employeeNo, department: e.department.name, acknowledged: Boolean(s),
      acknowledgedAt: s ? formatDateTime(deps.businessTz, s.signedAt) : null, signatureId: s?.id ?? null,
    };
  });
  rows.sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged));
  return { rule: { id: rule.id, title: rule.title, version: rule.version }, acknowledged: rows.filter((r) => r.acknowledged).length, pending: rows.filter((r) => !r.acknowledged).length, employees: rows };
}
