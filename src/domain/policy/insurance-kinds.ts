// The five social insurances as the policy file names them, with the words HR reads.
// (The database enum InsuranceType spells them PENSION…; these keys are the file's public contract.)

export const INSURANCE_KINDS = ['pension', 'medical', 'unemployment', 'workInjury', 'maternity'] as const;
export type InsuranceKind = (typeof INSURANCE_KINDS)[number];

export const INSURANCE_KIND_LABELS: Record<InsuranceKind, string> = {
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  workInjury: '工伤保险',
  maternity: '生育保险',
};
