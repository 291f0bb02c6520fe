// Rows of ContributionRecord → what an employee reads: per month, one line per insurance in
// statutory order, employer and employee shares, and totals. Every amount is given twice:
// raw fen for programs, '¥1,234.56' for people.
import { formatYuan } from '../../domain/money.ts';
import type { Amount, Shares, StatementLine, StatementMonth } from '../../domain/views/statement.ts';
import type { InsuranceType } from '../../generated/prisma/enums.ts';
import { insuranceLabels, insuranceOrder } from './contribution-columns.ts';

export interface StatementRow {
  month: string;
  insuranceType: InsuranceType;
  baseFen: number;
  employerFen: number;
  employeeFen: number;
  city: string | null;
  payerEntity: string | null;
}

export const amount = (fen: number): Amount => ({ fen, text: formatYuan(fen) });
const shares = (employerFen: number, employeeFen: number): Shares => ({ employer: amount(employerFen), employee: amount(employeeFen), total: amount(employerFen + employeeFen) });

/** Newest month first. */
export function statementMonths(rows: StatementRow[]): StatementMonth[] {
  const byMonth = new Map<string, StatementRow[]>();
  for (const r of rows) byMonth.set(r.month, [...(byMonth.get(r.month) ?? []), r]);
  return [...byMonth.keys()].sort().reverse().map((month) => {
    const lines = (byMonth.get(month) ?? [])
      .sort((a, b) => insuranceOrder.indexOf(a.insuranceType) - insuranceOrder.indexOf(b.insuranceType))
      .map((r): StatementLine => ({
        insuranceType: r.insuranceType, label: insuranceLabels[r.insuranceType], base: amount(r.baseFen),
        ...shares(r.employerFen, r.employeeFen), city: r.city, payerEntity: r.payerEntity,
      }));
    return { month, lines, ...sumShares(lines) };
  });
}

export function sumShares(items: Shares[]): Shares {
  return shares(items.reduce((s, i) => s + i.employer.fen, 0), items.reduce((s, i) => s + i.employee.fen, 0));
}
