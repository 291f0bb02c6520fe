// 同意 / 驳回 on an approval card (审批).
import { APPROVAL_APPROVE, APPROVAL_REJECT } from '../../cards/action-ids.ts';
import { decideApprovalFromCard } from '../services/approvals/decide-approval-from-card.ts';
import { cardClickListener } from './card-click-listener.ts';

export const approvalApproveListener = cardClickListener(APPROVAL_APPROVE, decideApprovalFromCard);
export const approvalRejectListener = cardClickListener(APPROVAL_REJECT, decideApprovalFromCard);
