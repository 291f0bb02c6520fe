// The buttons of a card that asks one person a yes/no question (到岗确认, 未打卡确认, 审批): the
// answer that moves things on as the primary button, the other as the danger button, then 详情.
import type { CardButton } from './card-model.ts';

/**
 * @example decisionButtons({ actionId: ONBOARDING_ARRIVED, text: '已到岗' }, { actionId: ONBOARDING_NO_SHOW, text: '未到岗' }, h5Url)
 */
export function decisionButtons(yes: { actionId: string; text: string }, no: { actionId: string; text: string }, h5Url: string): CardButton[] {
  return [
    { kind: 'action', actionId: yes.actionId, text: yes.text, style: 'primary' },
    { kind: 'action', actionId: no.actionId, text: no.text, style: 'danger' },
    { kind: 'link', text: '详情', url: h5Url },
  ];
}
