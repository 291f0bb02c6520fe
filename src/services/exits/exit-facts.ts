// What the cards and documents of a case say about the employee and the absence.
import type { Tx } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';

export interface ExitEmployeeFacts {
  id: string;
  name: string;
  employeeNo: string;
  department: string;
  position: string | null;
  startDate: string;
  /** 'YYYY-MM-DD' or null: the recorded probation (劳动合同法 第十九条). */
  probationEnd: string | null;
  status: string;
}

export async function loadExitEmployee(tx: Tx, employeeId: string): Promise<ExitEmployeeFacts> {
  const e = await tx.employee.findUniqueOrThrow({
    where: { id: employeeId },
    select: { id: true, name: true, employeeNo: true, position: true, startDate: true, probationEnd: true, status: true, department: { select: { name: true } } },
  });
  return { id: e.id, name: e.name, employeeNo: e.employeeNo, department: e.department.name, position: e.position, startDate: formatDay(e.startDate) as string, probationEnd: formatDay(e.probationEnd), status: e.status };
}

/** The absent workdays the case recorded (from the absence case when there is one). */
export async function loadAbsentDays(tx: Tx, p: { absenceCaseId: string | null; absentDays: number | null; firstAbsentOn: Date | null }): Promise<string[]> {
  if (p.absenceCaseId) {
    const c = await tx.absenceCase.findUnique({ where: { id: p.absenceCaseId }, select: { days: true } });
    if (c && c.days.length > 0) return [...c.days].sort();
  }
  return p.firstAbsentOn ? [formatDay(p.firstAbsentOn) as string] : [];
}

/** '3个工作日（自 2026-10-08 起）': short enough for a card row (WeCom shows 26 characters). */
export function absenceSummary(days: string[], count: number | null): string {
  const n = count ?? days.length;
  return days[0] ? `${n}个工作日（自 ${days[0]} 起）` : `${n}个工作日`;
}

export const exitCaseUrl = (publicBaseUrl: string, id: string) => `${publicBaseUrl}/app/exits/${id}`;
export const exitNoticeUrl = (publicBaseUrl: string, id: string) => `${publicBaseUrl}/app/exits/${id}/notice`;
