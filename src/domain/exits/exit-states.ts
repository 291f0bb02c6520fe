// The steps of an exit, as the timeline and the cards name them.

export const EXIT_KINDS = ['ABSENCE', 'RESIGNATION', 'EMPLOYER_FAULT_RESIGNATION', 'MUTUAL_AGREEMENT', 'OTHER'] as const;
export type ExitKind = (typeof EXIT_KINDS)[number];

/** Kinds that end on an agreed or announced exit date (completed by the daily job or HR). */
export const DATED_EXIT_KINDS = ['RESIGNATION', 'EMPLOYER_FAULT_RESIGNATION', 'MUTUAL_AGREEMENT'] as const;

/** Employee-initiated kinds HR acknowledges (accept-resignation). */
export const RESIGNATION_KINDS = ['RESIGNATION', 'EMPLOYER_FAULT_RESIGNATION'] as const;

export const exitKindLabels: Record<ExitKind, string> = {
  ABSENCE: '旷工解除（劳动合同法第三十九条第（二）项）',
  RESIGNATION: '员工辞职（劳动合同法第三十七条）',
  EMPLOYER_FAULT_RESIGNATION: '员工因用人单位过错解除（劳动合同法第三十八条）',
  MUTUAL_AGREEMENT: '协商解除（劳动合同法第三十六条）',
  OTHER: '其他',
};

export const exitStateLabels: Record<string, string> = {
  NOTICE_1_PENDING: '待发送第一次返岗通知书',
  NOTICE_1_SENT: '第一次返岗通知书已发送，等待返岗',
  NOTICE_2_PENDING: '待发送第二次返岗通知书',
  NOTICE_2_SENT: '第二次返岗通知书已发送，等待返岗',
  UNION_PENDING: '待通知工会（劳动合同法第四十三条）',
  UNION_NOTIFIED: '已通知工会，待提交解除审批',
  TERMINATION_APPROVAL: '解除劳动合同审批中',
  TERMINATION_NOTICE_SENT: '解除劳动合同通知书待送达（送达之日解除）',
  TERMINATED: '已解除劳动合同，办理离职事项',
  RETURNED: '员工已返岗，流程关闭',
  REQUESTED: '离职申请待人事确认',
  ACCEPTED: '已确认，等待离职日',
  EXITED: '已离职，办理离职事项',
  WITHDRAWN: '已撤回',
  CLOSED: '离职事项已全部办结',
};

/**
 * A sent return notice that has not reached the employee yet (no chat delivery, EMS / SMS receipt or
 * H5 open): its return deadline is not running (deadline null until delivery).
 */
export function awaitingDelivery(p: { state: string; deadline: Date | string | null }): boolean {
  return (p.state === 'NOTICE_1_SENT' || p.state === 'NOTICE_2_SENT') && !p.deadline;
}

export const deliveryPendingLabels: Record<string, string> = {
  NOTICE_1_SENT: '第一次返岗通知书待送达（送达后起算返岗期限）',
  NOTICE_2_SENT: '第二次返岗通知书待送达（送达后起算返岗期限）',
};

/** Absence states in which the employee is still expected back; a return closes them. */
export const awaitingReturnStates = ['NOTICE_1_PENDING', 'NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED', 'TERMINATION_APPROVAL'] as const;

export type NoticeKind = 'return_notice_1' | 'return_notice_2';

export const stepKindLabels: Record<string, string> = {
  return_notice_1: '第一次返岗通知书',
  return_notice_2: '第二次返岗通知书',
  union_notification: '通知工会',
  termination_notice: '解除劳动合同通知书',
  separation_certificate: '离职证明',
};

/** Which notice a state is waiting to send, if any. */
export function pendingNotice(state: string): NoticeKind | undefined {
  if (state === 'NOTICE_1_PENDING') return 'return_notice_1';
  if (state === 'NOTICE_2_PENDING') return 'return_notice_2';
  return undefined;
}
