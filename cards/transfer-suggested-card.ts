// 建议办理养老保险关系转移接续: sent to HR when a hire (or a roster row) was insured in another city
// before (国办发〔2009〕66号). A man ≥ 50 or woman ≥ 40 from another hukou province is flagged: a
// temporary contribution account instead (《城镇企业职工基本养老保险关系转移接续暂行办法》第六条).
import type { CardDecision, CardModel } from './card-model.ts';

export const TRANSFER_SUGGESTED_CARD = 'transfer.suggested';

export interface TransferSuggestedFacts {
  employeeName: string;
  department: string;
  fromCity: string;
  toCity: string;
  startDate: string;
  /** The 第六条 warning, when it applies. */
  temporaryAccount?: string;
}

/**
 * @example
 *   buildTransferSuggestedCard({ facts, key: 'ex-…-transfer-wecom', h5Url })
 */
export function buildTransferSuggestedCard(o: { facts: TransferSuggestedFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  return {
    type: TRANSFER_SUGGESTED_CARD,
    key: o.key,
    title: '建议办理养老保险关系转移接续',
    subtitle: `${f.employeeName}此前在${f.fromCity}参保，现在${f.toCity}参保`,
    tone: f.temporaryAccount ? 'urgent' : 'normal',
    rows: [
      { label: '员工', value: f.employeeName },
      { label: '部门', value: f.department },
      { label: '入职日期', value: f.startDate },
      { label: '转移', value: `${f.fromCity} → ${f.toCity}` },
      ...(f.temporaryAccount ? [{ label: '注意', value: '建临时缴费账户，关系暂不转入' }] : [{ label: '待办', value: '提交转移申请（附参保缴费凭证）' }]),
    ],
    // The full 第六条 reason goes into the quote, which holds far more than a row.
    legalBasis: f.temporaryAccount ?? '依据《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）第八条：向新参保地提交转移申请，每个环节15个工作日内办结',
    buttons: [{ kind: 'link', text: '登记转移接续', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
