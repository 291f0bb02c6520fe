// A refused policy file explained in Chinese, each problem naming its period and field:
// 「第 2 个政策期间（2025-07 起）的 养老保险 单位费率：…」.
import type { z } from 'zod';
import { INSURANCE_KIND_LABELS } from './insurance-kinds.ts';

const FIELD_LABELS: Record<string, string> = {
  city: '城市', cityCode: '城市代码', periods: '政策期间', from: '开始月份', to: '结束月份',
  baseFloorFen: '缴费基数下限', baseCeilingFen: '缴费基数上限', rates: '费率', employer: '单位费率', employee: '个人费率',
  rounding: '舍入方式', dueDay: '缴费截止日', lateFee: '滞纳金', method: '计算方式', dailyRate: '日费率', on: '计算基础',
  interestNote: '利息说明', averageMonthlyWageFen: '职工月平均工资', minimumWageFen: '最低工资', source: '来源链接', verified: '是否核实',
  ...INSURANCE_KIND_LABELS,
};

/** One line per issue; `input` is the raw file, read only to name a period by its start month. */
export function describePolicyIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    if (first === 'periods' && typeof index === 'number') {
      const from = (input as { periods?: { from?: unknown }[] }).periods?.[index]?.from;
      const named = typeof from === 'string' ? `（${from} 起）` : '';
      const field = rest.map((p) => FIELD_LABELS[String(p)] ?? '其中一项').join(' ');
      return `第 ${index + 1} 个政策期间${named}${field ? `的 ${field}` : ''}：${issue.message}`;
    }
    const field = issue.path.map((p) => FIELD_LABELS[String(p)] ?? '其中一项').join(' ');
    return field ? `${field}：${issue.message}` : issue.message;
  });
}
