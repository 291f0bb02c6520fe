// A new hire gets the attendance rule in force with onboarding: a chat message linking to the H5
// page where they read it and sign (劳动合同法 第四条: the rule must be made known to them). Queued
// through the outbox in the caller's transaction, once per rule version, employee and platform.
import type { Tx } from '../../db/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { findCurrentRule } from './rule-acknowledgements.ts';

export const ruleReadUrl = (publicBaseUrl: string, ruleId: string) => `${publicBaseUrl}/app/rules/${ruleId}`;

/**
 * @example await queueRuleAcknowledgementRequest(deps, tx, { employeeId }); // → number of messages queued (0 without a stored rule)
 */
export async function queueRuleAcknowledgementRequest(deps: Pick<ServiceDeps, 'outbox' | 'chatPlatforms' | 'publicBaseUrl'>, tx: Tx, o: { employeeId: string }): Promise<number> {
  const rule = await findCurrentRule(tx, 'attendance');
  if (!rule) return 0;
  const identities = await tx.platformIdentity.findMany({ where: { employeeId: o.employeeId, platform: { in: deps.chatPlatforms } }, select: { platform: true, userId: true } });
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: o.employeeId }, select: { name: true } });
  const text = `【规章制度签收】${employee.name}，欢迎入职！请阅读公司${rule.title}（第 ${rule.version} 版），阅读后在线签收：${ruleReadUrl(deps.publicBaseUrl, rule.id)}`;
  for (const i of identities) {
    await deps.outbox.enqueue(tx, { dedupeKey: `company-rule:${rule.id}:${o.employeeId}:${i.platform}`, platform: i.platform, recipients: [i.userId], payload: { kind: 'text', text } });
  }
  return identities.length;
}
