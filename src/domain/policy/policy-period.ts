// A stored policy period as the calculator uses it: the file's fields plus its id and city.
import type { PolicyPeriodInput } from './policy-file-schema.ts';

export interface PolicyPeriod extends PolicyPeriodInput {
  id: string;
  city: string;
}

/** The period in force for `month`, if the city has one. */
export function periodFor<P extends { from: string; to: string | null }>(periods: readonly P[], month: string): P | undefined {
  return periods.find((p) => p.from <= month && (p.to === null || p.to >= month));
}

/** 「政策数据未经核实：上海 2025-07 起」 for every unverified period a result used, or nothing. */
export function unverifiedWarning(city: string, periods: readonly { from: string; to: string | null; verified: boolean }[]): string | null {
  const names = [...new Set(periods.filter((p) => !p.verified).map((p) => (p.to === null ? `${p.from} 起` : `${p.from} 至 ${p.to}`)))];
  return names.length === 0 ? null : `政策数据未经核实：${city} ${names.join('、')} 的基数和费率尚未与官方通知核对，结果仅供参考`;
}
