// 劳动合同法 第三十八条: the employer's faults that let the employee end the contract at once,
// without the 30 days of 第三十七条, and with economic compensation (第四十六条第（一）项).
export const EMPLOYER_FAULT_GROUNDS = ['no_protection', 'unpaid_wages', 'no_social_insurance', 'unlawful_rules', 'invalid_contract', 'other_law', 'forced_labour'] as const;

export type EmployerFaultGround = (typeof EMPLOYER_FAULT_GROUNDS)[number];

export const employerFaultGroundLabels: Record<EmployerFaultGround, string> = {
  no_protection: '未按照劳动合同约定提供劳动保护或者劳动条件（第三十八条第一款第（一）项）',
  unpaid_wages: '未及时足额支付劳动报酬（第三十八条第一款第（二）项）',
  no_social_insurance: '未依法为劳动者缴纳社会保险费（第三十八条第一款第（三）项）',
  unlawful_rules: '规章制度违反法律、法规的规定，损害劳动者权益（第三十八条第一款第（四）项）',
  invalid_contract: '因第二十六条第一款规定的情形致使劳动合同无效（第三十八条第一款第（五）项）',
  other_law: '法律、行政法规规定劳动者可以解除劳动合同的其他情形（第三十八条第一款第（六）项）',
  forced_labour: '以暴力、威胁或者非法限制人身自由的手段强迫劳动，或违章指挥、强令冒险作业危及人身安全（第三十八条第二款）',
};
