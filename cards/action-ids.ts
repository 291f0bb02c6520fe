// Button action ids, imported by the card builders and by the listeners that handle the
// clicks, so a renamed button can never silently lose its handler. They travel as the WeCom
// button key (EventKey) and the DingTalk actionId: keep them short and [a-z_.] only.

/** 新员工到岗确认: the hire came in on the start date. */
export const ONBOARDING_ARRIVED = 'onboarding.arrived';
/** 新员工到岗确认: the hire never came; the hire is cancelled. */
export const ONBOARDING_NO_SHOW = 'onboarding.no_show';

/** 社保增员提醒: HR has enrolled the hire; records the enrolment and stops the reminders. */
export const ENROLMENT_RECORDED = 'enrolment.recorded';

/** 员工连续未打卡: the line manager reached the employee; closes the absence case. */
export const ABSENCE_CONTACTED = 'absence.contacted';
/** 员工连续未打卡: the manager cannot reach the employee; HR gets the return-to-work notice card. */
export const ABSENCE_UNREACHABLE = 'absence.unreachable';

/** 审批: approve the step the card was sent for (src/services/approvals). */
export const APPROVAL_APPROVE = 'approval.approve';
/** 审批: reject it. */
export const APPROVAL_REJECT = 'approval.reject';

/** 返岗通知书 prompt (exit.notice_ready): sends the pending return-to-work notice. */
export const EXIT_SEND_NOTICE = 'exit.send_notice';
/** 提交解除审批 (exit.next_step): starts the 'absence-termination' approval. */
export const EXIT_REQUEST_TERMINATION = 'exit.request_termination';
/** 离职事项 (exit.task_due / exit.task_overdue): marks the checklist item done. */
export const EXIT_TASK_DONE = 'exit.task_done';
/** 员工离职申请 (exit.resignation): HR acknowledges the resignation. */
export const EXIT_ACCEPT_RESIGNATION = 'exit.accept_resignation';

/** 转移接续今日到期 / 已逾期 (transfer.step_due / transfer.step_overdue): the step was done today. */
export const TRANSFER_STEP_DONE = 'transfer.step_done';
