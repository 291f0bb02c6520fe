// The contribution template (ARCHITECTURE.md §6): one row per employee × 所属期 × 险种, as the
// social-insurance system exports it. Amounts are typed in yuan and stored in fen.
import type { InsuranceType } from '../../generated/prisma/enums.ts';
import { normalizeHeader } from '../import/roster-columns.ts';

export const contributionColumns = [
  { header: '工号', field: 'employeeNo', required: true },
  { header: '姓名', field: 'name', required: false },
  { header: '身份证号', field: 'idNumber', required: false },
  { header: '所属期', field: 'month', required: true },
  { header: '险种', field: 'insuranceType', required: true },
  { header: '缴费基数', field: 'base', required: true },
  { header: '单位缴纳', field: 'employer', required: true },
  { header: '个人缴纳', field: 'employee', required: true },
  { header: '参保城市', field: 'city', required: false },
  { header: '缴费主体', field: 'payerEntity', required: false },
] as const;

export type ContributionField = (typeof contributionColumns)[number]['field'];

export const contributionHeaderOf = Object.fromEntries(contributionColumns.map((c) => [c.field, c.header])) as Record<ContributionField, string>;

const byHeader = new Map<string, ContributionField>(contributionColumns.map((c) => [normalizeHeader(c.header), c.field]));

export function contributionFieldOfHeader(raw: string): ContributionField | undefined {
  return byHeader.get(normalizeHeader(raw));
}

/** The five insurances in statutory order, with the words HR and employees read. */
export const insuranceLabels: Record<InsuranceType, string> = {
  PENSION: '养老',
  MEDICAL: '医疗',
  UNEMPLOYMENT: '失业',
  INJURY: '工伤',
  MATERNITY: '生育',
};

export const insuranceOrder = Object.keys(insuranceLabels) as InsuranceType[];

const typeByLabel = new Map((Object.entries(insuranceLabels) as [InsuranceType, string][]).map(([type, label]) => [label, type]));

/** '养老', '养老保险' and '基本养老保险' all mean PENSION; exports differ in how they name it. */
export function insuranceTypeOf(label: string): InsuranceType | undefined {
  const core = label.trim().replace(/^(城镇职工)?基本/, '').replace(/保险$/, '');
  return typeByLabel.get(core);
}
