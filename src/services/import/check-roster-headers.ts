// Row 1 decides which column feeds which field. Unknown, repeated or missing columns reject
// the file: a column that is silently dropped is data HR believes was imported.
import type { RosterProblem } from './map-roster-row.ts';
import type { RosterSheet } from './parse-roster-file.ts';
import { fieldOfHeader, rosterColumns, type RosterField } from './roster-columns.ts';

const templateHeaders = rosterColumns.map((c) => c.header).join('、');

export function checkRosterHeaders(sheet: RosterSheet): {
  fieldOfColumn: (RosterField | undefined)[];
  columns: Set<RosterField>;
  problems: RosterProblem[];
} {
  const problems: RosterProblem[] = [];
  const report = (column: string, message: string) => problems.push({ row: 1, column, message });
  const columns = new Set<RosterField>();
  const fieldOfColumn = sheet.headers.map((header, i) => {
    if (header === '') {
      // Formatting-only columns are common in Excel; only a column holding data needs a name.
      if (sheet.rows.some((r) => r.values[i] !== undefined)) report(`第 ${i + 1} 列`, '该列有数据但没有表头，请补上列名或删除该列');
      return undefined;
    }
    const field = fieldOfHeader(header);
    if (!field) {
      report(header, `未知的列「${header}」，模板的列为：${templateHeaders}`);
    } else if (columns.has(field)) {
      report(header, `列「${header}」出现了不止一次`);
    } else {
      columns.add(field);
    }
    return field;
  });
  for (const c of rosterColumns) {
    if (c.required && !columns.has(c.field)) report(c.header, `缺少必填列「${c.header}」（表头应在第 1 行）`);
  }
  return { fieldOfColumn, columns, problems };
}
