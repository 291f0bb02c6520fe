// A 第三十九条第（二）项 termination rests on a rule the employee knew (劳动合同法 第四条). Without
// their acknowledgement of the attendance rule in force, the approver is warned and must accept
// the risk explicitly.
import type { Db, Tx } from '../../db/client.ts';
import { unacknowledgedWarning } from '../../domain/company-rules/company-rule.ts';
import { EXIT_RULES_KEY, parseExitRules } from '../../domain/exits/exit-rules.ts';
import { findCurrentRule, hasAcknowledgedCurrentRule } from '../company-rules/rule-acknowledgements.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

/**
 * @example await terminationRuleWarning(tx, employeeId) // → '该员工未签收《员工考勤管理制度》，解除可能被认定违法（《劳动合同法》第四条）' or undefined
 */
export async function terminationRuleWarning(db: Db | Tx, employeeId: string | null): Promise<string | undefined> {
  if (employeeId && (await hasAcknowledgedCurrentRule(db, { kind: 'attendance', employeeId }))) return undefined;
  const stored = await findCurrentRule(db, 'attendance');
  const title = stored?.title ?? (await loadStoredRules(db, { key: EXIT_RULES_KEY, parse: parseExitRules, invalid: 'exit rules in AppMeta are invalid; using the defaults' })).attendanceRuleName;
  return unacknowledgedWarning(title);
}
