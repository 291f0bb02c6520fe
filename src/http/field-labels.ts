// API field names as people read them, for validation messages: 「入职日期：…」 rather than
// "startDate". A field missing here is named 「其中一项」, never by its English key.
import { kpiScoringLabels } from '../domain/kpi/kpi-scoring.ts';
import { pointRulesLabels } from '../domain/points/point-rules.ts';

export const fieldLabels: Readonly<Record<string, string>> = {
  ...kpiScoringLabels,
  ...pointRulesLabels,
  answers: '答案', attemptId: '答题编号',
  employeeNo: '工号', name: '姓名', mobile: '手机号', idNumber: '身份证号', idType: '证件类型',
  startDate: '入职日期', exitDate: '离职日期', enrolledOn: '社保增员日期', birthDate: '出生日期', sex: '性别',
  department: '部门', departmentId: '部门', position: '岗位', insuredCity: '参保城市', previousInsuredCity: '上一参保城市', hukouProvince: '户籍省份', contractEntity: '合同主体',
  monthlyWage: '月工资', manager: '直属上级', managerId: '直属上级', managerEmployeeNo: '直属上级工号',
  roles: '角色', status: '状态', expectedStatus: '当前状态', retirementCategory: '退休类别', minorWorker: '未成年工',
  identities: '聊天账号', wecom: '企业微信账号', dingtalk: '钉钉账号', platform: '平台',
  employeeId: '员工', exceptionId: '社保例外申请', subjectId: '事项', subjectType: '事项类型', id: '编号',
  reason: '原因', reasonCategory: '例外类别', note: '备注', notes: '备注', comment: '意见', text: '内容', body: '内容',
  decision: '处理结果', typedName: '签署人姓名', signaturePng: '手写签名', statementAccepted: '声明确认', template: '声明模板',
  kind: '类型', type: '类型', month: '月份', coversMonth: '所属月份', year: '年份', from: '开始日期', to: '结束日期',
  fromDay: '开始日期', toDay: '结束日期', lastDay: '最后工作日', agreedOn: '协商日期', sentOn: '发送日期', notifiedOn: '通知日期',
  page: '页码', pageSize: '每页条数', limit: '条数', q: '搜索词', query: '搜索词', before: '截止时间',
  address: '地址', radiusM: '半径（米）', accuracy: '定位精度', coordSystem: '坐标系', latitude: '纬度', longitude: '经度',
  isWorkday: '是否上班', version: '版本', dryRun: '试运行', fileName: '文件名', reference: '文号', source: '来源',
  wageFen: '月工资（分）', payOn: '补缴日期', asOf: '测算日', city: '城市', cityCode: '城市代码', periods: '政策期间',
  channel: '通知方式', proofKind: '证明类型', actorId: '操作人', answer: '答复', active: '是否启用',
};

/** 「入职日期」 for ['startDate'], 「第 2 行的工号」 for ['rows', 1, 'employeeNo'], 「其中一项」 when unknown. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  const label = last === undefined ? undefined : fieldLabels[last];
  const index = path.findLast((p): p is number => typeof p === 'number');
  const row = index === undefined ? '' : `第 ${index + 1} 项的`;
  if (label) return `${row}${label}`;
  return path.length === 0 ? '请求内容' : `${row}其中一项`;
}
