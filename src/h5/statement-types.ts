// Wire shape of GET /api/v1/h5/statement (src/services/contributions/statement-view.ts),
// declared here so the browser build never pulls server modules in.
export interface Amount {
  fen: number;
  /** '¥1,234.56'. */
  text: string;
}

export interface Shares {
  employer: Amount;
  employee: Amount;
  total: Amount;
}

export interface StatementLine extends Shares {
  insuranceType: string;
  label: string;
  base: Amount;
  city: string | null;
  payerEntity: string | null;
}

export interface StatementMonth extends Shares {
  month: string;
  lines: StatementLine[];
}

export interface StatementResponse {
  employee: { id: string; employeeNo: string; name: string };
  from: string;
  to: string;
  months: StatementMonth[];
  totals: Shares;
  basis: string;
}

/** '2026-01' → '2026年1月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}
