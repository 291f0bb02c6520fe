// Back-pay, exposure and the policy library as people read them in a terminal.
import { formatYuan } from '../domain/money.ts';
import type { BackPay } from '../domain/money/back-pay.ts';
import { ratePercent } from '../domain/money/exact-rate.ts';
import { INSURANCE_KIND_LABELS, INSURANCE_KINDS } from '../domain/policy/insurance-kinds.ts';
import { periodName } from '../domain/policy/policy-file-schema.ts';
import type { EmployeeExposure } from '../services/money/estimate-exposure.ts';
import type { CityPolicies } from '../services/policies/list-policies.ts';
import type { PolicyImportReport } from '../services/policies/import-policy-file.ts';

const yuan = (fen: number) => formatYuan(fen).padStart(12);

export function formatBackPay(r: BackPay): string {
  const lines = [
    ...r.warnings,
    `参保城市：${r.city}`,
    `月份      缴费基数          单位         个人         合计    应缴期限    逾期天数      滞纳金`,
    ...r.months.map((m) => `${m.month} ${yuan(m.baseFen)} ${yuan(m.employerFen)} ${yuan(m.employeeFen)} ${yuan(m.totalFen)}  ${m.dueOn} ${String(m.lateDays).padStart(8)} ${yuan(m.lateFeeFen)}`),
    `合计：单位 ${formatYuan(r.totals.employerFen)}，个人 ${formatYuan(r.totals.employeeFen)}，社保费 ${formatYuan(r.totals.totalFen)}，滞纳金 ${formatYuan(r.totals.lateFeeFen)}（由单位承担），共 ${formatYuan(r.totals.grandTotalFen)}`,
    '计算说明：',
    ...r.months.map((m) => `  ${m.explanation}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatExposure(x: EmployeeExposure): string {
  const range = (min: number, max: number) => (min === max ? formatYuan(min) : `${formatYuan(min)} 至 ${formatYuan(max)}`);
  const lines = [
    ...x.arrears.warnings,
    `${x.employee.name}（${x.employee.employeeNo}），参保城市 ${x.employee.city}，测算日 ${x.asOf}`,
    `欠缴月份：${x.arrears.months.length > 0 ? x.arrears.months.map((m) => m.month).join('、') : '无'}`,
    ...x.lines.map((l) => `${l.label}：${range(l.minFen, l.maxFen)}\n  ${l.basis}（${l.article}）`),
    `合计风险：${range(x.minTotalFen, x.maxTotalFen)}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function formatPolicyList(cities: CityPolicies[]): string {
  if (cities.length === 0) return '还没有社保政策，请用 sentinel policy import <文件> 导入\n';
  const lines = cities.flatMap((c) => [
    `${c.city}${c.cityCode ? `（${c.cityCode}）` : ''}`,
    ...c.periods.map((p) => {
      const rates = INSURANCE_KINDS.flatMap((k) => (p.rates[k] ? [`${INSURANCE_KIND_LABELS[k]} ${ratePercent(p.rates[k].employer)}/${ratePercent(p.rates[k].employee)}`] : [])).join('，');
      const fee = p.lateFee.method === 'daily' ? `滞纳金每日${ratePercent(p.lateFee.dailyRate)}` : `计息：${p.lateFee.interestNote}`;
      const check = p.verified ? `已核实 ${p.source ?? ''}` : '政策数据未经核实';
      return `  ${periodName(p)}：基数 ${formatYuan(p.baseFloorFen)}–${formatYuan(p.baseCeilingFen)}；${rates}（单位/个人）；${fee}；${check}`;
    }),
  ]);
  return `${lines.join('\n')}\n`;
}

export function formatImportReport(r: PolicyImportReport): string {
  const list = (xs: string[]) => (xs.length > 0 ? xs.join('、') : '无');
  const lines = [
    `${r.city}：新增 ${list(r.added)}；修改 ${list(r.changed)}；删除 ${list(r.removed)}；未变 ${r.unchanged.length} 个期间`,
    ...(r.unverified ? [r.unverified] : []),
    r.cardsQueued > 0 ? '已通知人事。' : r.added.length + r.changed.length + r.removed.length === 0 ? '没有变化，未写入任何数据。' : '',
  ].filter(Boolean);
  return `${lines.join('\n')}\n`;
}
