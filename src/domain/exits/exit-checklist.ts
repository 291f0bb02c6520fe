// What the employer owes every leaver, with the legal deadline of each item. Periods "within N
// days" are counted like the enrolment deadline: the exit day is not counted (民法典 第二百零一条)
// and a period ending on a rest day ends on the next working day (民法典 第二百零三条).
import { addDays, isValidDay } from '../dates.ts';
import { workdayOnOrAfter } from '../calendar/day-math.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export type ExitTaskKind = 'separation_certificate' | 'final_wages' | 'unemployment_report' | 'stop_contributions' | 'transfer_files' | 'contract_retention' | 'pay_compensation';

export interface ExitTaskPlan {
  kind: ExitTaskKind;
  title: string;
  legalBasis: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
}

/** Last calendar day of the month of `day`. */
export function lastDayOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * @example
 *   planExitChecklist('2026-10-16', calendar).map((t) => [t.kind, t.dueOn])
 *   // separation_certificate 2026-10-16, final_wages 2026-10-16, unemployment_report 2026-10-23,
 *   // stop_contributions 2026-10-31, transfer_files 2026-11-02 (10-31 is a Saturday), contract_retention 2028-10-16
 */
export function planExitChecklist(exitDate: string, calendar: WorkCalendar, compensation?: { legalBasis: string }): ExitTaskPlan[] {
  const within = (days: number) => workdayOnOrAfter(addDays(exitDate, days), calendar);
  const lastDay = lastDayOfMonth(exitDate);
  return [
    { kind: 'separation_certificate', title: '出具离职证明', dueOn: exitDate,
      legalBasis: '《劳动合同法》第五十条：解除或者终止劳动合同时出具证明；《劳动合同法实施条例》第二十四条：写明劳动合同期限、解除或者终止日期、工作岗位、在本单位的工作年限' },
    { kind: 'final_wages', title: '结清工资', dueOn: exitDate,
      legalBasis: '《工资支付暂行规定》第九条：劳动关系双方依法解除或终止劳动合同时，用人单位应在解除或终止劳动合同时一次付清劳动者工资' },
    { kind: 'unemployment_report', title: '告知离职员工按规定享受失业保险待遇的权利，并向失业保险经办机构报送名单', dueOn: within(7),
      legalBasis: '《失业保险条例》第十六条：城镇企业事业单位应当及时为失业人员出具终止或者解除劳动关系的证明，告知其按照规定享受失业保险待遇的权利，并将失业人员的名单自终止或者解除劳动关系之日起7日内报社会保险经办机构备案' },
    // Never before the exit date: the exit month is still a month worked (社会保险法 第五十八条).
    { kind: 'stop_contributions', title: '办理社保减员、停止缴费', dueOn: lastDay > exitDate ? lastDay : exitDate,
      legalBasis: '《社会保险法》第五十八条、《劳动合同法》第五十条：劳动关系终止后及时办理减员，避免为未用工的月份缴费' },
    { kind: 'transfer_files', title: '办理档案和社会保险关系转移手续', dueOn: within(15),
      legalBasis: '《劳动合同法》第五十条第一款：在十五日内为劳动者办理档案和社会保险关系转移手续' },
    { kind: 'contract_retention', title: '保存已解除或者终止的劳动合同文本', dueOn: addYears(exitDate, 2),
      legalBasis: '《劳动合同法》第五十条第三款：用人单位对已经解除或者终止的劳动合同的文本，至少保存二年备查' },
    // 第五十条第二款: paid when the handover is done; the exit date is the last day it can be.
    ...(compensation ? [{ kind: 'pay_compensation' as const, title: '支付经济补偿', dueOn: exitDate, legalBasis: compensation.legalBasis }] : []),
  ];
}

function addYears(day: string, years: number): string {
  const candidate = `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
  // 02-29 two years on does not exist; the law says "至少", so the later day (03-01) is the safe one.
  return isValidDay(candidate) ? candidate : addDays(`${candidate.slice(0, 7)}-28`, 1);
}
