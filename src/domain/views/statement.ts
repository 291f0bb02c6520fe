// GET /api/v1/h5/statement: an employee's contributions by month (社会保险法 第六十条 asks the
// employer to tell each employee monthly). Built by src/services/contributions/statement-view.ts,
// shown by src/h5/pages/StatementPage.vue. Types only: the H5 bundle gains no code from here.
import type { InsuranceType } from '../../generated/prisma/enums.ts';

/** Every amount twice: raw fen for programs, '¥1,234.56' for people. */
export interface Amount {
  fen: number;
  text: string;
}

export interface Shares {
  employer: Amount;
  employee: Amount;
  total: Amount;
}

export interface StatementLine extends Shares {
  insuranceType: InsuranceType;
  label: string;
  base: Amount;
  city: string | null;
  payerEntity: string | null;
}

export interface StatementMonth extends Shares {
  /** 'YYYY-MM'. */
  month: string;
  lines: StatementLine[];
}

export interface ContributionStatement {
  employee: { id: string; employeeNo: string; name: string };
  /** The window asked for, 'YYYY-MM' inclusive; months without records are left out. */
  from: string;
  to: string;
  months: StatementMonth[];
  totals: Shares;
  basis: string;
}
