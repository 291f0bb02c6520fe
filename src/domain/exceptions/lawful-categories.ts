// The lawful "not enrolled here" cases (reference/law.md "Employees who ask not to be insured"),
// each with the article it rests on, the proof it needs on top of the signed declaration, the
// proof asked for again every quarter, and the insurance this company still owes. 劳动争议司法
// 解释（一）第三十二条第一款 (pensioners → 劳务) was repealed by 法释〔2025〕12号 第二十一条 from
// 2025-09-01 and is never cited as a basis; its 第二款 (dual employment) is still in force.
import type { InsuranceExceptionKind } from '../../generated/prisma/enums.ts';
import type { ProofKindValue } from '../proofs/proof-kind-labels.ts';
import { proofKindLabels } from '../proofs/proof-kind-labels.ts';
import { OVER_AGE_INJURY, type OwedInsurance } from './owed-insurance.ts';

export const LAWFUL_CATEGORIES = ['RETIRED_PENSIONER', 'OTHER_EMPLOYER_PAYS', 'PART_TIME', 'STUDENT_INTERN', 'DISPATCHED', 'FOREIGN_AGREEMENT', 'OVER_AGE_NO_PENSION'] as const;
export type LawfulCategory = (typeof LAWFUL_CATEGORIES)[number];

export interface ProofRequirement {
  kind: ProofKindValue;
  label: string;
}

export interface LawfulCategoryInfo {
  category: LawfulCategory;
  label: string;
  kind: InsuranceExceptionKind;
  lawful: true;
  /** The proofs the employee uploads, besides the signed declaration. */
  proofs: readonly ProofRequirement[];
  /** The proof asked for again each quarter: the ground can end at any time. */
  reverifyProof: ProofKindValue;
  /** What this company still owes (drives the enrolment task an approval opens). */
  owed: readonly OwedInsurance[];
  /** The owed insurance in a card row (WeCom: 26 characters). */
  owedShort: string;
  /** What the law says, shown to HR and the employee. */
  legalNote: string;
  /** The same, short enough for a card's quote line (WeCom: 112 characters). */
  cardNote: string;
}

const proof = (kind: ProofKindValue): ProofRequirement => ({ kind, label: proofKindLabels[kind] });
const INJURY_EACH_EMPLOYER = '工伤保险由本单位缴纳（人社部令第13号 第九条：同时在两个以上单位就业的，各单位分别缴纳工伤保险费）';
const OVER_AGE_INJURY_NOTE = '工伤保险按参保地超龄就业人员参加工伤保险的规定办理；参保地不受理的，投保雇主责任险（未参保发生工伤由单位支付全部待遇，《工伤保险条例》第六十二条）';

