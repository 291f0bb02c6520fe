// Row 1 decides which column feeds which field. Unknown, repeated or missing columns reject
// the file: a column that is silently dropped is data HR believes was imported.
import type { RosterProblem } from './map-roster-row.ts';
import type { RosterSheet } from './parse-roster-file.ts';
import { fieldOfHeader, rosterColumns, type RosterField } from './roster-columns.ts';

/** A spreadsheet template: its columns and how a typed header maps to a field. */
export interface SheetTemplate<F extends string> {
  columns: readonly { header: string; field: F; required: boolean }[];
  fieldOfHeader(raw: string): F | undefined;
}

export function checkRosterHeaders(sheet: RosterSheet) {
  return checkSheetHeaders<RosterField>(sheet, { columns: rosterColumns, fieldOfHeader });
}

/** The roster's header rules for any template (the contribution import uses them too). */
export function checkSheetHeaders<F extends string>(sheet: RosterSheet, template: SheetTemplate<F>): {
  fieldOfColumn: (F | undefined)[];
  columns: Set<F>;
  problems: RosterProblem[];
} {
  const templateHeaders = template.columns.map((c) => c.header).join('、');
  const problems: RosterProblem[] = [];
  const report = (column: string, message: string) => problems.push({ row: 1, column, message });
  const columns = new Set<F>();
  const fieldOfColumn = sheet.headers.map((header, i) => {
    if (header === '') {
      // Formatting-only columns are common in Excel; only a column holding data needs a name.
      if (sheet.rows.some((r) => r.values[i] !== undefined)) report(`第 ${i + 1} 列`, '该列有数据但没有表头，请补上列名或删除该列');
      return undefined;
    }
    const field = template.fieldOfHeader(header);
    if (!field) {
      report(header, `未知的列「${header}」，模板的列为：${templateHeaders}`);
    } else if (columns.has(field)) {
      report(header, `列「${header}」出现了不止一次`);
    } else {
      columns.add(field);
    }
    return field;
  });
  for (const c of template.columns) {
    if (c.required && !columns.has(c.field)) report(c.header, `缺少必填列「${c.header}」（表头应在第 1 行）`);
  }
  return { fieldOfColumn, columns, problems };
}
