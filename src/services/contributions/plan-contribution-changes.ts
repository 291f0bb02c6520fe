// Sorts valid rows into new, changed and identical records before anything is written, so a
// re-import of the same month touches nothing and can say so.
import type { Tx } from '../../db/client.ts';
import type { InsuranceType } from '../../generated/prisma/enums.ts';
import { chunk } from '../import/chunk.ts';
import type { ContributionField } from './contribution-columns.ts';
import type { ContributionRecord } from './map-contribution-row.ts';

export interface ContributionValues {
  employeeId: string;
  month: string;
  insuranceType: InsuranceType;
  baseFen: number;
  employerFen: number;
  employeeFen: number;
  city: string | null;
  payerEntity: string | null;
}

export interface ContributionPlan {
  creates: ContributionValues[];
  /** Existing records (by id) whose amounts, city or payer differ from the file. */
  updates: (ContributionValues & { id: string })[];
  unchanged: number;
}

const BATCH = 5000;
const keyOf = (v: { employeeId: string; month: string; insuranceType: string }) => `${v.employeeId}|${v.month}|${v.insuranceType}`;

export async function planContributionChanges(tx: Tx, records: ContributionRecord[], idOf: Map<string, string>, columns: Set<ContributionField>): Promise<ContributionPlan> {
  const wanted = records.map((r): ContributionValues => {
    const employeeId = idOf.get(r.employeeNo);
    if (!employeeId) throw new Error(`contribution plan: no employee for ${r.employeeNo}`);
    const { month, insuranceType, baseFen, employerFen, employeeFen, city, payerEntity } = r;
    return { employeeId, month, insuranceType, baseFen, employerFen, employeeFen, city, payerEntity };
  });
  const months = [...new Set(wanted.map((w) => w.month))];
  const stored = new Map<string, ContributionValues & { id: string }>();
  for (const ids of chunk([...new Set(wanted.map((w) => w.employeeId))], BATCH)) {
    const rows = await tx.contributionRecord.findMany({
      where: { employeeId: { in: ids }, month: { in: months } },
      select: { id: true, employeeId: true, month: true, insuranceType: true, baseFen: true, employerFen: true, employeeFen: true, city: true, payerEntity: true },
    });
    for (const row of rows) stored.set(keyOf(row), row);
  }
  const plan: ContributionPlan = { creates: [], updates: [], unchanged: 0 };
  for (const w of wanted) {
    const current = stored.get(keyOf(w));
    if (current && !columns.has('city')) w.city = current.city;
    if (current && !columns.has('payerEntity')) w.payerEntity = current.payerEntity;
    if (!current) plan.creates.push(w);
    else if (sameValues(current, w)) plan.unchanged++;
    else plan.updates.push({ ...w, id: current.id });
  }
  return plan;
}

function sameValues(a: ContributionValues, b: ContributionValues): boolean {
  return a.baseFen === b.baseFen && a.employerFen === b.employerFen && a.employeeFen === b.employeeFen && a.city === b.city && a.payerEntity === b.payerEntity;
}
