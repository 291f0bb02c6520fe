// Cards of the absence exit chain (劳动合同法 第三十九条第（二）项, 第四十三条): the prompt to send a
// return-to-work notice, the prompts for the next step, and the employee's answer.
import { EXIT_REQUEST_TERMINATION, EXIT_SEND_NOTICE } from './action-ids.ts';
import type { CardDecision, CardModel, CardRow } from './card-model.ts';

export const EXIT_NOTICE_READY_CARD = 'exit.notice_ready';
export const EXIT_NEXT_STEP_CARD = 'exit.next_step';
export const EXIT_EMPLOYEE_ANSWERED_CARD = 'exit.employee_answered';

export const NOTICE_LEGAL_BASIS = '依据《劳动合同法》第四条（规章制度）、第三十九条第（二）项（严重违反规章制度可解除）：解除前须书面通知返岗并可证明送达';

export interface ExitCardEmployee {
  name: string;
  department: string;
  position?: string | null;
}

/**
 * 「发送第一次返岗通知书」 (round 1) or the second one after the first deadline passed (round 2).
 * @example
 *   buildExitNoticeReadyCard({ employee, round: 1, absentDays: '2026-10-08 至 2026-10-10（3个工作日）', returnBy: '2026-10-14', key, h5Url })
 */
export function buildExitNoticeReadyCard(o: {
  employee: ExitCardEmployee; round: 1 | 2; absentDays: string; returnBy: string; previous?: string; key: string; h5Url: string; decided?: CardDecision;
}): CardModel {
  const rows: CardRow[] = [
    { label: '姓名', value: o.employee.name },
    { label: '部门', value: o.employee.department },
    { label: '旷工', value: o.absentDays },
    ...(o.previous ? [{ label: '上次通知', value: o.previous }] : []),
    { label: '返岗期限', value: `自送达之日起算（今日送达为 ${o.returnBy}）` },
  ];
  return {
    type: EXIT_NOTICE_READY_CARD,
    key: o.key,
    title: o.round === 1 ? '发送第一次返岗通知书' : '发送第二次返岗通知书',
    subtitle: o.decided ? `${o.employee.name} 的返岗通知书已处理` : `${o.employee.name} 无法联系，请发送返岗通知书（已预填）`,
    tone: 'urgent',
    rows,
    legalBasis: NOTICE_LEGAL_BASIS,
    buttons: [
      { kind: 'action', actionId: EXIT_SEND_NOTICE, text: '发送通知', style: 'primary' },
      { kind: 'link', text: '查看案件', url: o.h5Url },
    ],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}

/**
 * The union step (recorded in the H5, it needs a date and the reply), the company's written answer
 * to the union's opinion (recorded in the H5), or the termination approval: 提交审批 is offered only
 * once that answer is on file (劳动合同法 第四十三条).
 * @example
 *   buildExitNextStepCard({ employee, step: 'approval', facts: [{ label: '工会意见', value: '无异议' }], key, h5Url })
 */
export function buildExitNextStepCard(o: {
  employee: ExitCardEmployee; step: 'union' | 'answer' | 'approval'; facts: CardRow[]; key: string; h5Url: string; decided?: CardDecision;
}): CardModel {
  const s = nextSteps[o.step];
  return {
    type: EXIT_NEXT_STEP_CARD,
    key: o.key,
    title: s.title,
    subtitle: o.decided ? `${o.employee.name} 的离职流程已处理` : s.subtitle(o.employee.name),
    tone: 'urgent',
    rows: [{ label: '姓名', value: o.employee.name }, { label: '部门', value: o.employee.department }, ...o.facts],
    legalBasis: s.legalBasis,
    buttons: [
      ...(o.step === 'approval' ? [{ kind: 'action' as const, actionId: EXIT_REQUEST_TERMINATION, text: '提交审批', style: 'primary' as const }] : []),
      { kind: 'link', text: s.link, url: o.h5Url },
    ],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}

const nextSteps = {
  union: {
    title: '通知工会', link: '登记工会意见', subtitle: (name: string) => `${name} 两次返岗期限已过，解除前须通知工会`,
    legalBasis: '依据《劳动合同法》第四十三条：用人单位单方解除劳动合同，应当事先将理由通知工会',
  },
  answer: {
    title: '书面答复工会意见', link: '登记书面答复', subtitle: (name: string) => `已登记工会意见，请登记公司的书面答复后再提交解除 ${name} 劳动合同的审批`,
    legalBasis: '依据《劳动合同法》第四十三条：用人单位应当研究工会的意见，并将处理结果书面通知工会',
  },
  approval: {
    title: '提交解除劳动合同审批', link: '查看案件', subtitle: (name: string) => `已书面答复工会，可提交解除 ${name} 劳动合同的审批`,
    legalBasis: '依据《劳动合同法》第三十九条第（二）项、第四十三条',
  },
} as const;

/** The employee answered a notice: 「我将于…返岗」 or 「我已离职」. Information only. */
export function buildExitEmployeeAnsweredCard(o: { employee: ExitCardEmployee; answer: string; answeredAt: string; notice: string; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  return {
    type: EXIT_EMPLOYEE_ANSWERED_CARD,
    key: o.key,
    title: '员工已回复返岗通知书',
    subtitle: `${o.employee.name}：${o.answer}`,
    rows: [
      { label: '姓名', value: o.employee.name },
      { label: '部门', value: o.employee.department },
      { label: '通知书', value: o.notice },
      { label: '回复', value: o.answer },
      { label: '回复时间', value: o.answeredAt },
    ],
    legalBasis: '员工到岗后请在案件页点「已返岗」关闭流程；「我已离职」不是法定解除理由，需书面辞职（《劳动合同法》第三十七条）或继续本流程',
    buttons: [{ kind: 'link', text: '查看案件', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
