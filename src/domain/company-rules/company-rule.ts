// A company rule (规章制度) binds employees only when it was adopted democratically and made known
// to them (劳动合同法 第四条): discussed by the 职工代表大会 or by all employees, then shown or
// handed to each employee. The stored rule carries both facts so the notices can cite them.

export const COMPANY_RULE_KINDS = ['attendance'] as const;
export type CompanyRuleKind = (typeof COMPANY_RULE_KINDS)[number];
export const companyRuleKindLabels: Record<CompanyRuleKind, string> = { attendance: '考勤制度' };

export const ADOPTION_METHODS = ['WORKERS_CONGRESS', 'ALL_STAFF'] as const;
export type AdoptionMethod = (typeof ADOPTION_METHODS)[number];
export const adoptionMethodLabels: Record<AdoptionMethod, string> = { WORKERS_CONGRESS: '职工代表大会', ALL_STAFF: '全体职工讨论' };

export const isAdoptionMethod = (v: string): v is AdoptionMethod => (ADOPTION_METHODS as readonly string[]).includes(v);

/** What a notice needs to cite the stored rule. */
export interface RuleCitation {
  title: string;
  version: number;
  /** 'YYYY-MM-DD' */
  adoptedOn: string;
  adoptionMethod: AdoptionMethod;
}

/**
 * @example citationText({ title: '《员工考勤管理制度》', version: 2, adoptedOn: '2026-03-01', adoptionMethod: 'WORKERS_CONGRESS' })
 *   // → '《员工考勤管理制度》（第 2 版，2026-03-01 经职工代表大会讨论通过）'
 */
export function citationText(c: RuleCitation): string {
  return `${c.title}（第 ${c.version} 版，${c.adoptedOn} 经${adoptionMethodLabels[c.adoptionMethod]}讨论通过）`;
}

/** A title as a document name in Chinese: '员工考勤管理制度' → '《员工考勤管理制度》'. */
export function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《/, '').replace(/》$/, '');
  return `《${bare}》`;
}

/** The warning on a termination approval when the employee never acknowledged the rule (第四条). */
export const unacknowledgedWarning = (title: string) => `该员工未签收${bookTitle(title)}，解除可能被认定违法（《劳动合同法》第四条）`;
