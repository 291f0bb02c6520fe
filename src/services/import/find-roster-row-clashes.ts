// Checks that need the whole file: values that must be unique across rows, and reporting
// lines that loop back on themselves (A reports to B reports to A).
import type { RosterProblem, RosterRecord } from './map-roster-row.ts';
import { headerOf, type RosterField } from './roster-columns.ts';

const uniqueFields: { field: RosterField; of: (r: RosterRecord) => string | undefined }[] = [
  { field: 'employeeNo', of: (r) => r.input.employeeNo },
  { field: 'mobile', of: (r) => r.input.mobile },
  { field: 'idNumber', of: (r) => r.input.idNumber },
  { field: 'wecom', of: (r) => r.input.identities?.wecom },
  { field: 'dingtalk', of: (r) => r.input.identities?.dingtalk },
];

export function findRosterRowClashes(records: RosterRecord[]): RosterProblem[] {
  const problems: RosterProblem[] = [];
  for (const { field, of } of uniqueFields) {
    const firstRow = new Map<string, number>();
    for (const r of records) {
      const value = of(r);
      if (value === undefined) continue;
      const first = firstRow.get(value);
      if (first === undefined) firstRow.set(value, r.row);
      else problems.push({ row: r.row, column: headerOf[field], message: `与第 ${first} 行重复` });
    }
  }
  return [...problems, ...findManagerLoops(records)];
}

function findManagerLoops(records: RosterRecord[]): RosterProblem[] {
  const byNo = new Map(records.map((r) => [r.input.employeeNo, r]));
  const done = new Set<string>();
  const problems: RosterProblem[] = [];
  for (const start of records) {
    // Walk up the chain once; every employee is visited at most once overall, so O(rows).
    const path: string[] = [];
    const onPath = new Set<string>();
    let no: string | undefined = start.input.employeeNo;
    while (no !== undefined && byNo.has(no) && !done.has(no) && !onPath.has(no)) {
      path.push(no);
      onPath.add(no);
      no = byNo.get(no)?.input.managerEmployeeNo ?? undefined;
    }
    const loopStart = no !== undefined && onPath.has(no) ? path.indexOf(no) : -1;
    if (loopStart >= 0) {
      const loop = path.slice(loopStart);
      const text = [...loop, loop[0]].join(' → ');
      for (const member of loop) {
        problems.push({ row: byNo.get(member)?.row ?? 0, column: headerOf.managerEmployeeNo, message: `直属上级关系形成循环：${text}` });
      }
    }
    path.forEach((n) => done.add(n));
  }
  return problems;
}
