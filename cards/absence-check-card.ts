// 员工连续未打卡: asks the line manager whether a missing employee can be reached. Termination for
// absence rests on 劳动合同法 第三十九条第（二）项 (serious breach of a rule adopted under 第四条),
// and the employer must prove each absent day and that it tried to reach the employee, so the card
// lists the days and the manager's answer is recorded.
import { ABSENCE_CONTACTED, ABSENCE_UNREACHABLE } from './action-ids.ts';
import type { CardDecision, CardModel } from './card-model.ts';
import { decisionButtons } from './decision-buttons.ts';

export const ABSENCE_CHECK_CARD = 'absence.check';

/** What the card shows after each button; also the decision stored on CardInstance. */
export const absenceDecisionLabels = {
  [ABSENCE_CONTACTED]: '已联系上',
  [ABSENCE_UNREACHABLE]: '无法联系，已转人事',
} as const;

/** Shown when nobody answered within the SLA. */
export const ABSENCE_SLA_LABEL = '超时未答复，视为无法联系，已转人事';

export interface AbsenceCheckFacts {
  name: string;
  department: string;
  /** 'YYYY-MM-DD HH:mm', or undefined when no clock-in is on record. */
  lastClockIn?: string;
  /** The absent workdays, 'YYYY-MM-DD', oldest first. */
  days: string[];
  trigger: 'attendance' | 'insurance_stopped';
  /** 'YYYY-MM-DD HH:mm' by which the manager should answer. */
  answerBy: string;
}

const shortDays = (days: string[]) => {
  const shown = days.slice(-10).map((d) => d.slice(5));
  return (days.length > 10 ? '…、' : '') + shown.join('、');
};

/**
 * @example
 *   buildAbsenceCheckCard({ facts: { name: '张三', department: '研发部', days: ['2026-10-08', '2026-10-09', '2026-10-10'], trigger: 'attendance', answerBy: '2026-10-11 20:00' }, key: 'abs-…-wecom', h5Url })
 */
export function buildAbsenceCheckCard(opts: { facts: AbsenceCheckFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const { facts } = opts;
  const subtitle = facts.trigger === 'insurance_stopped'
    ? `${facts.name} 的社保已停缴但仍在职${facts.days.length > 0 ? `，已连续${facts.days.length}个工作日未打卡` : ''}，请确认能否联系上`
    : `${facts.name} 已连续${facts.days.length}个工作日未打卡`;
  return {
    type: ABSENCE_CHECK_CARD,
    key: opts.key,
    title: '员工连续未打卡',
    subtitle: opts.decided ? `${facts.name} 的未打卡确认已处理` : subtitle,
    tone: 'urgent',
    rows: [
      { label: '部门', value: facts.department },
      { label: '最后打卡', value: facts.lastClockIn ?? '无记录' },
      { label: '未打卡日期', value: facts.days.length > 0 ? shortDays(facts.days) : '—' },
      { label: '答复期限', value: facts.answerBy },
    ],
    legalBasis: '依据《劳动合同法》第三十九条第（二）项、第四条（规章制度）',
    buttons: decisionButtons({ actionId: ABSENCE_CONTACTED, text: '已联系上' }, { actionId: ABSENCE_UNREACHABLE, text: '无法联系' }, opts.h5Url),
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
