// The employee hears the outcome of their exception request in chat, through the outbox in the
// deciding transaction: 「你的社保例外申请已通过 / 未通过」 with a link to the request.
import type { Tx } from '../../db/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { exceptionPageUrl } from './exception-links.ts';

/** @example await notifyExceptionDecision(deps, tx, { exceptionId, employeeId, approved: true, reasonLabel: '退休返聘' }) */
export async function notifyExceptionDecision(
  deps: Pick<ServiceDeps, 'outbox' | 'chatPlatforms' | 'publicBaseUrl'>,
  tx: Tx,
  o: { exceptionId: string; employeeId: string; approved: boolean; reasonLabel: string },
): Promise<void> {
  const text = o.approved
    ? `你的社保例外申请（${o.reasonLabel}）已通过人事经理审批。请按季度更新证明材料，详情：${exceptionPageUrl(deps.publicBaseUrl, o.exceptionId)}`
    : `你的社保例外申请（${o.reasonLabel}）未通过审批，公司将依法为你办理社保增员。如有疑问请联系人事，详情：${exceptionPageUrl(deps.publicBaseUrl, o.exceptionId)}`;
  const identities = await tx.platformIdentity.findMany({ where: { employeeId: o.employeeId, platform: { in: deps.chatPlatforms } } });
  for (const identity of identities) {
    await deps.outbox.enqueue(tx, {
      dedupeKey: `exc-decided:${o.exceptionId}:${o.approved ? 'approved' : 'rejected'}:${identity.platform}`,
      platform: identity.platform, recipients: [identity.userId], payload: { kind: 'text', text },
    });
  }
}
