// 社保例外申请: an employee asks not to be insured here for one of the two lawful reasons
// (劳动争议司法解释（一）第三十二条). HR sees which documents are still missing; the request
// changes nothing until the HR manager approves, and work-injury insurance stays required.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_REQUEST_CARD = 'exception.request';

export interface ExceptionRequestFacts {
  name: string;
  department: string;
  reasonLabel: string;
  declarationSigned: boolean;
  proofLabel: string;
  proofPresent: boolean;
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
    title: '社保例外申请',
    subtitle: `${f.name} 申请不在本单位参保，待员工签署声明并上传证明`,
    tone: 'normal',
    rows: [
      { label: '员工', value: `${f.name}（${f.department}）` },
      { label: '原因', value: f.reasonLabel },
      { label: '签署声明', value: f.declarationSigned ? '✔ 已签署' : '✘ 未签署' },
      { label: '证明材料', value: `${f.proofPresent ? '✔' : '✘'} ${f.proofLabel}` },
      { label: '风险提示', value: '审批通过前仍须按期增员；工伤保险仍须缴纳' },
    ],
    legalBasis: f.legalNote,
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
