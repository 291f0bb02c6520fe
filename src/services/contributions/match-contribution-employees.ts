// Ties each row to a stored employee by 工号, one query per 5,000 rows. A 姓名 or 身份证号 in
// the file must agree with that employee: a payment booked to the wrong person is worse than
// a rejected file. ID numbers are compared by keyed hash, never decrypted.
import type { PersonalDataCipher } from '../../crypto/personal-data.ts';
import type { Tx } from '../../db/client.ts';
import { chunk } from '../import/chunk.ts';
import type { RosterProblem } from '../import/map-roster-row.ts';
import { contributionHeaderOf } from './contribution-columns.ts';
import type { ContributionRecord } from './map-contribution-row.ts';

const BATCH = 5000;

export async function matchContributionEmployees(
  tx: Tx,
  cipher: PersonalDataCipher,
  records: ContributionRecord[],
): Promise<{ idOf: Map<string, string>; problems: RosterProblem[] }> {
  const known = new Map<string, { id: string; name: string; idNumberHash: string | null }>();
  for (const batch of chunk([...new Set(records.map((r) => r.employeeNo))], BATCH)) {
    const rows = await tx.employee.findMany({ where: { employeeNo: { in: batch } }, select: { id: true, employeeNo: true, name: true, idNumberHash: true } });
    for (const row of rows) known.set(row.employeeNo, row);
  }
  const problems: RosterProblem[] = [];
  const report = (r: ContributionRecord, column: string, message: string) => problems.push({ row: r.row, column, message });
  for (const r of records) {
    const e = known.get(r.employeeNo);
    if (!e) {
      report(r, contributionHeaderOf.employeeNo, `工号 ${r.employeeNo} 在系统中不存在，请先导入员工名册`);
      continue;
    }
    if (r.name !== undefined && r.name !== e.name) {
      report(r, contributionHeaderOf.name, `姓名「${r.name}」与工号 ${r.employeeNo} 的档案姓名「${e.name}」不一致`);
    }
    if (r.idNumber !== undefined) {
      if (!e.idNumberHash) report(r, contributionHeaderOf.idNumber, `工号 ${r.employeeNo} 的档案未登记身份证号，无法核对；请先补登或删除该列`);
      else if (cipher.lookupHash('idNumber', r.idNumber) !== e.idNumberHash) report(r, contributionHeaderOf.idNumber, `身份证号与工号 ${r.employeeNo} 的档案不一致`);
    }
  }
  return { idOf: new Map([...known].map(([no, e]) => [no, e.id])), problems };
}
