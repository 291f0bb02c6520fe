// Cards about delivery and the employee's own resignation in the absence chain: a notice that has
// no chat account to go to must be sent by EMS (its deadline, or the termination, waits for the
// delivery), and an absent employee who confirmed 「我已离职」 as a written resignation (第三十七条).
import type { CardDecision, CardModel, CardRow } from './card-model.ts';
import type { ExitCardEmployee } from './exit-notice-cards.ts';

export const EXIT_DELIVERY_NEEDED_CARD = 'exit.delivery_needed';
export const EXIT_RESIGNATION_CONFIRMED_CARD = 'exit.resignation_confirmed';

export const NO_CHAT_ACCOUNT_ADVICE = '员工没有可用的聊天账号，请以邮政快递寄送至劳动合同约定的地址，并登记运单号和妥投日期';

/**
 * The notice went out but no chat account can carry it: HR sends it by EMS and records the delivery.
 * @example buildExitDeliveryNeededCard({ employee, notice: '第一次返岗通知书', issuedOn: '2026-11-02', effect: '返岗期限自妥投之日起算', key, h5Url })
 */
export function buildExitDeliveryNeededCard(o: { employee: ExitCardEmployee; notice: string; issuedOn: string; effect: string; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const rows: CardRow[] = [
    { label: '姓名', value: o.employee.name },
    { label: '部门', value: o.employee.department },
    { label: '通知书', value: `${o.notice}（${o.issuedOn} 出具）` },
    { label: '状态', value: '待送达' },
    { label: '送达后', value: o.effect },
  ];
  return {
    type: EXIT_DELIVERY_NEEDED_CARD,
    key: o.key,
    title: '通知书待送达',
    subtitle: o.decided ? `${o.employee.name} 的通知书已送达` : NO_CHAT_ACCOUNT_ADVICE,
    tone: 'urgent',
    rows,
    legalBasis: '依据《劳动合同法》第三十九条第（二）项：单方解除及返岗通知须送达劳动者，期限自送达之日起算',
    buttons: [{ kind: 'link', text: '登记运单号和妥投日期', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}

/**
 * The absent employee confirmed 「我已离职」 as a written resignation with a drawn signature.
 * @example buildExitResignationConfirmedCard({ employee, lastDay: '2026-11-10', signedAt: '2026-11-03 09:12', key, h5Url })
 */
export function buildExitResignationConfirmedCard(o: { employee: ExitCardEmployee; lastDay: string; signedAt: string; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  return {
    type: EXIT_RESIGNATION_CONFIRMED_CARD,
    key: o.key,
    title: '员工书面辞职',
    subtitle: `${o.employee.name} 已签名确认「我已离职」为书面辞职通知，旷工解除流程停止`,
    rows: [
      { label: '姓名', value: o.employee.name },
      { label: '部门', value: o.employee.department },
      { label: '最后工作日', value: o.lastDay },
      { label: '签名时间', value: o.signedAt },
    ],
    legalBasis: '依据《劳动合同法》第三十七条：劳动者书面通知用人单位可以解除劳动合同；签名文件已存入证据链。请在最后工作日后办理离职事项',
    buttons: [{ kind: 'link', text: '查看案件', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
