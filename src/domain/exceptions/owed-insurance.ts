// The insurance types a company still owes an employee under each exception category, with how
// where the law leaves it to the city. Drives the enrolment tasks an approval opens, the request
// card and the H5 (reference/law.md "Employees who ask not to be insured").
import type { InsuranceType } from '../../generated/prisma/enums.ts';

export const insuranceTypeLabels: Record<InsuranceType, string> = {
  PENSION: '养老保险',
  MEDICAL: '医疗保险',
  UNEMPLOYMENT: '失业保险',
  INJURY: '工伤保险',
  MATERNITY: '生育保险',
};

/** Every type: what a void waiver leaves owed (社会保险法 第五十八条). */
export const ALL_OWED: readonly OwedInsurance[] = (Object.keys(insuranceTypeLabels) as InsuranceType[]).map((type) => ({ type }));

export interface OwedInsurance {
  type: InsuranceType;
  /** How, when the rule is the city's (e.g. over-age workers and work injury). */
  how?: string;
}

/**
 * Work injury for people past the retirement age: each city decides whether its fund accepts them;
 * where it does not, the company covers the risk with employer's liability insurance (雇主责任险),
 * since an uninsured injury is paid by the employer (《工伤保险条例》第六十二条).
 */
export const OVER_AGE_INJURY: OwedInsurance = { type: 'INJURY', how: '按参保地超龄就业人员参加工伤保险的规定办理；参保地不受理的，投保雇主责任险' };

/** '工伤保险（按参保地…）、医疗保险' or '无', for lists and task titles. */
export function owedLabel(owed: readonly OwedInsurance[]): string {
  if (owed.length === 0) return '无';
  return owed.map((o) => insuranceTypeLabels[o.type] + (o.how ? `（${o.how}）` : '')).join('、');
}

/** The owed types not yet enrolled, given the types already ENROLLED. */
export function stillToEnrol(owed: readonly OwedInsurance[], enrolled: readonly InsuranceType[]): OwedInsurance[] {
  return owed.filter((o) => !enrolled.includes(o.type));
}
