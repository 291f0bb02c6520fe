// Who acknowledged a stored rule: each acknowledgement is a signed declaration (template
// 'company-rule-acknowledgement', subject the rule version). Used by the HR list, the
// acknowledgement template and the termination approval's warning (劳动合同法 第四条).
import type { Db, Tx } from '../../db/client.ts';

export const COMPANY_RULE_SUBJECT = 'company_rule';

/** The version of `kind` now in force, or null when HR has stored none. */
export function findCurrentRule(db: Db | Tx, kind: string) {
  return db.companyRule.findFirst({ where: { kind, supersededAt: null }, orderBy: { version: 'desc' } });
}

/** Employee id → the signature acknowledging rule version `ruleId`. */
export async function acknowledgementsOf(db: Db | Tx, ruleId: string, employeeIds?: string[]) {
  const rows = await db.signature.findMany({
    where: { subjectType: COMPANY_RULE_SUBJECT, subjectId: ruleId, ...(employeeIds && { employeeId: { in: employeeIds } }) },
    select: { id: true, employeeId: true, signedAt: true, evidenceIndex: true },
  });
  return new Map(rows.map((r) => [r.employeeId, r]));
}

/** Whether the employee signed the version of `kind` now in force; false when no rule is stored. */
export async function hasAcknowledgedCurrentRule(db: Db | Tx, o: { kind: string; employeeId: string }): Promise<boolean> {
  const rule = await findCurrentRule(db, o.kind);
  if (!rule) return false;
  return (await acknowledgementsOf(db, rule.id, [o.employeeId])).has(o.employeeId);
}
