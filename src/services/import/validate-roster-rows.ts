import { checkRosterHeaders } from './check-roster-headers.ts';
import { findRosterRowClashes } from './find-roster-row-clashes.ts';
import { mapRosterRow, type RosterProblem, type RosterRecord } from './map-roster-row.ts';
import type { RosterSheet } from './parse-roster-file.ts';
import type { RosterField } from './roster-columns.ts';

export interface CheckedRoster {
  /** Rows that passed every check that needs no database. */
  records: RosterRecord[];
  /** Fields whose column is in the file. On update only these are written. */
  columns: Set<RosterField>;
  problems: RosterProblem[];
  /** Data rows in the file, valid or not. */
  rowCount: number;
}

/**
 * Every check that needs only the file: header, each row against the API's schema, and
 * clashes between rows. Collects all problems rather than stopping at the first, so HR
 * fixes the file in one round. Database checks follow in findRosterConflicts.
 *
 * @example
 *   const checked = validateRosterRows(await readRosterSheet(await openSpreadsheet({ fileName, buffer })), '2026-12-07');
 *   if (checked.problems.length > 0) showTable(checked.problems);
 */
export function validateRosterRows(sheet: RosterSheet, today: string): CheckedRoster {
  const header = checkRosterHeaders(sheet);
  const rowCount = sheet.rows.length;
  if (header.problems.length > 0) return { records: [], columns: header.columns, problems: header.problems, rowCount };
  const records: RosterRecord[] = [];
  const problems: RosterProblem[] = [];
  for (const row of sheet.rows) {
    const mapped = mapRosterRow(row, header.fieldOfColumn, today);
    problems.push(...mapped.problems);
    if (mapped.record) records.push(mapped.record);
  }
  problems.push(...findRosterRowClashes(records));
  return { records, columns: header.columns, problems: sortProblems(problems), rowCount };
}

function sortProblems(problems: RosterProblem[]): RosterProblem[] {
  return problems.sort((a, b) => a.row - b.row);
}
