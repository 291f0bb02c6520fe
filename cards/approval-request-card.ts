// 审批: one card per approver, for the step they decide. The facts shown are the approval's
// summary rows (frozen at submission), which step this is, and when the SLA runs out.
import { APPROVAL_APPROVE, APPROVAL_REJECT } from './action-ids.ts';
import type { CardDecision, CardModel, CardRow } from './card-model.ts';
import { decisionButtons } from './decision-buttons.ts';

export const APPROVAL_REQUEST_CARD = 'approval.request';

/** WeCom shows at most 6 rows; 步骤 and 截止 take two of them. */
export const APPROVAL_SUMMARY_MAX_ROWS = 4;

export interface ApprovalCardFacts {
  title: string;
  submitterName: string;
  summary: CardRow[];
  /** e.g. '第1步/共2步 人事经理审批'. */
  step: string;
  /** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
  due: string;
  /** Set on a card sent after an escalation. */
  escalated?: boolean;
}

/**
 * @example
 *   buildApprovalRequestCard({ facts, key: approvalCardKey(…), h5Url: `${publicBaseUrl}/app/todo/${approvalId}` })
 */
export function buildApprovalRequestCard(opts: { facts: ApprovalCardFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  return {
    type: APPROVAL_REQUEST_CARD,
    key: opts.key,
    title: f.title,
    // Neutral wording: a decided card keeps its subtitle and shows the decision line below it.
    subtitle: f.escalated ? `${f.submitterName} 提交 · 已超时升级至你审批` : `${f.submitterName} 提交的审批`,
    tone: f.escalated ? 'urgent' : 'normal',
    rows: [...f.summary.slice(0, APPROVAL_SUMMARY_MAX_ROWS), { label: '步骤', value: f.step }, { label: '截止', value: f.due }],
    buttons: decisionButtons({ actionId: APPROVAL_APPROVE, text: '同意' }, { actionId: APPROVAL_REJECT, text: '驳回' }, opts.h5Url),
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
