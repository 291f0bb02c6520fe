import { checkSheetHeaders } from '../import/check-roster-headers.ts';
import type { RosterProblem } from '../import/map-roster-row.ts';
import type { RosterSheet } from '../import/parse-roster-file.ts';
import { contributionColumns, contributionFieldOfHeader, contributionHeaderOf, insuranceLabels, type ContributionField } from './contribution-columns.ts';
import { mapContributionRow, type ContributionRecord } from './map-contribution-row.ts';

export interface CheckedContributions {
  records: ContributionRecord[];
  /** Fields whose column is in the file; a missing 参保城市 / 缴费主体 leaves the stored value. */
  columns: Set<ContributionField>;
  problems: RosterProblem[];
  /** Data rows in the file, valid or not. */
  rowCount: number;
}

/**
 * Every check that needs only the file: the header, each row, and the same employee × 所属期 ×
 * 险种 twice. Collects every problem so HR fixes the file in one round.
 *
 * @example
 *   const checked = validateContributionRows(await readRosterSheet(await openSpreadsheet({ fileName, buffer })));
 */
export function validateContributionRows(sheet: RosterSheet): CheckedContributions {
  const header = checkSheetHeaders(sheet, { columns: contributionColumns, fieldOfHeader: contributionFieldOfHeader });
  const rowCount = sheet.rows.length;
  if (header.problems.length > 0) return { records: [], columns: header.columns, problems: header.problems, rowCount };
  const records: ContributionRecord[] = [];
  const problems: RosterProblem[] = [];
  const firstRow = new Map<string, number>();
  for (const row of sheet.rows) {
    const mapped = mapContributionRow(row, header.fieldOfColumn);
    problems.push(...mapped.problems);
    const r = mapped.record;
    if (!r) continue;
    const key = `${r.employeeNo}|${r.month}|${r.insuranceType}`;
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, r.row);
      records.push(r);
    } else {
      const what = `${r.employeeNo} ${r.month} ${insuranceLabels[r.insuranceType]}`;
      problems.push({ row: r.row, column: contributionHeaderOf.insuranceType, message: `与第 ${first} 行重复（${what}）` });
    }
  }
  return { records, columns: header.columns, problems: problems.sort((a, b) => a.row - b.row), rowCount };
}
