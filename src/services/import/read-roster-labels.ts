// The words HR types in 角色 / 状态 and the shapes Excel gives dates, turned into API values.
import { retirementCategoryLabels, RETIREMENT_CATEGORIES, type RetirementCategory } from '../../domain/retirement/statutory-retirement.ts';
import type { EmployeeStatus, Role } from '../../generated/prisma/enums.ts';
import type { RosterCell } from './read-cell-value.ts';
import { roleLabels, statusByLabel } from './roster-columns.ts';

type Read<T> = { value: T } | { problem: string };

const roleChoices = Object.keys(roleLabels).join('、');

/** Comma-separated; Excel users also type ，、; or spaces between roles. */
export function readRolesCell(text: string): Read<Role[]> {
  const roles = new Set<Role>();
  for (const label of text.split(/[,，、;；\s]+/).filter(Boolean)) {
    const role = roleLabels[label];
    if (role) {
      roles.add(role);
    } else if (/经理|主管|上级|领导|manager/i.test(label)) {
      return { problem: `「${label}」不是角色：直属经理由「直属上级工号」推导。可填：${roleChoices}` };
    } else {
      return { problem: `未知角色「${label}」，可填：${roleChoices}（多个用逗号分隔）` };
    }
  }
  return { value: [...roles] };
}

export function readStatusCell(text: string): Read<EmployeeStatus> {
  const status = statusByLabel.get(text);
  if (status) return { value: status };
  return { problem: `未知状态「${text}」，可填：${[...statusByLabel.keys()].join('、')}` };
}

/** Half-width brackets and stray spaces are the same label; 女职工 / 女干部 alone are unambiguous. */
const categoryByLabel = new Map<string, RetirementCategory>(
  RETIREMENT_CATEGORIES.flatMap((c) => [[retirementCategoryLabels[c], c], [retirementCategoryLabels[c].replace(/（.*）/, ''), c]] as [string, RetirementCategory][]),
);

/** 退休类别: 男, 女职工（原50岁）, 女干部（原55岁） (渐进式延迟法定退休年龄). */
export function readRetirementCategoryCell(text: string): Read<RetirementCategory> {
  const label = text.replace(/\s+/g, '').replaceAll('(', '（').replaceAll(')', '）');
  const category = categoryByLabel.get(label);
  if (category) return { value: category };
  return { problem: `未知退休类别「${text}」，可填：${Object.values(retirementCategoryLabels).join('、')}；男性可留空，按身份证号推导` };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * 'YYYY-MM-DD' where the cell plainly means a day: Excel's "2026/1/5" or "2026年1月5日" in a
 * CSV, or a date serial whose cell lost its date format. Anything else is passed on as typed,
 * for the shared `day` schema to reject with its message.
 */
export function toDayText(cell: RosterCell): string {
  if (typeof cell === 'number') {
    const plausible = Number.isInteger(cell) && cell > 0 && cell < 2_958_466;
    return plausible ? new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10) : String(cell);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : cell;
}
