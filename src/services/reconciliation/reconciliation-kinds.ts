// The mismatches the monthly reconciliation looks for, each with the rule it protects. Labels
// are at most 5 characters: they are the row keys of the WeCom digest card.

export const RECONCILIATION_KINDS = [
  'active_not_insured',
  'exited_still_insured',
  'stopped_while_active',
  'base_below_floor',
  'base_mismatch_wage',
  'entity_mismatch',
] as const;

export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

export const reconciliationKindInfo: Record<ReconciliationKind, { label: string; basis: string }> = {
  // Art. 58: register (and pay for) every worker; Art. 84: fine of 1–3× the contributions payable.
  active_not_insured: { label: '在职未参保', basis: '《社会保险法》第五十八条、第八十四条' },
  // Over-payment after the exit month: money to recover from the insurance agency.
  exited_still_insured: { label: '离职仍缴', basis: '《社会保险法》第五十八条（减员）' },
  // Possible absconding (PRODUCT.md §E); unpaid months accrue late fees under Art. 86.
  stopped_while_active: { label: '在职停保', basis: '《社会保险法》第八十六条' },
  // Art. 60/86: contributions must be paid in full on a base within the city's floor and ceiling.
  base_below_floor: { label: '基数过低', basis: '《社会保险法》第六十条、第八十六条' },
  base_mismatch_wage: { label: '基数不符', basis: '《社会保险法》第六十条' },
  entity_mismatch: { label: '主体不符', basis: '《社会保险法》第五十八条' },
};

export interface Mismatch {
  kind: ReconciliationKind;
  employeeId: string;
  details: Record<string, unknown>;
}

/** `<kind>:<employeeId>:<month>`: one task per mismatch, whatever the number of runs. */
export function reconciliationTaskKey(m: { kind: string; employeeId: string }, month: string): string {
  return `${m.kind}:${m.employeeId}:${month}`;
}
