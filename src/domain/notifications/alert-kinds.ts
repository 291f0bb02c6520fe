// The alert kinds whose recipients HR chooses (issue 18 item 7). A fixed list: each kind is sent
// by one job or service, which names its kind when it looks up recipients (find-hr-recipients.ts).
// `legalDeadline` says which alert of the kind protects a statutory deadline falling due TODAY;
// such an alert is never held by quiet hours, since holding it to the morning could let the
// deadline pass (the article it protects is cited, and shown on the settings page).

export const ALERT_KINDS = [
  'enrolment', 'absence', 'exceptionReverification', 'exitTasks', 'transfer',
  'reconciliation', 'question', 'approvalSla', 'monthlyReport',
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertKindInfo {
  /** The name HR reads. */
  label: string;
  /** Which job or service sends it. */
  sentBy: string;
  /** When an alert of this kind is a legal deadline due today (shown to HR), or null: never. */
  legalDeadline: string | null;
}

export const ALERT_KIND_INFO: Record<AlertKind, AlertKindInfo> = {
  enrolment: {
    label: '增员到期预警', sentBy: 'enrolment-deadline-sweep',
    legalDeadline: '今天是增员法定期限的最后一天或已逾期（依据《社会保险法》第五十八条：自用工之日起三十日内办理社会保险登记；逾期按第八十四条、第八十六条处罚）',
  },
  absence: {
    label: '缺勤预警', sentBy: 'absence-detection',
    legalDeadline: '今天是返岗通知书载明的返岗期限（依据《劳动合同法》第三十九条第（二）项，解除前须证明已书面通知返岗）',
  },
  exceptionReverification: { label: '例外复核', sentBy: 'exception-reverification', legalDeadline: null },
  exitTasks: {
    label: '离职待办', sentBy: 'exit-task-reminders',
    legalDeadline: '今天是离职待办的法定期限（依据《劳动合同法》第五十条：十五日内办理档案和社会保险关系转移；《失业保险条例》第十六条：七日内报告）',
  },
  transfer: {
    label: '转移接续', sentBy: 'transfer-reminders',
    legalDeadline: '今天是转移接续步骤的办理期限（依据《城镇企业职工基本养老保险关系转移接续暂行办法》：每一步十五个工作日）',
  },
  reconciliation: { label: '对账任务', sentBy: 'contribution-reconciliation', legalDeadline: null },
  question: { label: '员工咨询', sentBy: 'ask-question, question-sla', legalDeadline: null },
  approvalSla: { label: '审批超时', sentBy: 'approval-sla', legalDeadline: null },
  monthlyReport: { label: '月报', sentBy: 'monthly-report', legalDeadline: null },
};
