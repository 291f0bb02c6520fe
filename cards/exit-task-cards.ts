// A leaver's checklist item on its due day (to its owner) and once overdue (to the HR managers).
import { EXIT_TASK_DONE } from './action-ids.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const EXIT_TASK_DUE_CARD = 'exit.task_due';
export const EXIT_TASK_OVERDUE_CARD = 'exit.task_overdue';

export interface ExitTaskCardFacts {
  employeeName: string;
  department: string;
  exitDate: string;
  title: string;
  dueOn: string;
  legalBasis: string;
  owner: string;
}

/**
 * @example
 *   buildExitTaskCard({ overdue: false, facts, key: 'ext-…-due-wecom', h5Url })
 */
export function buildExitTaskCard(o: { overdue: boolean; facts: ExitTaskCardFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  return {
    type: o.overdue ? EXIT_TASK_OVERDUE_CARD : EXIT_TASK_DUE_CARD,
    key: o.key,
    title: o.overdue ? '离职事项已逾期' : '离职事项今日到期',
    subtitle: o.decided ? `${f.employeeName}：${f.title} 已处理` : `${f.employeeName}：${f.title}`,
    tone: o.overdue ? 'urgent' : 'normal',
    rows: [
      { label: '离职员工', value: f.employeeName },
      { label: '部门', value: f.department },
      { label: '离职日期', value: f.exitDate },
      { label: '事项', value: f.title },
      { label: '截止日期', value: f.dueOn },
      { label: '负责人', value: f.owner },
    ],
    legalBasis: `依据${f.legalBasis}`,
    buttons: [
      { kind: 'action', actionId: EXIT_TASK_DONE, text: '已办结', style: 'primary' },
      { kind: 'link', text: '查看清单', url: o.h5Url },
    ],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