export const lawfulCategories: Record<LawfulCategory, LawfulCategoryInfo> = {
  RETIRED_PENSIONER: {
    category: 'RETIRED_PENSIONER', label: '已退休并领取养老金', kind: 'RETIRED_REHIRE', lawful: true,
    proofs: [proof('PENSION_CERTIFICATE')], reverifyProof: 'PENSION_CERTIFICATE',
    owed: [OVER_AGE_INJURY], owedShort: '工伤（按当地规定，不受理则投雇主责任险）',
    legalNote: '已依法享受基本养老保险待遇的，劳动合同终止（《劳动合同法》第四十四条第（二）项、《劳动合同法实施条例》第二十一条），不再在本单位参加职工基本养老保险；'
      + `返聘按劳务关系还是劳动关系处理，自2025年9月1日起按具体情况认定（法释〔2025〕12号 第二十一条）。${OVER_AGE_INJURY_NOTE}`,
    cardNote: '领取基本养老金者不再参加职工养老保险（劳动合同法第四十四条第（二）项、实施条例第二十一条）；工伤按参保地超龄人员规定参加，不受理的投保雇主责任险',
  },
  OTHER_EMPLOYER_PAYS: {
    category: 'OTHER_EMPLOYER_PAYS', label: '原单位仍在缴纳（停薪留职/内退/下岗待岗）', kind: 'DUAL_EMPLOYMENT', lawful: true,
    proofs: [proof('OTHER_EMPLOYER_CONTRIBUTIONS')], reverifyProof: 'OTHER_EMPLOYER_CONTRIBUTIONS',
    owed: [{ type: 'INJURY' }], owedShort: '工伤保险',
    legalNote: '停薪留职、内退、下岗待岗等人员与新单位之间按劳动关系处理（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条第二款）；'
      + '原单位仍在缴纳的，因每人只有一个社会保险个人账户，养老、医疗（含生育，国办发〔2019〕10号 两险合并实施）、失业保险不在本单位重复参加；'
      + `${INJURY_EACH_EMPLOYER}。原单位停缴之月起须在本单位参保`,
    cardNote: '原单位仍在缴纳的，养老、医疗、失业不在本单位重复参加（一人一个账户；劳动争议司法解释（一）第三十二条第二款）；工伤由各单位分别缴纳（人社部令第13号 第九条）',
  },
  PART_TIME: {
    category: 'PART_TIME', label: '非全日制用工（平均每日不超过4小时）', kind: 'PART_TIME', lawful: true,
    proofs: [proof('PART_TIME_CONTRACT')], reverifyProof: 'PART_TIME_CONTRACT',
    owed: [{ type: 'INJURY' }], owedShort: '工伤保险',
    legalNote: '非全日制用工以小时计酬，平均每日工作不超过四小时、每周累计不超过二十四小时（《劳动合同法》第六十八条至第七十二条）；'
      + '养老、医疗保险可由本人按灵活就业人员参加（《社会保险法》第十条第二款、第二十三条第二款）；'
      + `${INJURY_EACH_EMPLOYER}。超过上述工时即为全日制用工，须全部参保`,
    cardNote: '非全日制用工（劳动合同法第六十八条至第七十二条）：养老、医疗可由本人按灵活就业参加（社会保险法第十条、第二十三条）；工伤由本单位缴纳（人社部令第13号 第九条）',
  },
  STUDENT_INTERN: {
    category: 'STUDENT_INTERN', label: '在校学生实习', kind: 'STUDENT_INTERN', lawful: true,
    proofs: [proof('STUDENT_STATUS'), proof('INTERNSHIP_AGREEMENT')], reverifyProof: 'STUDENT_STATUS',
    owed: [], owedShort: '无（建议投保实习责任险或意外险）',
    legalNote: '在校学生实习不以就业为目的，与本单位不建立劳动关系（参照原劳动部《关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见》第12条：在校生勤工助学不视为就业），本单位无须为其参加社会保险；'
      + '毕业或不再具有在校学生身份后继续工作的，自该日起三十日内参保（《社会保险法》第五十八条）。实习期间的伤害风险建议投保实习责任保险或意外伤害保险',
    cardNote: '在校学生实习不建立劳动关系（参照劳部发〔1995〕309号 第12条），无须参保；毕业后继续工作的须三十日内参保（社会保险法第五十八条）',
  },
  DISPATCHED: {
    category: 'DISPATCHED', label: '劳务派遣（由派遣单位参保）', kind: 'DISPATCHED', lawful: true,
    proofs: [proof('AGENCY_CONTRIBUTIONS')], reverifyProof: 'AGENCY_CONTRIBUTIONS',
    owed: [], owedShort: '无（由劳务派遣单位参保）',
    legalNote: '劳务派遣单位是被派遣劳动者的用人单位，由其依法参加社会保险（《劳动合同法》第五十八条）；跨地区派遣的，在用工单位所在地参保（《劳务派遣暂行规定》第十八条）。'
      + '本单位作为用工单位不重复参保，但须核实派遣单位为该员工的缴费记录',
    cardNote: '劳务派遣单位是用人单位，由其参保（劳动合同法第五十八条；劳务派遣暂行规定第十八条）；本单位核实其为该员工的缴费记录，不重复参保',
  },
  FOREIGN_AGREEMENT: {
    category: 'FOREIGN_AGREEMENT', label: '外籍人员（持社保双边协定参保证明）', kind: 'FOREIGN_AGREEMENT', lawful: true,
    proofs: [proof('COVERAGE_CERTIFICATE')], reverifyProof: 'COVERAGE_CERTIFICATE',
    owed: [{ type: 'MEDICAL' }, { type: 'INJURY' }, { type: 'MATERNITY' }], owedShort: '医疗、工伤、生育及证明未列明的险种',
    legalNote: '具有与中国签订社会保险双边或多边协议国家国籍的人员在中国境内就业的，按协议办理（《在中国境内就业的外国人参加社会保险暂行办法》人社部令第16号 第六条）；'
      + '凭参保证明免除协定列明的险种（多为养老、失业保险），医疗、工伤、生育保险及证明未列明的险种仍须在本单位参加',
    cardNote: '持双边协定参保证明的外籍人员，免除协定列明的险种（人社部令第16号 第六条）；医疗、工伤、生育及证明未列明的险种仍须在本单位参加',
  },
  OVER_AGE_NO_PENSION: {
    category: 'OVER_AGE_NO_PENSION', label: '已达法定退休年龄、未领取养老金', kind: 'OVER_AGE_NO_PENSION', lawful: true,
    proofs: [proof('AGE_PROOF'), proof('NO_PENSION_PROOF')], reverifyProof: 'NO_PENSION_PROOF',
    owed: [OVER_AGE_INJURY], owedShort: '工伤（按当地规定，不受理则投雇主责任险）',
    legalNote: '达到法定退休年龄的，劳动合同终止（《劳动合同法实施条例》第二十一条），本单位不再为其办理职工基本养老保险登记；累计缴费不足最低年限的，可按规定延长缴费至满最低年限（《社会保险法》第十六条第二款），按参保地规定办理。'
      + OVER_AGE_INJURY_NOTE,
    cardNote: '已达法定退休年龄的劳动合同终止（实施条例第二十一条）；养老可按规定延长缴费（社会保险法第十六条第二款）；工伤按参保地超龄人员规定参加，不受理的投保雇主责任险',
  },
};
