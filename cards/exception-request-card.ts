// 社保例外申请: an employee asks not to be insured here for one of the lawful reasons
// (src/domain/exceptions/lawful-categories.ts). HR sees which documents are still missing and
// which insurance stays owed; the request changes nothing until the HR manager approves.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_REQUEST_CARD = 'exception.request';

export interface ExceptionRequestFacts {
  /** 申请编号 as people read it (例外-2026-0007). */
  requestNo: string;
  name: string;
  department: string;
  reasonLabel: string;
  declarationSigned: boolean;
  /** Each proof the category needs (one or two: WeCom shows at most six rows). */
  proofs: { label: string; present: boolean }[];
  /** The insurance still owed here, short (a row value). */
  owedShort: string;
  /** The category's legal basis, short enough for the quote line. */
  legalNote: string;
}

/**
 * @example
 *   buildExceptionRequestCard({ key: 'exr-…-wecom', facts, h5Url: `${publicBaseUrl}/app/exceptions/${id}` })
 */
export function buildExceptionRequestCard(opts: { key: string; facts: ExceptionRequestFacts; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  return {
    type: EXCEPTION_REQUEST_CARD,
    key: opts.key,
    title: `社保例外申请 ${f.requestNo}`,
    subtitle: `${f.name} 申请不在本单位参保；审批通过前仍须按期增员`,
    tone: 'normal',
    rows: [
      { label: '员工', value: `${f.name}（${f.department}）` },
      { label: '原因', value: f.reasonLabel },
      { label: '签署声明', value: f.declarationSigned ? '✔ 已签署' : '✘ 未签署' },
      ...f.proofs.map((p) => ({ label: '证明材料', value: `${p.present ? '✔' : '✘'} ${p.label}` })),
      { label: '仍须参保', value: f.owedShort },
    ],
    legalBasis: f.legalNote,
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
