// The wording of the insurance-exception declaration, per version and kind. A signed declaration
// keeps the version it was signed under (Signature.template 'insurance-exception-declaration@1'),
// so a version, once released, is never edited: a change of law adds a version.
// - v1 (until 2026-12): cited 劳动争议司法解释（一）第三十二条 for the pensioner, whose first paragraph
//   法释〔2025〕12号 第二十一条 repealed from 2025-09-01, and promised work injury to everyone.
// - v2: the law in force; each kind says what it rests on and only what the company can do.
import type { InsuranceExceptionKind } from '../generated/prisma/enums.ts';

type Paragraphs = (reason: string) => string[];

const INTERPRETATION_1 = '《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条';
const WAIVER_VOID = '根据《最高人民法院关于审理劳动争议案件适用法律问题的解释（二）》（法释〔2025〕12号）第十九条，劳动者与用人单位约定或者承诺不缴纳社会保险费的，该约定或承诺无效；本声明不免除公司依法缴纳社会保险的义务。';
const INJURY_V1 = '工伤保险由公司依法缴纳（《工伤保险条例》第二条、第六十二条）。';
const CLOSING = '本人确认以上信息真实、准确，已阅读并理解本声明的全部内容。本人可随时在「我的文件」中免费查看和下载本声明。';

const waiver: Paragraphs = (reason) => [
  `本人向公司提出不在公司参加社会保险的请求，原因：${reason}。`,
  WAIVER_VOID,
  '公司已向本人说明上述规定，并将依法为本人办理社会保险登记、缴纳社会保险费。本声明仅记录本人提出的请求以及公司已告知的法律规定。',
];

const V1: Partial<Record<InsuranceExceptionKind, Paragraphs>> = {
  RETIRED_REHIRE: () => [
    `本人已依法享受基本养老保险待遇（已办理退休并按月领取基本养老金），现与公司建立劳务关系（${INTERPRETATION_1}）。`,
    '本人将提供退休证或养老金领取证明，保证所提供的材料真实、有效；如本人享受养老保险待遇的情况发生变化，将及时告知公司。',
  ],
  DUAL_EMPLOYMENT: () => [
    '本人与原单位保留劳动关系（停薪留职、内退、下岗待岗等），原单位仍为本人缴纳社会保险，因此本人的基本养老、基本医疗等社会保险不在公司重复参加。',
    `本人知悉：本人与公司之间的用工关系仍按劳动关系处理（${INTERPRETATION_1}第二款）。本人将提供原单位的社会保险缴费记录，保证其真实、有效；原单位停止为本人缴纳社会保险时，本人将立即告知公司，由公司依法为本人参保。`,
  ],
  WAIVER_REQUEST: waiver,
};

const OVER_AGE_INJURY = '工伤保险按参保地关于超龄就业人员参加工伤保险的规定办理；参保地不予办理的，公司为本人投保雇主责任险。';
const INJURY_BY_COMPANY = '工伤保险由公司为本人缴纳（人社部令第13号 第九条：职工同时在两个以上用人单位就业的，各用人单位分别缴纳工伤保险费）。';

