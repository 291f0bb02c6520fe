// National default contribution rates, in basis points of the base (1 bp = 0.01 %), as data.
// A first version for the waiver-risk estimate: the policy library (a later issue, PRODUCT.md §F)
// replaces this table with per-city rates that carry an effective period and a source URL.
// Sources (reference/law.md "Late payment and back-pay"):
// - pension 16 % employer / 8 % employee: the national defaults (国办发〔2019〕13号 lowered the
//   employer rate to 16 %);
// - medical 2 % employee is the national default; for the employer side we use 6 %, the level
//   《国务院关于建立城镇职工基本医疗保险制度的决定》(国发〔1998〕44号) sets ("6%左右"); cities
//   charge more (Beijing 9.8 %), so this understates the risk rather than inflating it;
// - unemployment 0.5 % / 0.5 %;
// - work injury 0.4 % and maternity 0.8 %, employer only (Beijing 2025 figures, typical levels).
import type { InsuranceType } from '../../generated/prisma/enums.ts';

export interface ContributionRate {
  insuranceType: InsuranceType;
  label: string;
  employerBp: number;
  employeeBp: number;
}

export const NATIONAL_DEFAULT_RATES: readonly ContributionRate[] = [
  { insuranceType: 'PENSION', label: '养老', employerBp: 1600, employeeBp: 800 },
  { insuranceType: 'MEDICAL', label: '医疗', employerBp: 600, employeeBp: 200 },
  { insuranceType: 'UNEMPLOYMENT', label: '失业', employerBp: 50, employeeBp: 50 },
  { insuranceType: 'INJURY', label: '工伤', employerBp: 40, employeeBp: 0 },
  { insuranceType: 'MATERNITY', label: '生育', employerBp: 80, employeeBp: 0 },
];

/** base × bp / 10 000, rounded half up to the fen, in exact integer arithmetic. */
export function applyBp(baseFen: number, bp: number): number {
  return Math.floor((baseFen * bp + 5000) / 10_000);
}
