// One spreadsheet row → the same input the REST API takes, validated by the same zod schema,
// so a value the API accepts is accepted here and vice versa. Only the spreadsheet-isms
// (labels, date cells, numbers typed into text columns) are translated first.
import type { z } from 'zod';
import { identityFacts } from '../../domain/identity-document.ts';
import { CHILD_LABOUR_PROBLEM, childLabourMessage, workingAge } from '../../domain/working-age.ts';
import { rosterEmployeeInput, type CreateEmployeeInput } from '../employees/employee-input.ts';
import type { RosterRow } from './parse-roster-file.ts';
import type { RosterCell } from './read-cell-value.ts';
import { dateFields, headerOf, type RosterField } from './roster-columns.ts';
import { readRetirementCategoryCell, readRolesCell, readStatusCell, toDayText } from './read-roster-labels.ts';

export interface RosterProblem {
  /** Spreadsheet row number (header = 1). */
  row: number;
  /** The Chinese header of the offending column. */
  column: string;
  message: string;
  /** Set for problems a caller may act on by kind: 'child_labour' (《劳动法》第十五条). */
  problem?: typeof CHILD_LABOUR_PROBLEM;
}

export interface RosterRecord {
  row: number;
  input: CreateEmployeeInput;
  /** Without a 状态 / 角色 value an update keeps what is stored; a create takes the default. */
  statusGiven: boolean;
  rolesGiven: boolean;
}

/** `today`: the business day ('YYYY-MM-DD' in BUSINESS_TZ) ages are counted on. */
export function mapRosterRow(row: RosterRow, fieldOfColumn: (RosterField | undefined)[], today: string): { record?: RosterRecord; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const report = (field: RosterField, message: string) => problems.push({ row: row.rowNumber, column: headerOf[field], message });
  const cells = new Map<RosterField, RosterCell>();
  fieldOfColumn.forEach((field, i) => {
    const value = row.values[i];
    if (field && value !== undefined) cells.set(field, value);
  });

  const candidate: Record<string, unknown> = {};
  const identities: Record<string, string> = {};
  for (const [field, cell] of cells) {
    if (field === 'idNumber' && typeof cell === 'number') {
      report(field, '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为「文本」格式后重新填写');
    } else if (field === 'roles' || field === 'status' || field === 'retirementCategory') {
      const read = field === 'roles' ? readRolesCell(String(cell)) : field === 'status' ? readStatusCell(String(cell)) : readRetirementCategoryCell(String(cell));
      if ('problem' in read) report(field, read.problem);
      else candidate[field] = read.value;
    } else if (field === 'wecom' || field === 'dingtalk') {
      identities[field] = String(cell);
    } else if (dateFields.has(field)) {
      candidate[field] = toDayText(cell);
    } else {
      candidate[field] = field === 'monthlyWage' ? cell : String(cell);
    }
  }
  if (Object.keys(identities).length > 0) candidate.identities = identities;

  const parsed = rosterEmployeeInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] === 'identities' ? issue.path[1] : issue.path[0]) as RosterField;
      report(field, explain(issue, cells.has(field)));
    }
  } else {
    checkRowConsistency(parsed.data, report);
    const { birthDate } = parsed.data.idNumber ? identityFacts(parsed.data.idNumber, parsed.data.idType ?? 'resident_id') : { birthDate: null };
    if (birthDate && workingAge(birthDate, today) === 'child') {
      problems.push({ row: row.rowNumber, column: headerOf.idNumber, message: childLabourMessage('idNumber'), problem: CHILD_LABOUR_PROBLEM });
    }
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return { record: { row: row.rowNumber, input: parsed.data, statusGiven: cells.has('status'), rolesGiven: cells.has('roles') }, problems };
}

function explain(issue: z.core.$ZodIssue, hasValue: boolean): string {
  if (!hasValue) return '必填，不能为空';
  if (issue.code === 'too_big') return `不能超过 ${String(issue.maximum)} 个字符`;
  if (issue.code === 'too_small') return '不能为空';
  return issue.message;
}

function checkRowConsistency(input: CreateEmployeeInput, report: (field: RosterField, message: string) => void): void {
  if (input.managerEmployeeNo === input.employeeNo) report('managerEmployeeNo', '直属上级不能是本人');
  if (input.status === 'EXITED' && !input.exitDate) report('exitDate', '状态为「离职」时必须填写离职日期');
  if (input.exitDate && input.exitDate < input.startDate) report('exitDate', `离职日期 ${input.exitDate} 早于入职日期 ${input.startDate}`);
}
