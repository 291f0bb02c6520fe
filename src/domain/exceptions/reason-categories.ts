// Why an employee asks not to be insured here, and what the law makes of it. The lawful cases
// (lawful-categories.ts) each rest on their own article and still owe some insurance; every other
// reason is a waiver, which 法释〔2025〕12号 第十九条 makes void: all insurance stays owed.
import type { InsuranceExceptionKind } from '../../generated/prisma/enums.ts';
import type { ProofKindValue } from '../proofs/proof-kind-labels.ts';
import { LAWFUL_CATEGORIES, lawfulCategories, type LawfulCategoryInfo, type ProofRequirement } from './lawful-categories.ts';
import { ALL_OWED, type OwedInsurance } from './owed-insurance.ts';

export type { LawfulCategory, ProofRequirement } from './lawful-categories.ts';
export type ProofKind = ProofKindValue;

const WAIVER_CATEGORIES = ['PREFER_CASH', 'RESIDENT_INSURANCE', 'SHORT_TERM', 'OTHER'] as const;
export const REASON_CATEGORIES = [...LAWFUL_CATEGORIES, ...WAIVER_CATEGORIES] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export interface WaiverCategoryInfo {
  category: (typeof WAIVER_CATEGORIES)[number];
  label: string;
  kind: InsuranceExceptionKind;
  lawful: false;
  proofs: readonly ProofRequirement[];
  reverifyProof?: undefined;
  owed: readonly OwedInsurance[];
  owedShort: string;
  legalNote: string;
}

export type ReasonCategoryInfo = LawfulCategoryInfo | WaiverCategoryInfo;

export const DECLARATION_TEMPLATE = 'insurance-exception-declaration';
export const DECLARATION_LABEL = '员工签署的声明';

export const WAIVER_VOID_NOTE = '员工承诺或与公司约定不缴纳社会保险无效，公司仍须依法缴纳（法释〔2025〕12号 第十九条）';
export const INJURY_STILL_REQUIRED = '工伤保险仍须缴纳（人社部令第13号 第九条；未参保发生工伤由单位支付全部待遇，《工伤保险条例》第六十二条）';

const waiver = (category: WaiverCategoryInfo['category'], label: string, legalNote: string): WaiverCategoryInfo => ({
  category, label, kind: 'WAIVER_REQUEST', lawful: false, proofs: [], owed: ALL_OWED, owedShort: '全部险种', legalNote,
});

export const reasonCategories: Record<ReasonCategory, ReasonCategoryInfo> = {
  ...lawfulCategories,
  PREFER_CASH: waiver('PREFER_CASH', '希望以现金补贴代替', `${WAIVER_VOID_NOTE}；公司补缴后可要求返还已支付的社保补贴（同条第二款）`),
  RESIDENT_INSURANCE: waiver('RESIDENT_INSURANCE', '已在户籍地参加城乡居民保险', `城乡居民保险不能替代职工社会保险；${WAIVER_VOID_NOTE}`),
  SHORT_TERM: waiver('SHORT_TERM', '短期工作', `短期用工同样须自用工之日起三十日内参保（《社会保险法》第五十八条）；${WAIVER_VOID_NOTE}`),
  OTHER: waiver('OTHER', '其他', WAIVER_VOID_NOTE),
};

/** The refusal of an unknown category, naming the choices as the employee reads them. */
export const REASON_CATEGORY_MESSAGE = `原因类别应为以下之一：${REASON_CATEGORIES.map((c) => reasonCategories[c].label).join('、')}`;

export function isReasonCategory(value: string): value is ReasonCategory {
  return (REASON_CATEGORIES as readonly string[]).includes(value);
}

export interface RequiredDocument {
  key: string;
  label: string;
  proofKind?: ProofKindValue;
}

/** The required documents of an exception: the signed declaration plus each proof (lawful kinds only). */
export function requiredDocuments(category: ReasonCategory): RequiredDocument[] {
  const info = reasonCategories[category];
  if (!info.lawful) return [];
  return [{ key: 'declaration', label: DECLARATION_LABEL }, ...info.proofs.map((p) => ({ key: p.kind, label: p.label, proofKind: p.kind }))];
}
