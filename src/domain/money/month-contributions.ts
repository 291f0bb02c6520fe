// One month's contributions: the wage clamped to the period's base floor and ceiling, times each
// rate of each side, rounded as the period says (社会保险法 第十二条 employer and employee shares;
// the base limits and rates are the city's, from the policy library).
import { formatYuan } from '../money.ts';
import { INSURANCE_KINDS, INSURANCE_KIND_LABELS, type InsuranceKind } from '../policy/insurance-kinds.ts';
import type { PolicyPeriod } from '../policy/policy-period.ts';
import { multiplyRounded, parseRate, ratePercent } from './exact-rate.ts';

export interface ContributionItem {
  type: InsuranceKind;
  employerFen: number;
  employeeFen: number;
}

export interface MonthContributions {
  baseFen: number;
  items: ContributionItem[];
  employerFen: number;
  employeeFen: number;
  totalFen: number;
  /** How the base and each amount were reached. */
  basis: string;
}

/** The wage within [floor, ceiling], and why. */
export function clampBase(wageFen: number, p: Pick<PolicyPeriod, 'baseFloorFen' | 'baseCeilingFen'>): { baseFen: number; basis: string } {
  if (wageFen < p.baseFloorFen) return { baseFen: p.baseFloorFen, basis: `工资${formatYuan(wageFen)}低于基数下限，按下限${formatYuan(p.baseFloorFen)}` };
  if (wageFen > p.baseCeilingFen) return { baseFen: p.baseCeilingFen, basis: `工资${formatYuan(wageFen)}高于基数上限，按上限${formatYuan(p.baseCeilingFen)}` };
  return { baseFen: wageFen, basis: `基数${formatYuan(wageFen)}（工资在上下限之间）` };
}

const ROUNDING_LABEL = { fen: '分', jiao: '角', yuan: '元' } as const;

/**
 * @example monthContributions(500_000, { ...period, rates: { pension: { employer: '0.16', employee: '0.08' } } }).totalFen // 120_000
 */
export function monthContributions(wageFen: number, p: Pick<PolicyPeriod, 'baseFloorFen' | 'baseCeilingFen' | 'rates' | 'rounding'>): MonthContributions {
  const { baseFen, basis: baseBasis } = clampBase(wageFen, p);
  const items: ContributionItem[] = [];
  const parts: string[] = [];
  for (const type of INSURANCE_KINDS) {
    const r = p.rates[type];
    if (!r) continue;
    const employerFen = multiplyRounded(baseFen, [parseRate(r.employer)], p.rounding);
    const employeeFen = multiplyRounded(baseFen, [parseRate(r.employee)], p.rounding);
    items.push({ type, employerFen, employeeFen });
    parts.push(`${INSURANCE_KIND_LABELS[type]} 单位${ratePercent(r.employer)} 个人${ratePercent(r.employee)}`);
  }
  const employerFen = items.reduce((s, i) => s + i.employerFen, 0);
  const employeeFen = items.reduce((s, i) => s + i.employeeFen, 0);
  const basis = `${baseBasis}；${parts.join('，')}；每险种每方四舍五入到${ROUNDING_LABEL[p.rounding]}`;
  return { baseFen, items, employerFen, employeeFen, totalFen: employerFen + employeeFen, basis };
}
