// Why an employee asks not to be insured here, and what the law makes of it. Only two reasons
// are lawful "not enrolled here" cases (劳动争议司法解释（一）第三十二条: a retiree drawing a
// pension, or a worker whose original employer still pays, is in a 劳务/dual relationship); every
// other reason is a waiver, which 法释〔2025〕12号 第十九条 makes void. Even the lawful two keep
// work-injury insurance (人社部令第13号 第九条).
import type { InsuranceExceptionKind } from '../../generated/prisma/enums.ts';

export type ProofKind = 'PENSION_CERTIFICATE' | 'OTHER_EMPLOYER_CONTRIBUTIONS';

export const REASON_CATEGORIES = ['RETIRED_PENSIONER', 'OTHER_EMPLOYER_PAYS', 'PREFER_CASH', 'RESIDENT_INSURANCE', 'SHORT_TERM', 'OTHER'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export interface ReasonCategoryInfo {
  category: ReasonCategory;
  label: string;
  kind: InsuranceExceptionKind;
  lawful: boolean;
  /** The proof the employee uploads (lawful categories only). */
  proof?: { kind: ProofKind; label: string };
  /** What the law says about this reason, shown to HR and the employee. */
  legalNote: string;
}

export const DECLARATION_TEMPLATE = 'insurance-exception-declaration';
export const DECLARATION_LABEL = '员工签署的声明';

export const WAIVER_VOID_NOTE = '员工承诺或与公司约定不缴纳社会保险无效，公司仍须依法缴纳（法释〔2025〕12号 第十九条）';
export const INJURY_STILL_REQUIRED = '工伤保险仍须缴纳（人社部令第13号 第九条；未参保发生工伤由单位支付全部待遇，《工伤保险条例》第六十二条）';

/** Short enough for a card's quote line (WeCom: 112 characters). */
export const LAWFUL_CARD_NOTE = '依据劳动争议司法解释（一）第三十二条可不在本单位参保，须经人事经理审批；工伤保险仍须缴纳（人社部令第13号 第九条）';

const LAWFUL_BASIS = '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条';

export const reasonCategories: Record<ReasonCategory, ReasonCategoryInfo> = {
  RETIRED_PENSIONER: {
    category: 'RETIRED_PENSIONER', label: '已退休并领取养老金', kind: 'RETIRED_REHIRE', lawful: true,
    proof: { kind: 'PENSION_CERTIFICATE', label: '退休证或养老金领取证明' },
    legalNote: `已依法享受养老保险待遇的退休人员返聘，按劳务关系处理，可不在本单位参加养老等保险（${LAWFUL_BASIS}）；${INJURY_STILL_REQUIRED}`,
  },
  OTHER_EMPLOYER_PAYS: {
    category: 'OTHER_EMPLOYER_PAYS', label: '原单位仍在缴纳（停薪留职/内退/下岗待岗）', kind: 'DUAL_EMPLOYMENT', lawful: true,
    proof: { kind: 'OTHER_EMPLOYER_CONTRIBUTIONS', label: '原单位社保缴费记录' },
    legalNote: `停薪留职、内退、下岗待岗人员由原单位继续缴纳社会保险的，可不在本单位重复参保（${LAWFUL_BASIS}）；${INJURY_STILL_REQUIRED}`,
  },
  PREFER_CASH: { category: 'PREFER_CASH', label: '希望以现金补贴代替', kind: 'WAIVER_REQUEST', lawful: false, legalNote: `${WAIVER_VOID_NOTE}；公司补缴后可要求返还已支付的社保补贴（同条第二款）` },
  RESIDENT_INSURANCE: { category: 'RESIDENT_INSURANCE', label: '已在户籍地参加城乡居民保险', kind: 'WAIVER_REQUEST', lawful: false, legalNote: `城乡居民保险不能替代职工社会保险；${WAIVER_VOID_NOTE}` },
  SHORT_TERM: { category: 'SHORT_TERM', label: '短期工作', kind: 'WAIVER_REQUEST', lawful: false, legalNote: `短期用工同样须自用工之日起三十日内参保（《社会保险法》第五十八条）；${WAIVER_VOID_NOTE}` },
  OTHER: { category: 'OTHER', label: '其他', kind: 'WAIVER_REQUEST', lawful: false, legalNote: WAIVER_VOID_NOTE },
};

export function isReasonCategory(value: string): value is ReasonCategory {
  return (REASON_CATEGORIES as readonly string[]).includes(value);
}

/** The required documents of an exception: always the signed declaration, plus the proof for lawful kinds. */
export function requiredDocuments(category: ReasonCategory): { key: string; label: string; proofKind?: ProofKind }[] {
  const info = reasonCategories[category];
  if (!info.proof) return [];
  return [{ key: 'declaration', label: DECLARATION_LABEL }, { key: info.proof.kind, label: info.proof.label, proofKind: info.proof.kind }];
}
