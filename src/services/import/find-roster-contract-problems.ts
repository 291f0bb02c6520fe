// 劳动合同法 第十九条 on the contract term each row ends up with: a column in the file gives the
// value (an empty cell clears it), a column missing from the file keeps what is stored for an
// existing employee. So a file with only 试用期截止日期 is checked against the stored contract,
// and a file that shortens the contract against the stored probation, as the REST edit does
// (services/employees/contract-columns.ts).
import { contractTermProblem, type ContractTerm } from '../../domain/contracts/probation-limit.ts';
import { formatDay } from '../../domain/dates.ts';
import type { KnownEmployee } from './load-roster-employees.ts';
import type { RosterProblem, RosterRecord } from './map-roster-row.ts';
import { headerOf, type RosterField } from './roster-columns.ts';

type TermField = keyof ContractTerm;

/** @example findRosterContractProblems(records, columns, known) // → [{ row: 2, column: '试用期截止日期', message: '试用期超过法定上限：…' }] */
export function findRosterContractProblems(records: RosterRecord[], columns: Set<RosterField>, known: Map<string, KnownEmployee>): RosterProblem[] {
  return records.flatMap((r) => {
    const current = known.get(r.input.employeeNo);
    const pick = (f: TermField) => (!current || columns.has(f) ? (r.input[f] ?? null) : (formatDay(current[f]) ?? null));
    const problem = contractTermProblem({ contractStart: pick('contractStart'), contractEnd: pick('contractEnd'), probationEnd: pick('probationEnd') });
    return problem ? [{ row: r.row, column: headerOf[problem.field], message: problem.message }] : [];
  });
}
