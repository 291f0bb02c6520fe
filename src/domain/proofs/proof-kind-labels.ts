// What a proof document is, as data shared by the server and the H5 (no server code here). Each
// named kind is the proof of one lawful "not enrolled here" category
// (src/domain/exceptions/lawful-categories.ts, reference/law.md); anything else is OTHER.
export const PROOF_KINDS = [
  'PENSION_CERTIFICATE',
  'OTHER_EMPLOYER_CONTRIBUTIONS',
  'PART_TIME_CONTRACT',
  'STUDENT_STATUS',
  'INTERNSHIP_AGREEMENT',
  'AGENCY_CONTRIBUTIONS',
  'COVERAGE_CERTIFICATE',
  'AGE_PROOF',
  'NO_PENSION_PROOF',
  'OTHER',
] as const;
export type ProofKindValue = (typeof PROOF_KINDS)[number];

export const proofKindLabels: Record<ProofKindValue, string> = {
  PENSION_CERTIFICATE: '退休证或养老金领取证明',
  OTHER_EMPLOYER_CONTRIBUTIONS: '原单位社保缴费记录',
  PART_TIME_CONTRACT: '非全日制用工协议及工时记录',
  STUDENT_STATUS: '学生证或学籍证明',
  INTERNSHIP_AGREEMENT: '实习协议',
  AGENCY_CONTRIBUTIONS: '劳务派遣单位为本人缴纳社保的缴费记录',
  COVERAGE_CERTIFICATE: '社会保险双边协定参保证明',
  AGE_PROOF: '身份证件（已达法定退休年龄）',
  NO_PENSION_PROOF: '未领取基本养老金的证明',
  OTHER: '其他证明材料',
};

export function isProofKind(value: string): value is ProofKindValue {
  return (PROOF_KINDS as readonly string[]).includes(value);
}

/**
 * Kinds holding another employer's records or pension data: uploading one needs the employee's
 * separate consent (个人信息保护法 第二十九条), given on the upload page and recorded per upload.
 */
export const CONSENT_PROOF_KINDS: readonly ProofKindValue[] = ['PENSION_CERTIFICATE', 'OTHER_EMPLOYER_CONTRIBUTIONS', 'AGENCY_CONTRIBUTIONS', 'NO_PENSION_PROOF'];

/** The consent sentence the employee agrees to (shown on the upload page, kept with the upload). */
export const PROOF_CONSENT_TEXT = '本人同意公司为核实社会保险参保情况，处理本人上传的其他单位社保缴费记录或养老保险（退休、领取养老金）信息，仅人事可查看，保存至法定期限届满后删除（《个人信息保护法》第二十九条）。';
