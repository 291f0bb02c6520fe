// Ledger entry and subject types as people read them on the verify page and in its reasons.
// Shared by the server and the H5 bundle: keep it pure data.
export const evidenceEntryLabels: Readonly<Record<string, string>> = {
  signature: '签署的声明',
  proof: '证明材料',
  'approval.decision': '审批决定',
  'insurance_exception.requested': '社保例外申请',
  'insurance_exception.lapsed': '社保例外失效',
  'exit.document': '离职文书',
  'transfer.application': '养老保险关系转移接续申请表',
  'money.document': '社保补缴文书',
  document: '文件',
};

export const evidenceSubjectLabels: Readonly<Record<string, string>> = {
  insurance_exception: '社保例外',
  employee: '员工',
  approval: '审批',
  exit_process: '离职流程',
  exit_task: '离职事项',
  absence_case: '缺勤确认',
};

/** '签署的声明' for 'signature'; any other type as 「台账记录」, never its code. */
export const evidenceEntryLabel = (type: string): string => evidenceEntryLabels[type] ?? '台账记录';
