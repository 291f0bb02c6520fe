// One spreadsheet row → a contribution record, or the problems that stop it. Only checks that
// need no database; whether the 工号 exists and the name / ID match is findContributionConflicts.
import { findIdNumberProblem, idNumberMessage, normalizeIdNumber } from '../../domain/id-number.ts';
import { yuanToFen } from '../../domain/money.ts';
import type { InsuranceType } from '../../generated/prisma/enums.ts';
import type { RosterProblem } from '../import/map-roster-row.ts';
import type { RosterRow } from '../import/parse-roster-file.ts';
import type { RosterCell } from '../import/read-cell-value.ts';
import { contributionHeaderOf, insuranceLabels, insuranceTypeOf, type ContributionField } from './contribution-columns.ts';
import { readMonthCell } from './read-month-cell.ts';

export interface ContributionRecord {
  row: number;
  employeeNo: string;
  name?: string;
  /** Normalized (upper-case X), only when the file gives one. */
  idNumber?: string;
  /** 'YYYY-MM'. */
  month: string;
  insuranceType: InsuranceType;
  baseFen: number;
  employerFen: number;
  employeeFen: number;
  city: string | null;
  payerEntity: string | null;
}

export function mapContributionRow(row: RosterRow, fieldOfColumn: (ContributionField | undefined)[]): { record?: ContributionRecord; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const report = (field: ContributionField, message: string) => problems.push({ row: row.rowNumber, column: contributionHeaderOf[field], message });
  const cells = new Map<ContributionField, RosterCell>();
  fieldOfColumn.forEach((field, i) => {
    const value = row.values[i];
    if (field && value !== undefined) cells.set(field, value);
  });
  const text = (field: ContributionField) => (cells.has(field) ? String(cells.get(field)).trim() : undefined);

  const employeeNo = text('employeeNo');
  if (!employeeNo) report('employeeNo', '必填，不能为空');
  const idCell = cells.get('idNumber');
  let idNumber: string | undefined;
  if (typeof idCell === 'number') {
    report('idNumber', '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为「文本」格式后重新填写');
  } else if (idCell !== undefined) {
    const problem = findIdNumberProblem(idCell);
    if (problem) report('idNumber', idNumberMessage(idCell, problem));
    else idNumber = normalizeIdNumber(idCell);
  }
  const monthCell = cells.get('month');
  const month = monthCell === undefined ? undefined : readMonthCell(monthCell);
  if (monthCell === undefined) report('month', '必填，不能为空');
  else if (!month) report('month', `「${monthCell}」不是有效的所属期，应写成 2026-01 这样的年月`);
  const typeText = text('insuranceType');
  const insuranceType = typeText ? insuranceTypeOf(typeText) : undefined;
  if (!typeText) report('insuranceType', '必填，不能为空');
  else if (!insuranceType) report('insuranceType', `未知险种「${typeText}」，可填：${Object.values(insuranceLabels).join('、')}`);

  const amount = (field: 'base' | 'employer' | 'employee'): number | undefined => {
    const cell = cells.get(field);
    const fen = cell === undefined ? undefined : yuanToFen(cell);
    if (cell === undefined) report(field, '必填，不能为空');
    else if (fen === undefined) report(field, `「${cell}」不是有效金额：应为不小于 0 的元金额，最多两位小数`);
    return fen;
  };
  const baseFen = amount('base');
  const employerFen = amount('employer');
  const employeeFen = amount('employee');
  if (baseFen === 0) report('base', '缴费基数应大于 0');

  if (problems.length > 0 || !employeeNo || !month || !insuranceType || baseFen === undefined || employerFen === undefined || employeeFen === undefined) {
    return { problems };
  }
  return {
    record: {
      row: row.rowNumber, employeeNo, name: text('name'), idNumber, month, insuranceType,
      baseFen, employerFen, employeeFen,
      city: text('city') ?? null, payerEntity: text('payerEntity') ?? null,
    },
    problems,
  };
}
