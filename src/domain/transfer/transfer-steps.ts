// The four steps of a cross-region transfer of the basic pension insurance relationship
// (国办发〔2009〕66号《城镇企业职工基本养老保险关系转移接续暂行办法》第八条). Step 1 is done on the day
// the case starts; each later step is due within 15 working days of the one before.

export const TRANSFER_STEP_COUNT = 4;

/** Working days each of steps 2–4 has after the previous step (第八条第（二）（三）（四）项). */
export const TRANSFER_STEP_WORKDAYS = 15;

export type TransferStepNumber = 1 | 2 | 3 | 4;

export interface TransferStepInfo {
  step: TransferStepNumber;
  /** What has to happen, as HR reads it. */
  title: string;
  /** Who acts. */
  actor: string;
  legalBasis: string;
}

/** The article every step's deadline comes from. */
export const TRANSFER_ARTICLE = '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）第八条';

export const transferSteps: readonly TransferStepInfo[] = [
  { step: 1, title: '向新参保地社保经办机构提交转移申请（附原参保地参保缴费凭证）', actor: '单位或本人', legalBasis: `${TRANSFER_ARTICLE}第（一）项` },
  { step: 2, title: '新参保地社保经办机构审核并出具联系函', actor: '新参保地社保经办机构', legalBasis: `${TRANSFER_ARTICLE}第（二）项` },
  { step: 3, title: '原参保地社保经办机构转移基本养老保险关系和资金', actor: '原参保地社保经办机构', legalBasis: `${TRANSFER_ARTICLE}第（三）项` },
  { step: 4, title: '新参保地社保经办机构办结记录并告知参保人', actor: '新参保地社保经办机构', legalBasis: `${TRANSFER_ARTICLE}第（四）项` },
];

export function transferStepInfo(step: number): TransferStepInfo {
  const info = transferSteps[step - 1];
  if (!info) throw new RangeError(`transfer step ${step} does not exist`);
  return info;
}

export function isTransferStepNumber(n: number): n is TransferStepNumber {
  return Number.isInteger(n) && n >= 1 && n <= TRANSFER_STEP_COUNT;
}
