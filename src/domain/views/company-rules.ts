// The shapes /api/v1/company-rules answers with (src/services/company-rules), shared with the H5
// pages that show them (src/h5/pages/CompanyRulesPage.vue, RuleReadPage.vue, MePage.vue). Types
// only: the H5 bundle gains no code from here.

/** One stored rule version; the HR-only fields are absent for an employee. */
export interface CompanyRuleItem {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  version: number;
  article: string;
  /** 'YYYY-MM-DD' */
  adoptedOn: string | null;
  adoptionMethod: string;
  adoptionMethodLabel: string;
  current: boolean;
  documentUrl: string;
  /** When the reader signed this version ('YYYY-MM-DD HH:mm'); null if not yet. */
  acknowledgedAt: string | null;
  /** HR only. */
  minutesUrl?: string;
  documentName?: string;
  minutesName?: string;
  uploadedByName?: string;
  storedAt?: string;
  acknowledgements?: { acknowledged: number; employees: number };
}

export interface CompanyRuleList {
  rules: CompanyRuleItem[];
}

/** For HR: each current employee and whether they signed one rule version, those who have not first (劳动合同法 第四条). */
export interface RuleAcknowledgementList {
  rule: { id: string; title: string; version: number };
  acknowledged: number;
  pending: number;
  employees: { employeeId: string; name: string; employeeNo: string; department: string; acknowledged: boolean; acknowledgedAt: string | null; signatureId: string | null }[];
}
