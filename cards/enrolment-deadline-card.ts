// 社保增员提醒: a hire not yet enrolled as the 30-day period of 《社会保险法》第五十八条 runs out.
// The exposure line is there because HR managers act on the cost of not acting (Art. 84).
import { ENROLMENT_RECORDED } from './action-ids.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const ENROLMENT_DEADLINE_CARD = 'enrolment.deadline';
export const ENROLMENT_RECORDED_LABEL = '已增员';

export const ENROLMENT_EXPOSURE =
  '逾期：责令限期改正；逾期不改的，处应缴社会保险费数额一倍以上三倍以下罚款，对直接负责的主管人员处五百元以上三千元以下罚款 — 《社会保险法》第八十四条';

export interface EnrolmentCardFacts {
  name: string;
  department: string;
  /** All days 'YYYY-MM-DD'. */
  startDate: string;
  /** Day N of employment (start + N days) on the day the card is sent. */
  dayNumber: number;
  deadline: string;
  /** The city's earlier 增员 cut-off, when there is one. */
  practicalDeadline?: string;
  /** Calendar days from the send day to the deadline; negative when overdue. */
  daysLeft: number;
  kind: 'warn' | 'escalate' | 'overdue';
  /** The clock was restarted (a lapsed insurance exception): startDate is the restart day, not the first day of work. */
  restarted?: boolean;
  /** 「2027年放假安排未公布，日期可能顺延」 when a year the dates depend on has no State Council notice. */
  calendarCaveat?: string;
  /** The employee's status when it is no longer 在职 (e.g. 已离职): enrolment is still owed. */
  statusNote?: string;
}

/** '12-07' within the year of `from`, else the whole day. */
const short = (day: string, from: string) => (day.slice(0, 4) === from.slice(0, 4) ? day.slice(5) : day);

const titles = { warn: '社保增员提醒', escalate: '社保增员即将到期', overdue: '社保增员已逾期' } as const;

/**
 * @example
 *   buildEnrolmentDeadlineCard({ facts, key: 'enr-…-day23-wecom', h5Url: `${publicBaseUrl}/app/enrolment?employee=${employeeId}` })
 */
export function buildEnrolmentDeadlineCard(opts: { facts: EnrolmentCardFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  const cutoff = f.practicalDeadline && f.practicalDeadline !== f.deadline ? f.practicalDeadline : undefined;
  const since = f.restarted ? '例外失效已满' : '入职已满';
  const left = f.daysLeft >= 0 ? `距法定截止日还有${f.daysLeft}天` : `已超过法定截止日${-f.daysLeft}天`;
  const rows = [
    { label: '姓名', value: f.statusNote ? `${f.name}（${f.statusNote}）` : f.name },
    { label: '部门', value: f.department },
    f.restarted ? { label: '起算日期', value: `${f.startDate}（例外失效）` } : { label: '入职日期', value: f.startDate },
    { label: '法定截止', value: short(f.deadline, f.startDate) },
    ...(cutoff ? [{ label: '增员窗口', value: `本月增员截止 ${short(cutoff, f.startDate)}（避免补缴）` }] : []),
    ...(f.calendarCaveat ? [{ label: '日期提示', value: f.calendarCaveat }] : []),
  ];
  return {
    type: ENROLMENT_DEADLINE_CARD,
    key: opts.key,
    title: titles[f.kind],
    subtitle: opts.decided ? `${f.name} 的社保增员已处理` : `${f.name} ${since}${f.dayNumber}天 · ${left}，尚未办理社保增员`,
    tone: f.kind === 'warn' ? 'normal' : 'urgent',
    // WeCom shows at most 6 rows of 26 characters: the exposure goes into the quote area instead.
    rows,
    legalBasis: `依据《社会保险法》第五十八条。${ENROLMENT_EXPOSURE}`,
    buttons: [
      { kind: 'action', actionId: ENROLMENT_RECORDED, text: ENROLMENT_RECORDED_LABEL, style: 'primary' },
      { kind: 'link', text: '详情', url: opts.h5Url },
    ],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
