// 员工状况: the bot's answer when HR types a name or 工号. Facts only, each line the state of one
// area (points included), with the H5 employee page one tap away.
import type { CardDecision, CardModel } from './card-model.ts';

export const EMPLOYEE_STATUS_CARD = 'bot.employee_status';

export interface EmployeeStatusFacts {
  name: string;
  employeeNo: string;
  department: string;
  /** '在职', '待入职' … */
  status: string;
  /** '已于 2026-11-03 增员' / '未增员，2026-12-31 前须办理'. */
  enrolment: string;
  /** '无' or '审批中 1 项'. */
  exceptions: string;
  /** '无异常' or '缺勤待核实 1 起'. */
  attendance: string;
  /** '无' or '辞职：待离职交接'. */
  exit: string;
  /** '2026 年 7 分；最近 2026-11-20 按时上传证明 +2' or '2026 年暂无积分'. */
  points: string;
}

/**
 * @example
 *   buildEmployeeStatusCard({ key: 'emp-…', facts, h5Url: `${base}/app/employees/${id}` })
 */
export function buildEmployeeStatusCard(o: { key: string; facts: EmployeeStatusFacts; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  return {
    type: EMPLOYEE_STATUS_CARD,
    key: o.key,
    title: `员工状况：${f.name}`,
    subtitle: `${f.employeeNo} · ${f.department} · ${f.status}`,
    tone: 'normal',
    rows: [
      { label: '社保增员', value: f.enrolment },
      { label: '社保例外', value: f.exceptions },
      { label: '考勤', value: f.attendance },
      { label: '离职', value: f.exit },
      { label: '积分', value: f.points },
    ],
    // 社会保险法 第五十八条: enrolment within 30 days of hire is what this card is watched for.
    legalBasis: '依据《社会保险法》第五十八条（自用工之日起三十日内办理社会保险登记）',
    buttons: [{ kind: 'link', text: '员工详情', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
