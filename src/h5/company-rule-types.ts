// Shapes of the company-rule responses (src/services/company-rules), as the H5 pages read them.
export interface CompanyRuleItem {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  version: number;
  article: string;
  adoptedOn: string | null;
  adoptionMethod: string;
  adoptionMethodLabel: string;
  current: boolean;
  documentUrl: string;
  acknowledgedAt: string | null;
  /** HR only. */
  minutesUrl?: string;
  documentName?: string;
  minutesName?: string;
  uploadedByName?: string;
  storedAt?: string;
  acknowledgements?: { acknowledged: number; employees: number };
}

export interface RuleAcknowledgementList {
  rule: { id: string; title: string; version: number };
  acknowledged: number;
  pending: number;
  employees: { employeeId: string; name: string; employeeNo: string; department: string; acknowledged: boolean; acknowledgedAt: string | null }[];
}

export const RULE_ACKNOWLEDGEMENT_TEMPLATE = 'company-rule-acknowledgement';