const V2: Record<InsuranceExceptionKind, Paragraphs> = {
  RETIRED_REHIRE: () => [
    '本人已依法享受基本养老保险待遇（已办理退休并按月领取基本养老金）。根据《劳动合同法》第四十四条第（二）项及《劳动合同法实施条例》第二十一条，本人不再在公司参加职工基本养老保险。',
    '本人与公司之间按劳务关系还是劳动关系处理，依具体情况认定，本声明不作约定（原司法解释中退休人员一律按劳务关系处理的规定已自2025年9月1日起废止，法释〔2025〕12号 第二十一条）。',
    '本人将提供退休证或养老金领取证明，保证所提供的材料真实、有效；如本人享受养老保险待遇的情况发生变化，将及时告知公司。',
    OVER_AGE_INJURY,
  ],
  DUAL_EMPLOYMENT: () => [
    '本人与原单位保留劳动关系（停薪留职、内退、下岗待岗等），原单位仍为本人缴纳社会保险。由于每人只有一个社会保险个人账户，本人的基本养老、基本医疗（含生育）和失业保险不在公司重复参加。',
    `本人知悉：本人与公司之间的用工关系按劳动关系处理（${INTERPRETATION_1}第二款）。本人将提供原单位的社会保险缴费记录，保证其真实、有效；原单位停止为本人缴纳社会保险时，本人将立即告知公司，公司自原单位停缴之月起依法为本人参保。`,
    INJURY_BY_COMPANY,
  ],
  PART_TIME: () => [
    '本人与公司建立非全日制用工关系：以小时计酬，平均每日工作时间不超过四小时，每周工作时间累计不超过二十四小时（《劳动合同法》第六十八条）。',
    '本人知悉：本人的基本养老、基本医疗保险可以按灵活就业人员由本人参加（《社会保险法》第十条第二款、第二十三条第二款）；工作时间超过上述标准的，公司将按全日制用工依法为本人参加社会保险。本人将提供非全日制用工协议及工时记录，保证其真实、有效。',
    INJURY_BY_COMPANY,
  ],
  STUDENT_INTERN: () => [
    '本人为在校学生，在公司实习，不以就业为目的，与公司之间不建立劳动关系（参照原劳动部《关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见》第12条）。',
    '本人将提供学生证或学籍证明及实习协议，保证其真实、有效；本人毕业或不再具有在校学生身份时，将及时告知公司，此后继续在公司工作的，公司依法为本人参加社会保险（《社会保险法》第五十八条）。',
    '实习期间的伤害风险，以实习协议约定的实习责任保险或意外伤害保险为准。',
  ],
  DISPATCHED: () => [
    '本人由劳务派遣单位派遣至公司工作。劳务派遣单位是本人的用人单位，由其依法为本人缴纳社会保险（《劳动合同法》第五十八条；《劳务派遣暂行规定》第十八条）。',
    '本人将提供劳务派遣单位为本人缴纳社会保险的记录，保证其真实、有效；派遣单位停止为本人缴纳时，本人将及时告知公司。',
  ],
  FOREIGN_AGREEMENT: () => [
    '本人为外国籍人员，本人国籍国与中国签订了社会保险双边（多边）协定，本人持有其社会保险机构出具的参保证明；协定及参保证明列明的险种不在中国重复参加（《在中国境内就业的外国人参加社会保险暂行办法》人社部令第16号 第六条）。',
    '本人将提供上述参保证明，保证其真实、有效；证明到期或本人在其国籍国的参保情况变化时，将及时告知公司。',
    '协定及参保证明未列明的险种（医疗、工伤、生育保险等），公司依法为本人参加。',
  ],
  OVER_AGE_NO_PENSION: () => [
    '本人已达到法定退休年龄，尚未领取基本养老金。本人知悉：劳动合同自达到法定退休年龄时终止（《劳动合同法实施条例》第二十一条）；累计缴费不足最低缴费年限的，可按规定延长缴费（《社会保险法》第十六条第二款），按参保地规定办理。',
    '本人将提供身份证件及未领取基本养老金的证明，保证其真实、有效；开始领取基本养老金时，将及时告知公司。',
    OVER_AGE_INJURY,
  ],
  WAIVER_REQUEST: (reason) => [...waiver(reason), INJURY_V1],
};

export const CURRENT_WORDING_VERSION = 2;

/** The paragraphs of `kind` as version `version` worded them, or undefined if that version had no such kind. */
export function declarationParagraphs(version: number, kind: InsuranceExceptionKind, reason: string): string[] | undefined {
  if (version === 1) {
    const v1 = V1[kind];
    return v1 && [...v1(reason), INJURY_V1, CLOSING];
  }
  if (version === 2) return [...V2[kind](reason), CLOSING];
  return undefined;
}

export const wordingTitles: Record<InsuranceExceptionKind, string> = {
  RETIRED_REHIRE: '退休返聘人员社会保险情况声明',
  DUAL_EMPLOYMENT: '原单位缴纳社会保险情况声明',
  PART_TIME: '非全日制用工社会保险情况声明',
  STUDENT_INTERN: '在校学生实习情况声明',
  DISPATCHED: '劳务派遣人员社会保险情况声明',
  FOREIGN_AGREEMENT: '外籍人员社会保险双边协定情况声明',
  OVER_AGE_NO_PENSION: '超过法定退休年龄人员社会保险情况声明',
  WAIVER_REQUEST: '不参加社会保险请求记录及法律告知',
};
