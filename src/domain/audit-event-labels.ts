// What each audit event type means, in words a labour arbitrator reads (timelines, evidence
// packs). Pure data; a type without a label is shown as its code.
export const auditEventLabels: Readonly<Record<string, string>> = {
  'employee.created': '创建员工档案',
  'employee.updated': '修改员工信息',
  'employee.status_changed': '员工状态变更',
  'employee.roles_changed': '修改员工角色',
  'employee.personal_data_read': '查看身份证号/手机号',
  'employees.imported': '导入员工名册',
  'contributions.imported': '导入社保缴费明细',
  'session.created': '登录',
  'demo.seeded': '创建演示数据',
  'directory.synced': '同步通讯录',
  'card.sent': '发送卡片消息',
  'card.decided': '在卡片上作出选择',
  'reconciliation.task_opened': '发现对账差异',
  'reconciliation.task_reopened': '对账差异再次出现',
  'reconciliation.task_closed': '对账差异已解决',
  'insurance.stopped_while_active': '在职期间社保中断',
  'enrolment.recorded': '登记社保增员',
  'enrolment.date_changed': '修改增员日期',
  'proof.uploaded': '上传证明材料',
  'proof.read': '查看证明材料',
  'declaration.signed': '签署声明',
  'company_rule.stored': '登记规章制度及民主程序记录',
  'exit.union_answered': '登记公司对工会意见的书面答复',
  'approval.submitted': '提交审批',
  'approval.decided': '审批决定',
  'approval.withdrawn': '撤回审批',
  'approval.reminded': '审批催办',
  'approval.escalated': '审批升级',
  'exception.requested': '申请社保例外',
  'exception.submitted': '社保例外提交审批',
  'exception.approved': '社保例外获批',
  'exception.rejected': '社保例外被驳回',
  'exception.withdrawn': '撤回社保例外',
  'exception.lapsed': '社保例外失效',
  'exception.other_employer_stopped': '登记原单位停缴月份',
  'exception.reverified': '社保例外复核',
  'task.opened': '创建合规任务',
  'job.ran': '运行定时任务',
  'evidence.head_signed': '签名证据树头',
  'evidence.pack_exported': '导出证据包',
};

/** @example auditEventLabel('declaration.signed') // → '签署声明' */
export function auditEventLabel(type: string): string {
  return auditEventLabels[type] ?? type;
}
